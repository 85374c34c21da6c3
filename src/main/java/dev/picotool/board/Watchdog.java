package dev.picotool.board;

/**
 * The chip's hardware watchdog, from the board data: the address of its control register, the bit that enables
 * it, and the longest timeout MicroPython's {@code machine.WDT} accepts there. Clearing the enable bit is the only
 * way to stop a running watchdog ({@code machine.WDT} has no method for it).
 *
 * @param mcu the chip these facts belong to, as MicroPython names it at the end of {@code os.uname().machine}
 */
public record Watchdog(String mcu, long ctrlAddress, int enableBit, int maxTimeoutMs) {
}
