package dev.picotool.device;

/** The port went away under us: the board was reset, unplugged or crashed its USB stack. */
public class BoardDisconnectedException extends DeviceException {
    public BoardDisconnectedException(String port) {
        super("the board disconnected (reset or unplugged) from " + port,
                "plug it back in (a data cable, directly or through a powered hub) and run the command again");
    }
}
