package dev.picotool.testing;

import java.util.Random;

/**
 * Random strings over all of Unicode (every code point except lone surrogates), with the characters that break
 * naive escaping made frequent. Seeded, so a failing case can be replayed with -Dunicode.seed=N.
 */
public final class UnicodeStrings {
    private static final int[] NASTY = {'\'', '"', '\\', '\n', '\r', '\t', 0, 0x2028, 0x2029, 0xFEFF, 0x7F, 0x85,
        '{', '}', '$', '#', '%', 0x1F600, 0x10FFFF, 0xFFFF};

    private final Random random;
    private final long seed;

    public UnicodeStrings() {
        this.seed = Long.getLong("unicode.seed", System.nanoTime());
        this.random = new Random(seed);
    }

    public long seed() {
        return seed;
    }

    public String next(int maxLength) {
        int length = 1 + random.nextInt(maxLength);
        StringBuilder sb = new StringBuilder();
        while (sb.codePointCount(0, sb.length()) < length) {
            int roll = random.nextInt(8);
            int cp;
            if (roll < 3) {
                cp = NASTY[random.nextInt(NASTY.length)];
            } else if (roll < 6) {
                cp = 0x20 + random.nextInt(0x5F);
            } else {
                cp = random.nextInt(0x110000);
                if (cp >= 0xD800 && cp <= 0xDFFF) {
                    continue;
                }
            }
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }
}
