package dev.picotool.board;

import java.util.ArrayList;
import java.util.List;

/** The diagram's legend: one line per wire, the pull-up, and the power advice (or the VBUS risk when asked). */
final class Legend {
    private static final int LINE = 20;
    private static final int WRAP = 118;

    private Legend() {
    }

    static int height(WiringPlan plan) {
        return 24 + (plan.wires().size() + 1) * LINE + 12 + advice(plan).size() * 17 + 30;
    }

    static void draw(Svg svg, WiringPlan plan, int top, int width) {
        int y = top;
        svg.text(24, y, "Connections", 14, "#111111", "start", "bold");
        y += 24;
        for (WiringPlan.Wire w : plan.wires()) {
            String role = w.sensorPin().role();
            String colour = switch (role) {
                case "power" -> WiringSvg.VCC;
                case "data" -> WiringSvg.DATA;
                case "ground" -> WiringSvg.GND;
                default -> "#bdbdbd";
            };
            svg.line(28, y - 4, 64, y - 4, colour, role.equals("none") ? 2 : 5);
            String to = w.headerPin().map(h -> h.name() + ", physical pin " + h.physical()
                    + (role.equals("ground") ? " (any GND pin works: " + plan.groundPins() + ")" : "")
                    + (role.equals("power") && plan.onVbus() ? " (5 V: see the warning below)" : ""))
                    .orElse("not connected");
            svg.text(76, y, plan.sensor().name() + " pin " + w.sensorPin().number() + " " + w.sensorPin().name()
                    + "  \u2192  " + to, 13, "#111111", "start", "normal");
            y += LINE;
        }
        svg.rect(40, y - 12, 10, 16, 1, "#ffffff", "#555555", 1.5, "3,2");
        svg.text(76, y, "Pull-up " + plan.sensor().pullUp().replace("kOhm", "k\u03a9")
                + " between DATA (pin 2) and VCC (pin 1); modules on a small board usually have it already.", 13,
                "#111111", "start", "normal");
        y += LINE + 12;
        List<String> lines = advice(plan);
        int boxTop = y - 16;
        int boxH = lines.size() * 17 + 12;
        svg.rect(20, boxTop, width - 40, boxH, 6, plan.onVbus() ? "#fdecea" : "#fff8e1",
                plan.onVbus() ? WiringSvg.VCC : "#f2a900", 1.5);
        for (String line : lines) {
            svg.text(32, y, line, 13, plan.onVbus() ? "#8e1b1b" : "#4e3b00", "start", "normal");
            y += 17;
        }
    }

    private static List<String> advice(WiringPlan plan) {
        List<String> lines = new ArrayList<>();
        if (plan.onVbus()) {
            lines.addAll(wrap("RISK: " + plan.vbusRisk()));
            lines.addAll(wrap("SAFE: " + plan.safeSupply()));
        } else {
            HeaderPin vbus = plan.board().pinout().physical(plan.board().pinout().vbusPin());
            lines.addAll(wrap("Power the sensor from " + plan.power().name() + " (pin " + plan.power().physical()
                    + "), never from " + vbus.name() + " (pin " + vbus.physical() + ", USB 5 V): with 5 V on VCC the "
                    + "pull-up puts 5 V on DATA, more than " + plan.board().mcu() + " GPIOs are made for."));
        }
        plan.dataCaution().ifPresent(c -> lines.addAll(wrap("Note: " + c + ".")));
        return lines;
    }

    /** Lines of at most WRAP characters; a number stays with its unit ("5 V" never breaks). */
    static List<String> wrap(String text) {
        List<String> out = new ArrayList<>();
        text = text.replaceAll("(\\d) (V|kOhm|mA)\\b", "$1\u00a0$2");
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > WRAP) {
                out.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            out.add(line.toString());
        }
        return out;
    }
}
