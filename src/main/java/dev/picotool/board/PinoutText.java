package dev.picotool.board;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code picotool pinout} as text: both header rows seen from above with the USB end at the top, physical numbers
 * and names, the sensor's wires marked at their pins, then the wiring table and the notes (pull-up, power).
 */
public final class PinoutText {
    private static final String BODY = "| o           o |";
    private static final int MARK = 16;
    private static final int CELL = 18;

    private PinoutText() {
    }

    /** The board with the sensor's wires marked, the table and the notes. */
    public static String render(WiringPlan plan, Style style) {
        StringBuilder sb = new StringBuilder();
        sb.append(title(plan.board())).append(", ").append(plan.sensor().name()).append(" DATA on ")
                .append(plan.data().label()).append("\n\n");
        Map<Integer, String> marks = new HashMap<>();
        for (WiringPlan.Wire w : plan.wires()) {
            w.headerPin().ifPresent(h -> marks.put(h.physical(), style.role(w.sensorPin().role(),
                    plan.sensor().name() + " " + w.sensorPin().name() + (plan.onVbus() && w.sensorPin().role()
                            .equals("power") ? " (!)" : ""))));
        }
        drawBoard(sb, plan.board(), marks, style, Optional.empty());
        sb.append('\n');
        table(sb, plan, style);
        sb.append('\n').append(advice(plan, style));
        return sb.toString();
    }

    /** The board alone, with the GPIO the user asked for marked among the reserved ones (it cannot be used). */
    public static String boardOnly(Board board, String askedPin, Style style) {
        StringBuilder sb = new StringBuilder(title(board)).append("\n\n");
        drawBoard(sb, board, Map.of(), style, Optional.ofNullable(askedPin));
        return sb.toString();
    }

    private static String title(Board board) {
        return board.name() + " (" + board.mcu() + "), seen from above, USB at the top";
    }

    private static void drawBoard(StringBuilder sb, Board board, Map<Integer, String> marks, Style style,
                                  Optional<String> asked) {
        Pinout p = board.pinout();
        String indent = " ".repeat(MARK + 1 + CELL + 4);
        sb.append(indent).append("+----[ USB ]----+\n");
        for (int row = 0; row < 20; row++) {
            HeaderPin l = p.physical(row + 1);
            HeaderPin r = p.physical(40 - row);
            String lm = marks.containsKey(l.physical()) ? marks.get(l.physical()) + " ==>" : "";
            String rm = marks.containsKey(r.physical()) ? "<== " + marks.get(r.physical()) : "";
            String line = padLeft(lm, MARK) + ' ' + cell(l, marks, style) + String.format(" %2d ", l.physical()) + BODY
                    + String.format(" %-2d ", r.physical()) + cell(r, marks, style) + (rm.isEmpty() ? "" : "  " + rm);
            sb.append(line.stripTrailing()).append('\n');
        }
        sb.append(indent).append("+---------------+\n");
        List<ReservedGpio> reserved = p.reserved();
        if (!reserved.isEmpty()) {
            sb.append("\nNot on the header, kept by the board:\n");
            for (ReservedGpio r : reserved) {
                boolean mine = asked.map(a -> p.reservedReason(a).isPresent()
                        && p.reservedReason(a).get().equals(r.reason())).orElse(false);
                String line = String.format("  %-5s %-11s %s", r.name(), r.function(), r.reason());
                sb.append(mine ? style.warn(line + "  <== your pin") : line).append('\n');
            }
        }
    }

    /**
     * A pin's name with the function it is best known for beside it ("UART0 TX  GP0" on the left edge, "GP28  ADC2"
     * on the right), in 18 columns; padded before colouring, so ANSI codes never shift the columns.
     */
    private static String cell(HeaderPin h, Map<Integer, String> marks, Style style) {
        String hint = hint(h);
        String name = marks.containsKey(h.physical()) ? style.bold(h.name()) : h.name();
        int width = h.name().length() + (hint.isEmpty() ? 0 : hint.length() + 2);
        String pad = " ".repeat(Math.max(0, CELL - width));
        if (h.leftSide()) {
            return pad + (hint.isEmpty() ? "" : hint + "  ") + name;
        }
        return name + (hint.isEmpty() ? "" : "  " + hint) + pad;
    }

    /** The function a GPIO is best known for (its default peripheral, or ADC), shown beside it. */
    private static String hint(HeaderPin h) {
        if (!h.isGpio() || h.caution().isEmpty()) {
            return "";
        }
        String c = h.caution();
        int by = c.indexOf(" by default");
        int colon = c.indexOf(':');
        return by > 0 ? c.substring(0, by) : colon > 0 ? c.substring(0, colon) : "";
    }

    private static void table(StringBuilder sb, WiringPlan plan, Style style) {
        SensorSpec s = plan.sensor();
        sb.append("Wiring (").append(s.fullName()).append(", grille facing you, pins numbered 1-")
                .append(s.pins().size()).append(" from the left):\n");
        for (WiringPlan.Wire w : plan.wires()) {
            String left = String.format("  %s pin %d  %-5s ->  ", s.name(), w.sensorPin().number(),
                    w.sensorPin().name());
            String right = w.headerPin().map(h -> String.format("physical pin %-2d  %s", h.physical(), h.name()))
                    .orElse("not connected");
            if (w.sensorPin().role().equals("ground")) {
                right += "   (any GND pin works: " + plan.groundPins() + ")";
            }
            if (w.sensorPin().role().equals("power") && plan.onVbus()) {
                right += "   (!) 5 V: see below";
            }
            sb.append(style.role(w.sensorPin().role(), left + right)).append('\n');
        }
    }

    /** The pull-up, the data pin's caution, where the power comes from (or the VBUS risk), how often to read. */
    public static String advice(WiringPlan plan, Style style) {
        StringBuilder sb = new StringBuilder();
        SensorSpec s = plan.sensor();
        sb.append("Pull-up: ").append(s.pullUp()).append(" from DATA to VCC. Modules on a small board (3 pins: +, out, -)"
                + " usually have it; a bare 4-pin sensor needs one.\n");
        plan.dataCaution().ifPresent(c -> sb.append("Note: ").append(c).append(".\n"));
        if (!plan.board().wireless()) {
            sb.append("Note: the ").append(plan.board().name()).append(" has no Wi-Fi; picotool's firmware needs a "
                    + "board with the wireless chip (").append(Boards.all().stream().filter(Board::wireless)
                    .map(Board::name).collect(java.util.stream.Collectors.joining(" or "))).append(").\n");
        }
        if (plan.onVbus()) {
            sb.append('\n').append(style.warn("RISK: " + plan.vbusRisk())).append('\n');
            sb.append("Safe: ").append(plan.safeSupply()).append('\n');
        } else {
            HeaderPin vbus = plan.board().pinout().physical(plan.board().pinout().vbusPin());
            sb.append("Power: ").append(plan.power().name()).append(" keeps DATA at 3.3 V. Never take VCC from ")
                    .append(vbus.name()).append(" (physical pin ").append(vbus.physical())
                    .append("): 5 V on DATA can damage the board (`picotool pinout --power vbus` says why).\n");
        }
        sb.append("Read it at most every ").append(WiringPlan.seconds(s.minReadIntervalMs()))
                .append(": faster reads give stale values or checksum errors.\n");
        return sb.toString();
    }

    private static String padLeft(String s, int width) {
        int visible = s.replaceAll("\u001b\\[[0-9;]*m", "").length();
        return " ".repeat(Math.max(0, width - visible)) + s;
    }
}
