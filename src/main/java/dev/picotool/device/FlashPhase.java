package dev.picotool.device;

/** The phases of a flash, in order; what is on the board if the link is cut in each is in package-info. */
public enum FlashPhase {
    TAKEOVER("stopping the program running on the board"),
    STAGING("writing the changed files next to the old ones"),
    VERIFYING("checking every written file by sha256 on the board"),
    SWITCHING("switching to the new files in one step"),
    RESTARTING("restarting the board so main.py runs"),
    MONITORING("watching the board start");

    private final String description;

    FlashPhase(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
