package dev.picotool.board;

/**
 * A GPIO the board itself uses and keeps off the header (on the W boards: the wireless chip's pins).
 *
 * @param function the board's name for it (WL_REG_ON, WL_CS, VBUS_SENSE...)
 * @param reason   why it cannot be used, phrased to follow "GP23 cannot be used: "
 */
record ReservedGpio(String name, int gpio, String function, String reason) {
}
