package dev.picotool.config;

import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * Unknown keys in a config file: "did you mean interval?" from the nearest known key. A key that does not look like
 * a setting name (digits, capitals, symbols: a password pasted in the wrong place, say) is not repeated back.
 */
final class UnknownKeys {
    /** Settings are lower-case words joined by _ and .; anything else is not shown back. */
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z_.]{0,39}");

    private UnknownKeys() {
    }

    /** The key as it may be shown in a message. */
    static String shown(String key) {
        return NAME.matcher(key).matches() ? key : "(a key that is not shown: it does not look like a setting name)";
    }

    static String fix(String key) {
        String nearest = Schema.fileKeys().stream().min(Comparator.comparingInt(k -> distance(key, k))).orElseThrow();
        String last = key.substring(key.lastIndexOf('.') + 1);
        String byLastPart = Schema.fileKeys().stream()
                .min(Comparator.comparingInt(k -> distance(last, k.substring(k.lastIndexOf('.') + 1)))).orElseThrow();
        String guess = distance(key, nearest) <= Math.max(2, key.length() / 3) ? nearest : byLastPart;
        if (distance(last, guess.substring(guess.lastIndexOf('.') + 1)) > Math.max(2, last.length() / 2)
                && distance(key, guess) > Math.max(2, key.length() / 3)) {
            return "remove it; README.md lists the settings";
        }
        return "did you mean " + guess + "?";
    }

    /** Levenshtein distance, case-insensitive. */
    static int distance(String a, String b) {
        String x = a.toLowerCase(java.util.Locale.ROOT);
        String y = b.toLowerCase(java.util.Locale.ROOT);
        int[] prev = new int[y.length() + 1];
        int[] cur = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[y.length()];
    }
}
