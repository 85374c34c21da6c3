"""BOOTSEL mode (--bootsel DIR): the board as the USB drive its bootrom presents, until a UF2 for its chip lands.

What the bootrom does, and so what this does:
- The drive holds INFO_UF2.TXT (text from the board data, "bootselInfo"); there is no serial port meanwhile.
- Every 512-byte sector the host writes is judged on its own (RP2040: raspberrypi/pico-bootrom-rp2040
  bootrom/virtual_disk.c, vd_write_block and _update_current_uf2_info): both start magics and the end magic,
  flag 0x2000 (family id present) with a family id the chip takes (the board data's "uf2FamilyIds"), not flag
  0x0001 (not main flash), a 256-byte payload, a 256-aligned target in flash, block_no < num_blocks. Anything
  else is ignored without an error reaching the host: a file that is not a UF2 for this chip changes nothing.
- Once every block 0..num_blocks-1 of a transfer has arrived, the chip reboots into the new firmware.
  (RP2350 UF2s start with one extra block of the "absolute" family, erratum RP2350-E10; it is its own
  transfer of one block, so the transfer that decides is the largest one.)

The UF2 format is github.com/microsoft/uf2 (README.md, "File format"). Simplification: blocks aimed at RAM
(a UF2 that runs from RAM) are ignored; the flash window is the first 16 MiB of XIP (RP2040 datasheet 2.2,
address map: XIP_BASE 0x10000000), where MicroPython's images live on both chips.

The firmware that boots is read from the image as MicroPython builds leave it there: the REPL prints its banner
from two literals (shared/runtime/pyexec.c: MICROPY_BANNER_NAME_AND_VERSION, i.e. "MicroPython v1.27.0 on
2025-12-10", then "; " MICROPY_BANNER_MACHINE, i.e. "; Raspberry Pi Pico W with RP2040"), each NUL-terminated in
the image. The version and the board found become the running profile: an RPI_PICO build copied onto a Pico W
runs without a network module, as on hardware. What is not found stays as --board/--micropython-version said.
"""
import os
import re
import struct
import time

UF2_BLOCK = 512
UF2_MAGIC_START0 = 0x0A324655          # "UF2\n"
UF2_MAGIC_START1 = 0x9E5D5157
UF2_MAGIC_END = 0x0AB16F30
UF2_FLAG_NOT_MAIN_FLASH = 0x00000001
UF2_FLAG_FAMILY_ID_PRESENT = 0x00002000
UF2_PAGE = 256                         # the only payload size the bootrom writes (FLASH_PAGE_SIZE)
FLASH_BASE = 0x10000000                # XIP_BASE
FLASH_END = FLASH_BASE + 16 * 1024 * 1024
_HEADER = struct.Struct("<8I")         # magic0, magic1, flags, target, payload size, block no, num blocks, family
_MAGIC_END = struct.Struct("<I")
INFO_FILE = "INFO_UF2.TXT"
MAX_FILE_BYTES = 32 * 1024 * 1024      # larger than any flash the chips address; a bigger file is not read
POLL_S = 0.05
_VERSION = re.compile(rb"MicroPython v(\d{1,3}\.\d{1,3}\.\d{1,3})(?:-[\w.+-]{1,60})? on \d{4}-\d{2}-\d{2}\x00")


def parse_block(sector, families):
    """(target, block_no, num_blocks, payload) of a sector the bootrom would take, else None."""
    if len(sector) != UF2_BLOCK:
        return None
    magic0, magic1, flags, target, size, block_no, num_blocks, family = _HEADER.unpack_from(sector, 0)
    if (magic0, magic1) != (UF2_MAGIC_START0, UF2_MAGIC_START1) \
            or _MAGIC_END.unpack_from(sector, UF2_BLOCK - 4)[0] != UF2_MAGIC_END:
        return None
    if not flags & UF2_FLAG_FAMILY_ID_PRESENT or family not in families or flags & UF2_FLAG_NOT_MAIN_FLASH:
        return None
    if size != UF2_PAGE or target % UF2_PAGE or not FLASH_BASE <= target < FLASH_END:
        return None
    if num_blocks == 0 or block_no >= num_blocks:
        return None
    return target, block_no, num_blocks, bytes(sector[32:32 + UF2_PAGE])


class Transfers:
    """The blocks taken so far, per transfer (keyed by num_blocks, as the bootrom tracks them)."""

    def __init__(self, families):
        self.families = families
        self.blocks = {}                # num_blocks -> {block_no: (target, payload)}

    def feed(self, data):
        for off in range(0, len(data) - UF2_BLOCK + 1, UF2_BLOCK):
            b = parse_block(data[off:off + UF2_BLOCK], self.families)
            if b is not None:
                target, block_no, num_blocks, payload = b
                self.blocks.setdefault(num_blocks, {})[block_no] = (target, payload)

    def complete(self):
        """The image (payload bytes in address order) once the largest transfer has every block, else None."""
        if not self.blocks:
            return None
        n = max(self.blocks)
        got = self.blocks[n]
        if len(got) < n:
            return None
        return b"".join(p for _, p in sorted(got.values()))


def firmware_of(image, machines):
    """(version 'X.Y.Z' or None, the one of `machines` whose banner literal is in the image or None)."""
    m = _VERSION.search(image)
    found = [name for name in machines if b"; " + name.encode() + b"\x00" in image]
    return (m.group(1).decode() if m else None), (found[0] if len(found) == 1 else None)


class Drive:
    """The folder playing the BOOTSEL drive."""

    def __init__(self, path, profile, log):
        self.path = path
        self.profile = profile
        self.log = log

    def present(self):
        os.makedirs(self.path, exist_ok=True)
        tmp = os.path.join(self.path, ".%s.tmp" % INFO_FILE)
        with open(tmp, "w", encoding="ascii", newline="") as f:
            f.write(self.profile.bootsel_info)
        os.replace(tmp, os.path.join(self.path, INFO_FILE))     # a scanner never sees half the file

    def wait_for_firmware(self):
        """Blocks until a complete UF2 for this chip is on the drive; returns its image. Signals end the process."""
        seen = {}
        while True:
            transfers = Transfers(self.profile.uf2_families)
            for name in sorted(os.listdir(self.path)):
                path = os.path.join(self.path, name)
                if name == INFO_FILE or name.startswith(".") or not os.path.isfile(path):
                    continue
                try:
                    size = os.path.getsize(path)
                    if size > MAX_FILE_BYTES:
                        continue
                    with open(path, "rb") as f:
                        transfers.feed(f.read(MAX_FILE_BYTES))
                except OSError:
                    continue
                if seen.get(name) != size:
                    seen[name] = size
                    self.log("bootsel: %s (%d bytes) on the drive" % (name, size))
            image = transfers.complete()
            if image is not None:
                return image
            time.sleep(POLL_S)

    def eject(self):
        """The chip rebooted: the drive is gone (its folder stays, empty)."""
        for name in os.listdir(self.path):
            path = os.path.join(self.path, name)
            try:
                if os.path.isfile(path) or os.path.islink(path):
                    os.unlink(path)
            except OSError:
                pass
