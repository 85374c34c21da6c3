package dev.picotool.board;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The wiring diagram as SVG, for a tutorial: the board seen from above (USB at the top) with its 40 pins numbered and
 * named, the sensor with its four legs beside the data pin, coloured wires (red VCC, yellow DATA, black GND) routed
 * around the board, the pull-up, and a legend. Wires are drawn over a white halo, so where two must cross the gap
 * shows which passes over. Deterministic output: the same plan always gives the same bytes.
 */
public final class WiringSvg {
    static final String VCC = "#d32f2f";
    static final String DATA = "#f2a900";
    static final String GND = "#212121";
    private static final int W = 960;
    private static final int PITCH = 26;
    private static final int SENSOR_PITCH = 36;
    private static final int BX = 355;
    private static final int BW = 250;
    private static final int BY = 120;
    private static final int LEAD = 36;

    private WiringSvg() {
    }

    public static String render(WiringPlan plan) {
        Svg svg = new Svg();
        Layout l = new Layout(plan);
        svg.open(W, l.height, title(plan), plan);
        svg.group(l.shift);
        board(svg, plan.board(), plan);
        sensor(svg, plan, l);
        wires(svg, plan, l);
        svg.endGroup();
        Legend.draw(svg, plan, l.legendTop + l.shift, W);
        return svg.close();
    }

    static String title(WiringPlan plan) {
        return plan.sensor().name() + " on a " + plan.board().name() + ": DATA on " + plan.data().name()
                + " (physical pin " + plan.data().physical() + ")";
    }

    /** Where things go: the sensor beside the data pin's side, channels between it and the board. */
    static final class Layout {
        final boolean left;
        final int dataY;
        final int leadEnd;
        final int boardBottom = rowY(19) + 30;
        final int legendTop;
        final int height;
        /** Moves the drawing down when the sensor beside a pin near the USB end would reach into the title. */
        final int shift;
        final List<SensorSpec.SensorPin> order;

        Layout(WiringPlan plan) {
            left = plan.data().leftSide();
            dataY = rowY(plan.data().row());
            leadEnd = left ? 240 : W - 240;
            List<SensorSpec.SensorPin> pins = new ArrayList<>(plan.sensor().pins());
            // Seen with the grille facing you and the legs pointing at the board: turned left, leg 4 is on top.
            if (left) {
                java.util.Collections.reverse(pins);
            }
            order = pins;
            int lowest = Math.max(boardBottom, sensorPinY(order.size() - 1) + 40);
            legendTop = lowest + 70;
            shift = Math.max(0, 84 - (sensorPinY(0) - 26 - 22));
            height = legendTop + shift + Legend.height(plan);
        }

        int sensorPinY(int index) {
            int dataIndex = order.indexOf(order.stream().filter(p -> p.role().equals("data")).findFirst()
                    .orElseThrow());
            return dataY + (index - dataIndex) * SENSOR_PITCH;
        }

        int sensorPinY(SensorSpec.SensorPin p) {
            return sensorPinY(order.indexOf(p));
        }

        /** The vertical channel {@code n} (0 nearest the sensor) between the sensor's legs and the board. */
        int channel(int n) {
            return left ? leadEnd + 24 + 22 * n : leadEnd - 24 - 22 * n;
        }

        int bottomChannel(int n) {
            return Math.max(boardBottom, sensorPinY(order.size() - 1) + 20) + 24 + 14 * n;
        }
    }

    static int rowY(int row) {
        return BY + 44 + row * PITCH;
    }

    static int pinX(HeaderPin h) {
        return h.leftSide() ? BX + 16 : BX + BW - 16;
    }

    private static void board(Svg svg, Board board, WiringPlan plan) {
        svg.rect(BX, BY, BW, rowY(19) + 30 - BY, 10, "#1e7a46", "#0f4d2a", 2);
        svg.rect(BX + BW / 2 - 30, BY - 14, 60, 28, 3, "#c9ced6", "#7d8590", 1.5);
        svg.text(BX + BW / 2, BY + 5, "USB", 11, "#30363d", "middle", "bold");
        for (int[] c : new int[][] {{BX + 14, BY + 14}, {BX + BW - 14, BY + 14}, {BX + 14, rowY(19) + 16},
                {BX + BW - 14, rowY(19) + 16}}) {
            svg.circle(c[0], c[1], 5, "#ffffff", "#0f4d2a", 1);
        }
        svg.verticalText(BX + BW / 2, (BY + rowY(19)) / 2, board.name() + "  ·  " + board.mcu(), 12, "#cfe8d8");
        for (HeaderPin h : board.pinout().header()) {
            int x = pinX(h);
            int y = rowY(h.row());
            String ring = h.physical() == plan.power().physical() ? VCC : h.physical() == plan.data().physical() ? DATA
                    : h.physical() == plan.ground().physical() ? GND : null;
            svg.circle(x, y, 7, "#e3b448", ring == null ? "#8a6a1c" : ring, ring == null ? 1.5 : 3.5);
            svg.circle(x, y, 2.5, "#3b2f14", null, 0);
            boolean l = h.leftSide();
            svg.text(l ? x + 13 : x - 13, y + 4, String.valueOf(h.physical()), 10, "#b9dcc6", l ? "start" : "end",
                    "normal");
            svg.text(l ? x + 32 : x - 32, y + 4, h.name(), 12, nameColour(h), l ? "start" : "end",
                    ring == null ? "normal" : "bold");
        }
    }

