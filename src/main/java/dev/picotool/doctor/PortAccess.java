package dev.picotool.doctor;

/** Whether this user may open a port, and if not, why (Linux: the device file's group and mode). */
@FunctionalInterface
interface PortAccess {
    /**
     * @param group       the device's group (dialout on Debian/Ubuntu, uucp on Arch/Fedora), empty when unknown
     * @param inGroupFile the user is a member in the group database but this session lacks it (log out and in)
     */
    record Verdict(boolean allowed, String owner, String group, String mode, boolean inGroupFile) {
        public static Verdict allowedHere() {
            return new Verdict(true, "", "", "", false);
        }
    }

    Verdict check(String port);
}
