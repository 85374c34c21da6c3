package dev.picotool.bootsel;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import dev.picotool.board.Board;
import dev.picotool.board.Boards;
import dev.picotool.config.LimitedFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A firmware file in UF2 format, read and checked before anything is copied. The format is github.com/microsoft/uf2
 * (README.md, "File format"): 512-byte blocks, each with two start magics, flags, a target address, a payload of up to
 * 476 bytes, its number and the total, a family id (when flag 0x2000 is set) and an end magic. The RP2040 bootrom
 * takes a block only with the family flag and its own family id (raspberrypi/pico-bootrom-rp2040,
 * bootrom/virtual_disk.c, vd_write_block) and ignores everything else without telling the host, so picotool checks
 * the family here, where it can still say so.
 */
public final class Uf2File {
    static final int BLOCK = 512;
    static final int MAGIC_START0 = 0x0A324655; // "UF2\n"
    static final int MAGIC_START1 = 0x9E5D5157;
    static final int MAGIC_END = 0x0AB16F30;
    static final int FLAG_NOT_MAIN_FLASH = 0x00000001;
    static final int FLAG_FAMILY_ID_PRESENT = 0x00002000;
    static final int MAX_PAYLOAD = 476;
    /** Twice the largest flash of the boards (a UF2 carries 256 bytes per 512-byte block), with room to spare. */
    static final int MAX_BYTES = 32 * 1024 * 1024;
    /** MicroPython's MICROPY_BANNER_NAME_AND_VERSION literal, NUL-terminated in the image (py/mpconfig.h). */
    private static final Pattern VERSION = Pattern.compile("MicroPython v(\\d{1,3}\\.\\d{1,3}\\.\\d{1,3})"
            + "(?:-[\\w.+-]{1,60})? on \\d{4}-\\d{2}-\\d{2}\u0000");

    private record Block(long target, byte[] payload) {
    }

    private final Path path;
    private final int blocks;
    private final Set<Long> families;
    private final String image;

    private Uf2File(Path path, int blocks, Set<Long> families, String image) {
        this.path = path;
        this.blocks = blocks;
        this.families = families;
        this.image = image;
    }

    /** Reads and parses the file; a file that is not a UF2 is a usage error naming what is wrong with it. */
    public static Uf2File read(Path path) {
        byte[] data;
        try {
            data = LimitedFile.read(path, MAX_BYTES);
        } catch (LimitedFile.Unreadable e) {
            throw notUf2(path, e.getMessage(), e.fix());
        }
        return parse(path, data);
    }

    static Uf2File parse(Path path, byte[] data) {
        if (data.length == 0 || data.length % BLOCK != 0) {
            throw notUf2(path, "is " + data.length + " bytes, not a whole number of 512-byte UF2 blocks",
                    downloadHint());
        }
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        Set<Long> families = new TreeSet<>();
        List<Block> flash = new ArrayList<>();
        for (int off = 0; off < data.length; off += BLOCK) {
            int n = off / BLOCK;
            if (b.getInt(off) != MAGIC_START0 || b.getInt(off + 4) != MAGIC_START1
                    || b.getInt(off + BLOCK - 4) != MAGIC_END) {
                throw notUf2(path, n == 0 ? "does not start with the UF2 magic numbers" : "has a block without the "
                        + "UF2 magic numbers (block " + n + "): it is damaged or only partly downloaded",
                        downloadHint());
            }
            int flags = b.getInt(off + 8);
            int size = b.getInt(off + 16);
            if ((flags & FLAG_FAMILY_ID_PRESENT) == 0) {
                throw notUf2(path, "has a block without a family id (block " + n + "), which the Raspberry Pi "
                        + "bootroms ignore", downloadHint());
            }
            if (size < 0 || size > MAX_PAYLOAD) {
                throw notUf2(path, "has a block with an impossible payload size (block " + n + ")", downloadHint());
            }
            families.add(Integer.toUnsignedLong(b.getInt(off + 28)));
            if ((flags & FLAG_NOT_MAIN_FLASH) == 0) {
                byte[] payload = new byte[size];
                System.arraycopy(data, off + 32, payload, 0, size);
                flash.add(new Block(Integer.toUnsignedLong(b.getInt(off + 12)), payload));
            }
        }
        flash.sort(Comparator.comparingLong(Block::target));
        StringBuilder image = new StringBuilder();
        for (Block blk : flash) {
            image.append(new String(blk.payload(), StandardCharsets.ISO_8859_1));
        }
        return new Uf2File(path, data.length / BLOCK, families, image.toString());
    }

    public Path path() {
        return path;
    }

    public int blocks() {
        return blocks;
    }

    /** Every family id the blocks carry. */
    public Set<Long> families() {
        return families;
    }

    /** The MicroPython release whose banner the image holds ("1.27.0"); empty for other firmware. */
    public Optional<String> micropythonVersion() {
        Matcher m = VERSION.matcher(image);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * The board the image was built for, from MicroPython's "; " MICROPY_BANNER_MACHINE literal (shared/runtime/
     * pyexec.c prints it after the version), e.g. "; Raspberry Pi Pico W with RP2040"; empty when none or several.
     */
    public Optional<Board> build() {
        List<Board> found = Boards.all().stream().filter(b -> image.contains("; " + b.machine() + "\u0000")).toList();
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /** "MicroPython 1.27.0 for the Raspberry Pi Pico W (RPI_PICO_W)", or what is known of it. */
    public String describe() {
        String what = micropythonVersion().map(v -> "MicroPython " + v).orElse("firmware (not MicroPython, or a "
                + "build picotool cannot read the version of)");
        return what + build().map(b -> " for the " + b.name() + " (" + b.micropythonBoard() + ")").orElse("");
    }

    static String hex(long family) {
        return String.format("0x%08x", family);
    }

    static String downloadHint() {
        return "download the .uf2 for your board again: " + String.join(" or ", Boards.all().stream()
                .filter(Board::wireless).map(Board::firmwareDownload).toList());
    }

    private static PicoToolException notUf2(Path path, String problem, String fix) {
        return new PicoToolException(ExitCode.USAGE, path + " " + problem + "; nothing was copied", fix);
    }
}
