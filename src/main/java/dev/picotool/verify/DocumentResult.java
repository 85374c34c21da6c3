package dev.picotool.verify;

/**
 * The verdict on a retained JSON document of a board: its health report ({@link #DIAGNOSTICS}) or its Home Assistant
 * discovery ({@link #DISCOVERY}).
 *
 * @param topic  where it was (or should have been) retained
 * @param reason why it passed or failed, in words
 */
public record DocumentResult(String kind, String topic, boolean passed, String reason) {
    public static final String DIAGNOSTICS = "diagnostics";
    public static final String DISCOVERY = "discovery";
}