    private static String nameColour(HeaderPin h) {
        return switch (h.kind()) {
            case "ground" -> "#c4c4c4";
            case "power" -> "#ffb4a8";
            case "control" -> "#d7c4ff";
            default -> "#ffffff";
        };
    }

    private static void sensor(Svg svg, WiringPlan plan, Layout l) {
        int top = l.sensorPinY(0) - 26;
        int bottom = l.sensorPinY(l.order.size() - 1) + 26;
        int bodyW = 130;
        int bodyX = l.left ? l.leadEnd - LEAD - bodyW : l.leadEnd + LEAD;
        boolean dht11 = plan.sensor().id().equals("dht11");
        svg.rect(bodyX, top, bodyW, bottom - top, 8, dht11 ? "#dbeaf7" : "#f4f4f1", "#8c8c86", 1.5);
        // The grille on the far side from the legs, so the leg labels stay clear of it.
        int gx = l.left ? bodyX + 12 : bodyX + bodyW - 12 - 48;
        for (int r = 0; r < (bottom - top - 24) / 12; r++) {
            for (int c = 0; c < 4; c++) {
                svg.rect(gx + c * 13, top + 12 + r * 12, 9, 7, 1, "#b9b9b2", null, 0);
            }
        }
        int labelX = l.left ? bodyX + bodyW - 8 : bodyX + 8;
        String anchor = l.left ? "end" : "start";
        svg.text(labelX, top - 8, plan.sensor().fullName(), 13, "#222222", anchor, "bold");
        for (SensorSpec.SensorPin p : l.order) {
            int y = l.sensorPinY(p);
            int edge = l.left ? bodyX + bodyW : bodyX;
            svg.line(edge, y, l.leadEnd, y, "#9e9e9e", 4);
            svg.circle(l.leadEnd, y, 3, "#757575", null, 0);
            svg.text(l.left ? edge - 6 : edge + 6, y + 4, p.number() + " " + p.name(), 11,
                    p.role().equals("none") ? "#888888" : "#222222", anchor, "bold");
        }
        pullUp(svg, plan, l);
    }

    /** The pull-up between legs 1 (VCC) and 2 (DATA), dashed: many modules carry it already. */
    private static void pullUp(Svg svg, WiringPlan plan, Layout l) {
        int yv = l.sensorPinY(plan.sensor().pin("power"));
        int yd = l.sensorPinY(plan.sensor().pin("data"));
        int x = l.left ? l.leadEnd - 14 : l.leadEnd + 14;
        int a = Math.min(yv, yd);
        int b = Math.max(yv, yd);
        svg.line(x, a, x, b, "#555555", 1.5);
        svg.rect(x - 5, (a + b) / 2 - 9, 10, 18, 1, "#ffffff", "#555555", 1.5, "3,2");
        svg.circle(x, a, 2.5, "#555555", null, 0);
        svg.circle(x, b, 2.5, "#555555", null, 0);
        svg.text(x, b + 22, "pull-up", 10, "#555555", "middle", "normal");
    }

    private static void wires(Svg svg, WiringPlan plan, Layout l) {
        int sameSide = 0;
        int around = 0;
        for (WiringPlan.Wire w : plan.wires()) {
            if (w.headerPin().isEmpty()) {
                continue;
            }
            HeaderPin h = w.headerPin().get();
            int px = pinX(h);
            int py = rowY(h.row());
            int sy = l.sensorPinY(w.sensorPin());
            List<int[]> pts = new ArrayList<>();
            pts.add(new int[] {px, py});
            if (h.leftSide() == l.left) {
                if (py != sy) {
                    int cx = l.channel(1 + sameSide++);
                    pts.add(new int[] {cx, py});
                    pts.add(new int[] {cx, sy});
                }
            } else {
                boolean over = sy < l.dataY;
                int ox = h.leftSide() ? BX - 30 - 16 * around : BX + BW + 30 + 16 * around;
                int ay = over ? BY - 34 - 14 * around : l.bottomChannel(around);
                int cx = l.channel(1 + sameSide++);
                around++;
                pts.add(new int[] {ox, py});
                pts.add(new int[] {ox, ay});
                pts.add(new int[] {cx, ay});
                pts.add(new int[] {cx, sy});
            }
            pts.add(new int[] {l.leadEnd, sy});
            String colour = switch (w.sensorPin().role()) {
                case "power" -> VCC;
                case "data" -> DATA;
                default -> GND;
            };
            svg.wire(pts, colour);
        }
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
