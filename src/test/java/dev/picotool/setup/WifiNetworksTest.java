package dev.picotool.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WifiNetworksTest {
    @Test
    void readsNmcliTerseOutputWithItsEscapes() {
        WifiNetworks.Scan s = WifiNetworks.parse("no:Cafe\\: free\nyes:Lab\nno:\nno:Lab\nno:back\\\\slash\r\n"
                + "garbage\n");
        assertThat(s.ssids()).containsExactly("Cafe: free", "Lab", "back\\slash");
        assertThat(s.active()).contains("Lab");
        assertThat(WifiNetworks.parse("")).isEqualTo(new WifiNetworks.Scan(List.of(), Optional.empty()));
    }
}
