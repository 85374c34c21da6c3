package dev.picotool.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** UF2 files as MicroPython's build writes them (github.com/microsoft/uf2): 256 image bytes per 512-byte block. */
public final class Uf2Files {
    public static final long RP2040 = 0xe48bff56L;
    public static final long RP2350_ARM_S = 0xe48bff59L;
    public static final int FAMILY_FLAG = 0x2000;

    private Uf2Files() {
    }

    /** An image with MicroPython's two banner literals (version, "; " machine), apart, amid filler. */
    public static byte[] micropythonImage(String version, String machine) {
        Random r = new Random(version.hashCode() * 31L + machine.hashCode());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(filler(r, 700));
        out.writeBytes(("MicroPython v" + version + " on 2025-12-10\0").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(filler(r, 3000));
        out.writeBytes(("; " + machine + "\0").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(filler(r, 300));
        return out.toByteArray();
    }

    /** Filler without the letters of the literals, so it never forms one by chance. */
    private static byte[] filler(Random r, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (0x80 + r.nextInt(0x80));
        }
        return b;
    }

    public static byte[] uf2(long family, byte[] image) {
        return uf2(family, image, FAMILY_FLAG);
    }

    public static byte[] uf2(long family, byte[] image, int flags) {
        int pages = (image.length + 255) / 256;
        ByteBuffer b = ByteBuffer.allocate(pages * 512).order(ByteOrder.LITTLE_ENDIAN);
        for (int n = 0; n < pages; n++) {
            int off = n * 512;
            b.putInt(off, 0x0A324655).putInt(off + 4, 0x9E5D5157).putInt(off + 8, flags)
                    .putInt(off + 12, 0x10000000 + 256 * n).putInt(off + 16, 256).putInt(off + 20, n)
                    .putInt(off + 24, pages).putInt(off + 28, (int) family).putInt(off + 508, 0x0AB16F30);
            b.put(off + 32, image, n * 256, Math.min(256, image.length - n * 256));
        }
        return b.array();
    }
}
