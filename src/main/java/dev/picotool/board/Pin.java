package dev.picotool.board;

/** A usable GPIO on the board's header: its name (GP15), GPIO number and physical header pin. */
public record Pin(String name, int gpio, int physical, String caution) {
    public boolean hasCaution() {
        return caution != null && !caution.isEmpty();
    }
}
