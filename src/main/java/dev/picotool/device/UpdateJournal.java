package dev.picotool.device;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import dev.picotool.render.PyLiteral;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The code that makes a firmware update all or nothing on the board. It is firmware/picoboot.py itself, sent as
 * part of our execs: the same functions switch the staged files in, complete a switch that lost power (picotool's
 * next connection, or the board's next boot, when main.py starts with {@code import picoboot} /
 * {@code picoboot.finish_update()}), and delete leftovers, so there is one implementation, tested on MicroPython.
 */
final class UpdateJournal {
    /** The boot helper; switched first so a new main.py never starts without it. */
    static final String HELPER = "picoboot.py";
    static final String MAIN = "main.py";
    /** The journal; its presence means "committed: switch the staged files in". Same name in picoboot.py. */
    static final String JOURNAL = "picotool-update.json";
    /** A staged file is its target's name plus this. Same suffix in picoboot.py. */
    static final String STAGED_SUFFIX = ".picotool.tmp";
    /** How picotool staged files before the journal existed; such leftovers are removed for the names we flash. */
    static final String LEGACY_SUFFIX = ".tmp";

    /** picoboot.py as sent in our execs: without its comment lines, which the board would only have to skip. */
    private static final String SOURCE = load("/firmware/" + HELPER).lines()
            .filter(l -> !l.strip().startsWith("#")).map(l -> l + "\n").collect(Collectors.joining());

    private UpdateJournal() {
    }

    static String staged(String name) {
        return name + STAGED_SUFFIX;
    }

    static boolean isLeftover(String name) {
        return name.endsWith(STAGED_SUFFIX) || name.equals(JOURNAL);
    }

    /**
     * Whether a board whose root holds {@code root} can have anything to complete or clean up for a flash of
     * {@code names}: a journal, a staged file, or a legacy leftover; or files in folders we did not look into.
     */
    static boolean needsRecovery(List<String> root, List<String> names) {
        return names.stream().anyMatch(n -> n.contains("/") || root.contains(n + LEGACY_SUFFIX))
                || root.stream().anyMatch(UpdateJournal::isLeftover);
    }

    /** The helper first, then main.py: a cut after either boots code that completes the journal. */
    static List<String> switchOrder(List<String> names) {
        Set<String> order = new LinkedHashSet<>();
        for (String first : List.of(HELPER, MAIN)) {
            if (names.contains(first)) {
                order.add(first);
            }
        }
        order.addAll(names);
        return new ArrayList<>(order);
    }

    /**
     * Completes a committed switch, deletes staged leftovers in {@code folders} and the legacy leftovers named;
     * prints {@code (switched or -1 without a journal, removed)}.
     */
    static String recoverCode(List<String> folders, List<String> legacyLeftovers) {
        return SOURCE + "s,r=recover(" + PyLiteral.of(folders) + ")\nimport os\nfor p in "
                + PyLiteral.of(legacyLeftovers) + ":\n try:\n  os.remove(p)\n  r+=1\n except OSError:\n  pass\n"
                + "print(repr((s,r)))\n";
    }

    /**
     * Commits and switches. Ctrl-C is disabled first: a second client taking over the port (its Ctrl-C) can no
     * longer stop the renames half-way; only a power cut can, and the journal covers that. Prints {@code (n,)}.
     */
    static String commitCode(List<String> finals) {
        List<List<String>> pairs = new ArrayList<>();
        for (String f : switchOrder(finals)) {
            pairs.add(List.of(staged(f), f));
        }
        return "import micropython\nmicropython.kbd_intr(-1)\n" + SOURCE + "print(repr((commit("
                + PyLiteral.of(pairs) + "),)))\n";
    }

    private static String load(String resource) {
        try (InputStream in = UpdateJournal.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new PicoToolException(ExitCode.INTERNAL, resource + " is missing from picotool",
                        "rebuild picotool (tool/picotool rebuilds it when sources change)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PicoToolException(ExitCode.INTERNAL, "cannot read " + resource + " from picotool",
                    "rebuild picotool", e);
        }
    }
}
