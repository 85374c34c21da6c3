package dev.picotool.device;

/** The port went away under us: the board was reset, unplugged or crashed its USB stack. */
public class BoardDisconnectedException extends DeviceException {
    public BoardDisconnectedException(String port) {
        super("the board disconnected (reset or unplugged) from " + port,
                "plug it back in (a data cable, directly or through a powered hub) and run the command again");
    }

    /** The same, saying what the board holds now (a flash that was cut). */
    public BoardDisconnectedException(String port, String state) {
        super("the board disconnected (reset or unplugged) from " + port + ": " + state,
                "plug it back in (a data cable, directly or through a powered hub) and flash again");
    }
}
