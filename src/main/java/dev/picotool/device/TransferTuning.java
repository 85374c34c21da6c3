package dev.picotool.device;

/**
 * How file contents travel when they go with execs ({@link DeviceFileSystem#write}, and a flash on a board that cannot
 * run the {@link BlockReceiver}): base64 lines of {@code lineBytes} raw bytes (a multiple of 3, so no padding),
 * decoded on the board with binascii.a2b_base64, {@code linesPerExec} of them per raw-REPL exec.
 */
public record TransferTuning(int lineBytes, int linesPerExec) {
    /** 768-byte lines, 8 per exec; the system properties picotool.transfer.lineBytes/linesPerExec override. */
    public static TransferTuning standard() {
        return new TransferTuning(Integer.getInteger("picotool.transfer.lineBytes", 768),
                Integer.getInteger("picotool.transfer.linesPerExec", 8));
    }

    public TransferTuning {
        if (lineBytes <= 0 || lineBytes % 3 != 0 || linesPerExec <= 0) {
            throw new IllegalArgumentException("lineBytes must be a positive multiple of 3");
        }
    }

    public int bytesPerExec() {
        return lineBytes * linesPerExec;
    }
}
