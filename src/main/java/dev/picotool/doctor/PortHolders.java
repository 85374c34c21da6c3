package dev.picotool.doctor;

import java.util.List;
import java.util.Optional;

/** Which other programs have a port open (Linux: their /proc/PID/fd links); empty when this OS cannot tell. */
@FunctionalInterface
interface PortHolders {
    /** A program holding the port: its process id and the name a person knows it by (thonny, screen...). */
    record Holder(long pid, String name) {
        @Override
        public String toString() {
            return name + " (pid " + pid + ")";
        }
    }

    Optional<List<Holder>> of(String port);
}
