package dev.picotool.board;

/**
 * How the terminal drawing marks the wires: ANSI colours (red VCC, yellow DATA, cyan GND, like the wires of the
 * SVG) when the caller prints to a terminal, plain text otherwise. The words carry the meaning either way.
 */
public final class Style {
    public static final Style PLAIN = new Style(false);
    public static final Style ANSI = new Style(true);

    private static final String RESET = "\u001b[0m";
    private static final String RED = "\u001b[1;31m";
    private static final String YELLOW = "\u001b[1;33m";
    private static final String CYAN = "\u001b[1;36m";
    private static final String BOLD = "\u001b[1m";

    private final boolean colour;

    private Style(boolean colour) {
        this.colour = colour;
    }

    /** Colour only for a terminal, and never when the NO_COLOR convention (no-color.org) asks for none. */
    public static Style forTerminal(boolean terminal, String noColorEnv) {
        return terminal && (noColorEnv == null || noColorEnv.isEmpty()) ? ANSI : PLAIN;
    }

    String power(String s) {
        return wrap(RED, s);
    }

    String data(String s) {
        return wrap(YELLOW, s);
    }

    String ground(String s) {
        return wrap(CYAN, s);
    }

    String warn(String s) {
        return wrap(RED, s);
    }

    String bold(String s) {
        return wrap(BOLD, s);
    }

    /** The colour of a sensor pin's wire by its role. */
    String role(String role, String s) {
        return switch (role) {
            case "power" -> power(s);
            case "data" -> data(s);
            case "ground" -> ground(s);
            default -> s;
        };
    }

    private String wrap(String code, String s) {
        return colour && !s.isEmpty() ? code + s + RESET : s;
    }
}
