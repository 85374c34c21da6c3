package dev.picotool.testing;

import dev.picotool.device.DeviceAccess;
import dev.picotool.device.PortInfo;
import dev.picotool.device.SerialLink;
import dev.picotool.device.SerialLinks;
import java.util.List;

/** Device access whose OS port list is given (ptys are never listed), opening real ports through jSerialComm. */
public final class FakeDevices {
    private FakeDevices() {
    }

    public static DeviceAccess listing(PortInfo... ports) {
        return new DeviceAccess() {
            @Override
            public List<PortInfo> ports() {
                return List.of(ports);
            }

            @Override
            public SerialLink open(String port) {
                return SerialLinks.open(port);
            }
        };
    }
}
