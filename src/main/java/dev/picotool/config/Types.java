package dev.picotool.config;

import dev.picotool.board.Pin;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The value types of the settings. Every setting's text, from a flag or a file, goes through exactly one of these:
 * nothing is guessed (YAML's {@code 015}, {@code NO} or {@code 12:30} stay the text they are until a type reads it).
 */
final class Types {
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+(\\.\\d{1,3})?");

    /** MQTT allows 65535 bytes, but every topic travels in every message and in the discovery document. */
    static final int MAX_TOPIC_BYTES = 256;

    private Types() {
    }

    static final ValueType<String> TEXT = (text, c) -> plain(text);

    /** Secrets are found by {@link SecretResolver}, never parsed from a setting's text. */
    static final ValueType<Secret> SECRET = (text, c) -> {
        throw new IllegalStateException("a secret has no text form");
    };

    static final ValueType<Boolean> BOOL = (text, c) -> switch (text.trim().toLowerCase(Locale.ROOT)) {
        case "true", "yes", "on" -> true;
        case "false", "no", "off" -> false;
        default -> throw new Invalid("'" + text + "' is not true or false", "write true or false");
    };

    /** A string the firmware can carry: no NUL (C strings end there) and nothing without a UTF-8 form. */
    static String plain(String text) throws Invalid {
        if (text.indexOf('\0') >= 0 || !StandardCharsets.UTF_8.newEncoder().canEncode(text)) {
            throw new Invalid("contains a NUL or an unpaired surrogate character", "remove it");
        }
        return text;
    }

    static ValueType<Integer> integer(int min, int max, String rule) {
        return (text, c) -> {
            String t = text.trim();
            if (!INTEGER.matcher(t).matches()) {
                throw new Invalid("'" + text + "' is not a whole number", "use " + rule);
            }
            noLeadingZero(t);
            int v;
            try {
                v = Integer.parseInt(t);
            } catch (NumberFormatException e) {
                throw new Invalid("'" + t + "' is out of range", "use " + rule);
            }
            if (v < min || v > max) {
                throw new Invalid(v + " is out of range", "use " + rule);
            }
            return v;
        };
    }

    /** Seconds with an optional fraction of up to milliseconds (0.5); no exponents, no inf/nan. */
    static ValueType<BigDecimal> seconds(BigDecimal max) {
        return (text, c) -> {
            BigDecimal v = decimalText(text, "number of seconds", "10 or 2.5");
            if (v.signum() <= 0 || v.compareTo(max) > 0) {
                throw new Invalid(v.toPlainString() + " is out of range", "use a number of seconds above 0 and at "
                        + "most " + max.toPlainString());
            }
            return v;
        };
    }

    /** A number as written, at most three decimals: stripped of trailing zeros (2.50 is 2.5, 10.0 is 10). */
    private static BigDecimal decimalText(String text, String what, String example) throws Invalid {
        String t = text.trim();
        if (!DECIMAL.matcher(t).matches()) {
            throw new Invalid("'" + text + "' is not a " + what, "write e.g. " + example + " (at most three "
                    + "decimals)");
        }
        noLeadingZero(t);
        BigDecimal plain = new BigDecimal(t).stripTrailingZeros();
        return plain.scale() < 0 ? plain.setScale(0) : plain;
    }

    private static void noLeadingZero(String t) throws Invalid {
        String digits = t.replaceFirst("^[+-]", "");
        if (digits.length() > 1 && digits.charAt(0) == '0' && Character.isDigit(digits.charAt(1))) {
            throw new Invalid("'" + t + "' has a leading zero, which YAML 1.1 tools read as an octal number",
                    "write it without the leading zero: " + digits.replaceFirst("^0+(?=\\d)", ""));
        }
    }

    static <E extends Enum<E>> ValueType<E> choice(Class<E> type) {
        String valid = Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        return (text, c) -> {
            try {
                return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new Invalid("'" + text + "' is not one of " + valid, "use one of " + valid);
            }
        };
    }

    /** A topic the firmware publishes to: no wildcards (subscribers only), no $ (the broker's), not too long. */
    static ValueType<String> topic(String example) {
        return (text, c) -> {
            checkTopic(text, example, text.getBytes(StandardCharsets.UTF_8).length);
            for (String p : Placeholders.IN_TOPICS) {
                if (Placeholders.uses(text, p)) {
                    throw new Invalid("'" + text + "' contains " + p + ": placeholders are filled in by the board and "
                            + "are not allowed here", "write it without placeholders, e.g. " + example);
                }
            }
            return text;
        };
    }

    /**
     * A topic of one board: like {@link #topic}, and it may hold {@code {id}}, {@code {id4}} and {@code {name}}, which
     * the board fills in. Its length counts {@code {id}} as the 16 hex digits it becomes ({@code {name}} as written
     * here; the setting's own check counts the device name).
     */
    static ValueType<String> topicTemplate(String example) {
        return (text, c) -> {
            Placeholders.check(text, Placeholders.IN_TOPICS);
            checkTopic(text, example, Placeholders.expandedBytes(text, Placeholders.NAME.length()));
            return text;
        };
    }

    static void checkTopic(String text, String example, int bytes) throws Invalid {
        if (text.isEmpty()) {
            throw new Invalid("is empty", "give a topic such as " + example);
        }
        if (text.contains("+") || text.contains("#")) {
            throw new Invalid("'" + text + "' contains a wildcard (+ or #), which is only allowed when "
                    + "subscribing", "publish to a plain topic such as " + example);
        }
        plain(text);
        if (bytes > MAX_TOPIC_BYTES) {
            throw new Invalid("is " + bytes + " bytes on the board; picotool allows " + MAX_TOPIC_BYTES + " (every "
                    + "message and the Home Assistant discovery document carry it)", "use a shorter topic");
        }
        if (text.startsWith("$")) {
            throw new Invalid("topics starting with $ are reserved for the broker", "use a topic such as "
                    + example);
        }
    }

    /** A signed decimal with at most three decimals within [min, max] (calibration offsets); no exponents. */
    static ValueType<BigDecimal> decimal(BigDecimal min, BigDecimal max, String unit) {
        return (text, c) -> {
            BigDecimal v = decimalText(text, "number", "-1.5 or 0.8");
            if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
                throw new Invalid(v.toPlainString() + " is out of range", "use a value from " + min.toPlainString()
                        + " to " + max.toPlainString() + " " + unit);
            }
            return v;
        };
    }

    /** A GPIO of the board: GP15, gpio15 or 15; the board data says which exist and which are taken. */
    static final ValueType<Pin> PIN = (text, c) -> {
        String name = text.trim();
        if (name.matches("0\\d+")) {
            throw new Invalid("'" + name + "' has a leading zero, which YAML 1.1 tools read as an octal number",
                    "write the GPIO name, e.g. GP" + Integer.parseInt(name));
        }
        Optional<dev.picotool.board.Pinout.PinRejection> refused = c.pinout().rejection(name);
        if (refused.isPresent()) {
            throw new Invalid(refused.get().problem(), refused.get().fix());
        }
        return c.pinout().find(name).orElseThrow();
    };
}
