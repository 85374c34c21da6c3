"""--bootsel DIR: the board as its bootrom's USB drive until a UF2 for its chip lands, and machine.bootloader()."""
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import unittest

TOOL = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, TOOL)
from vpico import bootsel  # noqa: E402
from vpico.client import virtual_pico  # noqa: E402

RP2040 = 0xE48BFF56
RP2350_ARM_S = 0xE48BFF59
BANNER_END = b'\r\nType "help()" for more information.\r\n>>> '
INFO_RP2040 = "UF2 Bootloader v3.0\nModel: Raspberry Pi RP2\nBoard-ID: RPI-RP2\n"


def uf2(family, image, flags=bootsel.UF2_FLAG_FAMILY_ID_PRESENT, base=bootsel.FLASH_BASE):
    """A UF2 file as MicroPython's build writes it: 256 bytes of image per 512-byte block (microsoft/uf2)."""
    pages = [image[i:i + 256].ljust(256, b"\0") for i in range(0, len(image), 256)]
    out = b""
    for n, page in enumerate(pages):
        head = struct.pack("<8I", bootsel.UF2_MAGIC_START0, bootsel.UF2_MAGIC_START1, flags, base + 256 * n, 256, n,
                           len(pages), family)
        out += head + page + b"\0" * (476 - 256) + struct.pack("<I", bootsel.UF2_MAGIC_END)
    return out


def micropython_image(version="1.26.1", machine="Raspberry Pi Pico W with RP2040", size=3000):
    """Filler plus the banner's two literals, apart, as in a real image (shared/runtime/pyexec.c)."""
    return (os.urandom(700) + b"MicroPython v%s on 2025-09-11\0" % version.encode() + os.urandom(size)
            + b"; " + machine.encode() + b"\0" + os.urandom(300))


class BootselTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="vpico-bootsel-")
        self.addCleanup(shutil.rmtree, self.dir, True)
        self.drive = os.path.join(self.dir, "RPI-RP2")
        self.link = os.path.join(self.dir, "ttyPico")

    def start(self, *args):
        p = virtual_pico(self.link, "--fs", os.path.join(self.dir, "fs"), "--bootsel", self.drive, *args,
                         ready=False)
        self.addCleanup(p.close)
        self.assertEqual(p.wait_stdout(b"BOOTSEL"), "virtual-pico: BOOTSEL drive at %s\n" % self.drive)
        return p

    def copy(self, name, data):
        with open(os.path.join(self.drive, name), "wb") as f:
            f.write(data)

    def boot(self, p, data):
        self.copy("firmware.uf2", data)
        self.assertEqual(p.wait_stdout(b"ready on"), "virtual-pico: ready on %s\n" % self.link)
        p.open()
        p.write(b"\r\x02")
        return p.read_until(BANNER_END)

    def test_drive_until_a_uf2_for_the_chip_lands_then_the_version_in_it_boots(self):
        p = self.start()
        with open(os.path.join(self.drive, "INFO_UF2.TXT")) as f:
            self.assertEqual(f.read(), INFO_RP2040)
        self.assertFalse(os.path.lexists(self.link), "no serial port in BOOTSEL mode")
        # What the bootrom ignores, each a bigger transfer than the right file: had one been taken, it would be the
        # largest complete transfer and boot (and its version show in the banner) instead.
        self.copy("notes.txt", b"hello" * 1000)
        self.copy("pico2.uf2", uf2(RP2350_ARM_S, micropython_image("1.11.1", size=5000)))
        self.copy("noflag.uf2", uf2(RP2040, micropython_image("1.11.2", size=6000), flags=0))
        self.copy("ram.uf2", uf2(RP2040, micropython_image("1.11.3", size=7000), base=0x20000000))
        banner = self.boot(p, uf2(RP2040, micropython_image("1.26.1")))
        self.assertIn(b"MicroPython v1.26.1 on 2025-12-10; Raspberry Pi Pico W with RP2040", banner)
        self.assertEqual(os.listdir(self.drive), [], "the drive is gone")

    def test_the_plain_pico_build_on_a_pico_w_has_no_network_module(self):
        p = self.start()
        banner = self.boot(p, uf2(RP2040, micropython_image("1.27.0", "Raspberry Pi Pico with RP2040")))
        self.assertIn(b"; Raspberry Pi Pico with RP2040", banner)
        p.enter_raw()
        _, err = p.exec_raw("import network")
        self.assertIn(b"ImportError: no module named 'network'", err)

    def test_machine_bootloader_goes_back_to_bootsel(self):
        p = self.start()
        self.boot(p, uf2(RP2040, micropython_image("1.26.1")))
        p.enter_raw()
        p.write(b"import machine\nmachine.bootloader()\x04")
        self.assertEqual(p.wait_stdout(b"BOOTSEL"), "virtual-pico: BOOTSEL drive at %s\n" % self.drive)
        with self.assertRaises(EOFError):
            p.read_until(b"never", timeout=5)
        self.assertFalse(os.path.lexists(self.link))
        banner = self.boot(p, uf2(RP2040, micropython_image("1.27.0")))
        self.assertIn(b"MicroPython v1.27.0", banner)

    def test_pico2_w_takes_rp2350_uf2s_only(self):
        p = self.start("--board", "pico2_w")
        with open(os.path.join(self.drive, "INFO_UF2.TXT")) as f:
            self.assertEqual(f.read(), "UF2 Bootloader v1.0\nModel: Raspberry Pi RP2350\nBoard-ID: RP2350\n")
        self.copy("rp2040.uf2", uf2(RP2040, micropython_image()))
        banner = self.boot(p, uf2(RP2350_ARM_S, micropython_image("1.27.0", "Raspberry Pi Pico 2 W with RP2350")))
        self.assertIn(b"; Raspberry Pi Pico 2 W with RP2350", banner)

    def test_the_drive_folder_must_be_empty(self):
        os.makedirs(self.drive)
        self.copy("thesis.pdf", b"%PDF")
        r = subprocess.run([os.path.join(TOOL, "virtual-pico"), "--bootsel", self.drive], capture_output=True,
                           timeout=30)
        self.assertEqual(r.returncode, 2)
        self.assertIn(b"must be an empty directory", r.stderr)
        self.assertEqual(sorted(os.listdir(self.drive)), ["thesis.pdf"])


