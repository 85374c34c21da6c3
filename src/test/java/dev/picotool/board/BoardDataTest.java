package dev.picotool.board;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picotool.testing.Repo;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The board data files themselves: complete, consistent with each other, and with the datasheets' tables. */
class BoardDataTest {
    /** The keys the lead and the other helpers rely on, in this order. */
    static final List<String> KEYS = List.of("id", "board", "mcu", "micropythonBoard", "machine", "wireless", "usb",
            "uf2FamilyId", "uf2FamilyIds", "bootselDrive", "bootselInfo", "temperatureAdcChannel", "watchdog",
            "defaultSensorPin", "sensorPowerPin", "sensorGroundPin", "vbusPin", "led", "defaultHostname",
            "flashFilesystemBytes", "gpioVoltage", "source", "pins", "reserved");

    @ParameterizedTest
    @EnumSource(BoardId.class)
    void fortyPinsNumberedOnceFromOneToForty(BoardId id) {
        List<HeaderPin> header = Boards.get(id).pinout().header();
        assertThat(header).hasSize(40);
        assertThat(header.stream().map(HeaderPin::physical).toList())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 40).boxed().toList());
    }

    @ParameterizedTest
    @EnumSource(BoardId.class)
    void everyGpioZeroToTwentyNineIsOnTheHeaderOrReservedExactlyOnce(BoardId id) {
        Pinout p = Boards.get(id).pinout();
        List<Integer> onHeader = p.header().stream().flatMap(h -> h.gpio().stream()).toList();
        List<Integer> reserved = p.reserved().stream().map(ReservedGpio::gpio).toList();
        List<Integer> all = new ArrayList<>(onHeader);
        all.addAll(reserved);
        assertThat(all).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(all)).containsExactlyElementsOf(IntStream.range(0, 30).boxed().toList());
        assertThat(onHeader).hasSize(26);
        assertThat(reserved).containsExactly(23, 24, 25, 29);
        for (ReservedGpio r : p.reserved()) {
            assertThat(r.reason()).isNotBlank();
            assertThat(r.function()).isNotBlank();
            assertThat(p.find(r.name())).isEmpty();
            assertThat(p.reservedReason(r.name())).contains(r.reason());
        }
    }

    @ParameterizedTest
    @EnumSource(BoardId.class)
    void powerPinsAreWhereTheWiringSaysAndGpioFunctionsMatchTheDatasheetTable(BoardId id) {
        Board b = Boards.get(id);
        Pinout p = b.pinout();
        assertThat(p.physical(p.sensorPowerPin()).name()).isEqualTo("3V3(OUT)");
        assertThat(p.physical(p.sensorGroundPin()).name()).isEqualTo("GND");
        assertThat(p.physical(p.vbusPin()).name()).isEqualTo("VBUS");
        assertThat(p.physical(20).name()).isEqualTo(p.defaultSensorPin()).isEqualTo("GP15");
        assertThat(p.physical(33).name()).isEqualTo("AGND");
        assertThat(p.groundPins()).extracting(HeaderPin::physical).containsExactly(3, 8, 13, 18, 23, 28, 38);
        assertThat(p.header().stream().filter(h -> !h.isGpio()).map(HeaderPin::name).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("GND", "AGND", "RUN", "ADC_VREF", "3V3(OUT)", "3V3_EN", "VSYS", "VBUS");
        // RP2040 datasheet 1.4.3 (GPIO functions F1-F4), spot checks across the table's patterns
        assertThat(p.physical(20).functions()).containsExactly("SPI1 TX", "UART0 RTS", "I2C1 SCL", "PWM7 B");
        assertThat(p.physical(1).functions()).containsExactly("SPI0 RX", "UART0 TX", "I2C0 SDA", "PWM0 A");
        assertThat(p.physical(11).functions()).containsExactly("SPI1 RX", "UART1 TX", "I2C0 SDA", "PWM4 A");
        assertThat(p.physical(34).functions()).containsExactly("SPI1 RX", "UART0 TX", "I2C0 SDA", "PWM6 A", "ADC2");
        assertThat(b.machine()).isEqualTo(b.name() + " with " + b.mcu());
        assertThat(b.uf2FamilyIds()).contains(b.uf2FamilyId());
        assertThat(b.usb()).isEqualTo(new Board.UsbId(0x2E8A, 0x0005));
        assertThat(b.temperatureAdcChannel()).isEqualTo(4);
        assertThat(b.sources()).isNotEmpty();
    }

    @Test
    void chipFactsDifferWhereTheChipsDo() {
        Board w = Boards.get(BoardId.PICO_W);
        Board w2 = Boards.get(BoardId.PICO2_W);
        Board plain = Boards.get(BoardId.PICO);
        assertThat(w.watchdog()).isEqualTo(new Watchdog("RP2040", 0x40058000L, 30, 8388));
        assertThat(w2.watchdog()).isEqualTo(new Watchdog("RP2350", 0x400d8000L, 30, 16777));
        assertThat(w.uf2FamilyId()).isEqualTo(0xe48bff56L);
        assertThat(w2.uf2FamilyIds()).containsExactly(0xe48bff59L, 0xe48bff57L, 0xe48bff5aL);
        assertThat(List.of(w.bootselDrive(), w2.bootselDrive(), plain.bootselDrive()))
                .containsExactly("RPI-RP2", "RP2350", "RPI-RP2");
        assertThat(List.of(w.micropythonBoard(), w2.micropythonBoard(), plain.micropythonBoard()))
                .containsExactly("RPI_PICO_W", "RPI_PICO2_W", "RPI_PICO");
        assertThat(w.wireless()).isTrue();
        assertThat(plain.wireless()).isFalse();
        assertThat(w.led()).isEqualTo(new Board.Led("LED", java.util.Optional.empty(), "WL_GPIO0 of the CYW43439 "
                + "wireless chip"));
        assertThat(plain.led().gpio()).contains(25);
        assertThat(w.gpioVoltage().fiveVoltTolerant()).isFalse();
        assertThat(w2.gpioVoltage().fiveVoltTolerant()).isTrue();
        assertThat(w2.pinout().physical(20).fiveVoltTolerant()).isTrue();
        assertThat(w2.pinout().physical(31).fiveVoltTolerant()).as("GP26, an ADC pin").isFalse();
        assertThat(w.pinout().reservedReason("GP23")).hasValueSatisfying(r -> assertThat(r).contains("wireless chip"));
        assertThat(plain.pinout().reservedReason("GP25")).hasValueSatisfying(r -> assertThat(r).contains("LED"));
    }

    @Test
    void allThreeFilesShareTheShapeAndTheAgreedKeys() throws IOException {
        Map<String, Set<String>> shapes = new java.util.TreeMap<>();
        for (BoardId id : BoardId.values()) {
            Map<String, Object> doc;
            try (Reader r = Files.newBufferedReader(Repo.root().resolve("pinouts/" + id.id() + ".json"))) {
                doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
            }
            assertThat(new ArrayList<>(doc.keySet())).as(id.id()).containsExactlyElementsOf(KEYS);
            assertThat(doc.get("id")).isEqualTo(id.id());
            shapes.put(id.id(), shape("", doc));
        }
        Set<String> paths = new HashSet<>();
        shapes.values().forEach(sh -> sh.forEach(k -> paths.add(k.replaceAll(":.*", ""))));
        for (Set<String> sh : shapes.values()) {
            assertThat(sh.stream().map(k -> k.replaceAll(":.*", "")).collect(Collectors.toSet()))
                    .as("key paths per file: " + shapes).isEqualTo(paths);
        }
        Set<String> typed = new HashSet<>();
        shapes.values().forEach(sh -> sh.stream().filter(k -> k.contains(":")).forEach(typed::add));
        assertThat(typed.stream().map(k -> k.replaceAll(":.*", "")).distinct().count()).as("one type per key path: "
                + typed).isEqualTo(typed.size());
    }

    /** Every key path ("pins[].functions[]", "watchdog.ctrl") with the type found there, over all list items. */
    private static Set<String> shape(String prefix, Object node) {
        Set<String> out = new TreeSet<>();
        if (node instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.addAll(shape(prefix + "." + e.getKey(), e.getValue()));
            }
        } else if (node instanceof List<?> l) {
            for (Object o : l) {
                out.addAll(shape(prefix + "[]", o));
            }
        } else {
            // null stands for "none on this board" (no hostname without Wi-Fi, no LED GPIO on the W boards)
            out.add(node == null ? prefix : prefix + ":" + node.getClass().getSimpleName());
        }
        return out;
    }
}
