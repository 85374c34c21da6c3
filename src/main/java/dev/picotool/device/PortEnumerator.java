package dev.picotool.device;

import com.fazecast.jSerialComm.SerialPort;
import java.util.ArrayList;
import java.util.List;

/** Lists the serial ports of this computer (behind an interface: ptys never show up in the OS list, so tests fake it). */
@FunctionalInterface
interface PortEnumerator {
    List<PortInfo> list();

    static PortEnumerator system() {
        return () -> {
            try {
                List<PortInfo> out = new ArrayList<>();
                for (SerialPort p : SerialPort.getCommPorts()) {
                    out.add(new PortInfo(p.getSystemPortPath(), p.getPortDescription(), p.getVendorID(),
                            p.getProductID(), p.getSerialNumber()));
                }
                return out;
            } catch (LinkageError e) {
                throw PortProblems.nativeLibrary(e);
            }
        };
    }
}