class Uf2BlockTest(unittest.TestCase):
    FAMILIES = frozenset([RP2040])

    def test_a_block_is_taken_as_the_rp2040_bootrom_takes_it(self):
        good = uf2(RP2040, b"x" * 256)
        self.assertIsNotNone(bootsel.parse_block(good, self.FAMILIES))
        for name, bad in [("wrong end magic", good[:508] + b"\0\0\0\0"),
                          ("short", good[:511]),
                          ("other family", uf2(RP2350_ARM_S, b"x" * 256)),
                          ("not main flash", uf2(RP2040, b"x", flags=0x2001)),
                          ("unaligned", uf2(RP2040, b"x", base=bootsel.FLASH_BASE + 4))]:
            self.assertIsNone(bootsel.parse_block(bad, self.FAMILIES), name)

    def test_a_transfer_is_complete_with_every_block_only(self):
        image = os.urandom(256 * 5)
        data = uf2(RP2040, image)
        t = bootsel.Transfers(self.FAMILIES)
        t.feed(data[:512 * 4 + 100])             # a file still being copied
        self.assertIsNone(t.complete())
        t.feed(data)
        self.assertEqual(t.complete(), image)
        shuffled = bootsel.Transfers(self.FAMILIES)
        shuffled.feed(data[512 * 3:] + data[:512 * 3])    # the bootrom takes blocks in any order
        self.assertEqual(shuffled.complete(), image)

    def test_the_banner_names_version_and_board(self):
        image = micropython_image("1.25.0", "Raspberry Pi Pico with RP2040")
        machines = ["Raspberry Pi Pico W with RP2040", "Raspberry Pi Pico with RP2040"]
        self.assertEqual(bootsel.firmware_of(image, machines), ("1.25.0", "Raspberry Pi Pico with RP2040"))
        self.assertEqual(bootsel.firmware_of(os.urandom(2000).replace(b"M", b"m"), machines), (None, None))


if __name__ == "__main__":
    unittest.main()
