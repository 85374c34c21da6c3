package dev.picotool.bootsel;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import dev.picotool.board.Board;
import dev.picotool.board.Boards;
import dev.picotool.config.LimitedFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A mounted UF2 bootloader drive: a folder with {@code INFO_UF2.TXT} at its root, whose {@code Board-ID} line names
 * the bootrom ("RPI-RP2" for the RP2040, "RP2350"; the boards' {@code bootselDrive} in pinouts/). The file's format
 * is the UF2 spec's (github.com/microsoft/uf2, README.md, "Files exposed by bootloaders"): "Key: value" lines.
 *
 * @param boards the boards whose bootrom this is (several boards share a chip); empty for another maker's bootloader
 */
public record BootselDrive(Path root, String boardId, String model, List<Board> boards) {
    public static final String INFO_FILE = "INFO_UF2.TXT";
    private static final int INFO_LIMIT = 4096;

    /** The drive at {@code dir}, when it holds a readable INFO_UF2.TXT. */
    public static Optional<BootselDrive> at(Path dir) {
        Path info = dir.resolve(INFO_FILE);
        if (!Files.isRegularFile(info)) {
            return Optional.empty();
        }
        String text;
        try {
            text = new String(LimitedFile.read(info, INFO_LIMIT), StandardCharsets.US_ASCII);
        } catch (LimitedFile.Unreadable e) {
            return Optional.empty();
        }
        String id = field(text, "Board-ID");
        List<Board> boards = Boards.all().stream().filter(b -> b.bootselDrive().equals(id)).toList();
        return Optional.of(new BootselDrive(dir, id, field(text, "Model"), boards));
    }

    private static String field(String text, String key) {
        return text.lines().map(String::strip).filter(l -> l.startsWith(key + ":"))
                .map(l -> l.substring(key.length() + 1).strip()).findFirst().orElse("");
    }

    /** Whether a Raspberry Pi chip's bootrom shows this drive (one picotool has board data for). */
    public boolean isRaspberryPi() {
        return !boards.isEmpty();
    }

    /** "RP2040", "RP2350", or the Board-ID for other bootloaders. */
    public String chip() {
        return boards.isEmpty() ? boardId : boards.get(0).mcu();
    }

    /** The UF2 family ids this bootrom takes: those of every board built on the chip. */
    public Set<Long> acceptedFamilies() {
        return boards.stream().flatMap(b -> b.uf2FamilyIds().stream()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The board with Wi-Fi built on this chip (for download advice), if any. */
    public Optional<Board> wirelessBoard() {
        return boards.stream().filter(Board::wireless).findFirst();
    }

    /** "RPI-RP2 drive (RP2040) at /media/me/RPI-RP2". */
    public String describe() {
        return boardId + " drive (" + chip() + ") at " + root;
    }

    /** Refuses, before copying, a file the bootrom would ignore: another chip's families, or a build without Wi-Fi. */
    public void check(Uf2File uf2) {
        Set<Long> accepted = acceptedFamilies();
        Set<Long> foreign = new TreeSet<>(uf2.families());
        foreign.removeAll(accepted);
        String download = wirelessBoard().map(b -> "download the " + b.micropythonBoard() + " build for the "
                + b.name() + " from " + b.firmwareDownload()).orElse(Uf2File.downloadHint());
        if (!foreign.isEmpty()) {
            throw new PicoToolException(ExitCode.USAGE, uf2.path() + " is for " + chipsOf(foreign) + ", but the "
                    + "board in BOOTSEL mode is an " + chip() + " (" + describe() + "), whose bootrom would ignore it; "
                    + "nothing was copied", download);
        }
        uf2.build().filter(b -> !b.wireless()).ifPresent(b -> {
            throw new PicoToolException(ExitCode.USAGE, uf2.path() + " is " + uf2.describe() + ", which has no "
                    + "Wi-Fi (no network module), and the firmware needs Wi-Fi; nothing was copied", download);
        });
    }

    /** "RP2350 (family 0xe48bff59)" or "family 0x16573617, which no board picotool knows uses". */
    private static String chipsOf(Set<Long> families) {
        return families.stream().map(f -> Boards.all().stream().filter(b -> b.uf2FamilyIds().contains(f))
                .map(Board::mcu).findFirst().map(mcu -> "the " + mcu + " (UF2 family " + Uf2File.hex(f) + ")")
                .orElse("UF2 family " + Uf2File.hex(f) + ", not a Raspberry Pi chip (github.com/microsoft/uf2 "
                        + "utils/uf2families.json lists the families)")).distinct()
                .collect(Collectors.joining(" and "));
    }
}
