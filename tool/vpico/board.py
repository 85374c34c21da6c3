"""The board: power-on, soft reboot and hard reset orchestration, Ctrl-C delivery, watchdog.

Threads: the main thread is the RP2040 core running MicroPython (REPL and all device code); reader
threads own the serial endpoints and feed the stdin buffer. A Ctrl-C while code runs, a watchdog
expiry or machine.reset() reach the main thread as SIGUSR1, whose handler raises KeyboardInterrupt or
HardReset there - a real signal also wakes time.sleep() and blocking socket calls, and the handler
runs between bytecodes, so even `while True: pass` stops. SIGINT/SIGTERM are kept for shutdown.
"""
import gc
import os
import random
import signal
import sys
import threading
import time
import weakref

from . import bootsel
from .constants import CTRL_C, PYEXEC_FORCED_EXIT, SOFT_REBOOT
from .inputbuf import InputBuffer
from .interpreter import Session
from .repl import FRIENDLY, RAW, Repl
from .sandbox import FS_BLOCK_SIZE, DeviceFS
from .serialport import SerialHub, helper_thread
from .shims import _ctx
from .shims.network import Radio
from .shims.sensor import DhtSensor
from .stdio import SerialStdin, SerialStdout, StdioBuffer
from . import watchdog as wdt
from .watchdog import Watchdog

PWRON_RESET, WDT_RESET = 1, 3
RTC_POWER_ON_EPOCH = 1609459200   # rp2 main.c starts the RTC at 2021-01-01 00:00:00 on power-up
REPLUG_GAP_S = 0.25       # the port is gone for a moment, as while USB re-enumerates


class HardReset(BaseException):
    """Power cycle. BaseException so that `except Exception` in device code cannot stop it."""


class Board:
    HardReset = HardReset

    def __init__(self, config, log):
        self.config = config
        self.log = log
        self.input = InputBuffer()
        self.hub = SerialHub(self.input, log, config.cost)
        # --no-stdio-buffer: a build without MICROPY_PY_SYS_STDIO_BUFFER has no sys.stdin.buffer / sys.stdout.buffer
        buffer = StdioBuffer(self.input, self.hub) if config.stdio_buffer else None
        self.stdout = SerialStdout(self.hub, buffer)
        self.stdin = SerialStdin(self.input, buffer)
        self.fs = DeviceFS(config.fs_dir, config.profile.fs_bytes // FS_BLOCK_SIZE)
        self.mode = FRIENDLY
        self.session = None
        self.executing = False
        self.kbd_pending = False
        self.kbd_char = CTRL_C
        self.hard_reset_pending = False
        self.in_reset = False
        self.reset_cause = PWRON_RESET
        self.hardware = config.profile        # the board itself; config.profile is the firmware it runs
        self.bootsel_pending = False
        self.drive = None                     # the BOOTSEL drive while the bootrom runs
        self.on_plugged = lambda: None        # cli: print the ready lines
        self.on_bootsel = lambda path: None   # cli: say where the drive is
        self._resources = weakref.WeakSet()
        self.in_native = False
        self.renames = 0
        self.watchdog = Watchdog(self.request_hard_reset, log, helper_thread)
        self._main_ident = threading.get_ident()
        self._power_on_state()
        _ctx.board = self
        signal.signal(signal.SIGUSR1, self._on_sigusr1)
        self.input.on_interrupt = self._on_kbd
        self.input.poll_hook = self._poll
        sys.displayhook = self._displayhook

    def _power_on_state(self):
        c = self.config
        self.boot_monotonic = time.monotonic()
        # a Pico W powered up without a host has no idea of the date (NTP or RTC().datetime() fix it)
        self.rtc_offset = RTC_POWER_ON_EPOCH - time.time()
        self.radio = Radio(c.profile.hostname)
        self.dht = DhtSensor(c.dht_kind, c.dht_temp, c.dht_hum, c.dht_pin, c.dht_absent, c.dht_fail_rate,
                             c.dht_hang)
        self.pins = {}
        self.watchdog.power_on()

    def _displayhook(self, value):
        """Friendly REPL: print the repr of an expression statement (MP_PARSE_SINGLE_INPUT)."""
        if value is not None:
            self.stdout.write(repr(value) + "\n")

    # -- interrupts -----------------------------------------------------------------------------
    def _signal_main(self):
        try:
            signal.pthread_kill(self._main_ident, signal.SIGUSR1)
        except (ProcessLookupError, OSError):
            pass

    def _on_kbd(self):
        """Reader thread: the armed interrupt char arrived (buffer already dropped)."""
        self.kbd_pending = True
        self._signal_main()

    def _on_sigusr1(self, signum, frame):
        if self.hard_reset_pending and not self.in_reset:
            raise HardReset()
        if self.executing and self.kbd_pending and not self.in_native:
            self.kbd_pending = False
            raise KeyboardInterrupt()

    def _poll(self):
        if self.hard_reset_pending and not self.in_reset:
            raise HardReset()

    def set_kbd_char(self, c):
        self.kbd_char = c
        if self.executing:
            self.input.interrupt_char = c

    def run_user(self, fn, *args):
        """Run device code with Ctrl-C armed, like parse_compile_execute()."""
        self.kbd_pending = False
        self.kbd_char = CTRL_C
        self.input.interrupt_char = CTRL_C
        self.executing = True
        try:
            fn(*args)
            self.executing = False
            self.input.interrupt_char = -1
            if self.kbd_pending:              # arrived as the code finished: mp_handle_pending
                self.kbd_pending = False
                raise KeyboardInterrupt()
        finally:
            self.executing = False
            self.input.interrupt_char = -1

    # -- resets ---------------------------------------------------------------------------------
    def request_hard_reset(self, cause):
        """From any thread (watchdog)."""
        self.log("hard reset requested (%s)" % cause)
        self.reset_cause = WDT_RESET
        self.hard_reset_pending = True
        self._signal_main()
        self.input.wake()

    def hard_reset_now(self):
        """machine.reset(): rp2 reboots through the watchdog, so reset_cause() is WDT_RESET."""
        if threading.get_ident() != self._main_ident:      # e.g. from a machine.Timer callback
            self.request_hard_reset("machine.reset() from a helper thread")
            raise SystemExit
        self.reset_cause = WDT_RESET
        self.hard_reset_pending = True
        raise HardReset()

    def enter_bootloader(self):
        """machine.bootloader(): BOOTSEL mode with --bootsel DIR, else (no drive to play) a power cycle."""
        if self.config.bootsel_dir:
            self.bootsel_pending = True
        self.hard_reset_now()

    def _release_resources(self):
        for res in list(self._resources):
            try:
                (getattr(res, "deinit", None) or res.close)()
            except Exception:
                pass
        self._resources = weakref.WeakSet()
        self.fs.close_all()

    def _soft_reset_cleanup(self):
        self._release_resources()
        self.pins = {}
        self.session = None
        gc.collect()

    def _hard_reset(self):
        self.in_reset = True
        self.hard_reset_pending = False
        self.executing = False
        self.input.interrupt_char = -1
        self._release_resources()
        self.session = None
        if self.bootsel_pending:
            self._bootsel()
        else:
            self.log("hard reset: replugging the serial port")
            self.hub.replug(REPLUG_GAP_S)
        self._power_on_state()
        self.mode = FRIENDLY
        self.fs.cwd = "/"
        self.in_reset = False

    def _bootsel(self):
        """The chip's bootrom takes over: no serial port, a drive, until a UF2 for the chip lands (vpico/bootsel.py).
        Then the bootrom reboots it through the watchdog into the new firmware."""
        self.bootsel_pending = False
        self.in_reset = True
        self.watchdog.power_on()             # the chip reset into the bootrom: its watchdog is stopped
        self.hub.unplug()
        drive = self.drive = bootsel.Drive(self.config.bootsel_dir, self.hardware, self.log)
        drive.present()
        self.log("BOOTSEL mode: drive at %s" % drive.path)
        self.on_bootsel(drive.path)
        image = drive.wait_for_firmware()
        version, machine = bootsel.firmware_of(image, self.hardware.machines_on_chip())
        self.config.profile = self.hardware.booted(version, machine)
        self.fs = DeviceFS(self.config.fs_dir, self.config.profile.fs_bytes // FS_BLOCK_SIZE)
        self.log("UF2 installed: %s, MicroPython %s" % (self.config.profile.machine, self.config.profile.version_text))
        drive.eject()
        self.drive = None
        self.reset_cause = WDT_RESET
        self.hub.plug()
        self.on_plugged()

    def run(self):
        """Power on and run for ever (the process ends through a signal). With --bootsel the board starts in
        BOOTSEL mode, as one plugged in with the button held."""
        if self.config.bootsel_dir:
            self.bootsel_pending = True
            self._hard_reset()
        while True:
            try:
                self._run_soft_reboots()
            except HardReset:
                self._hard_reset()
            except Exception:
                # a bug in the simulator itself: say so on stderr (always) and power-cycle
                import traceback
                sys.stderr.write("virtual-pico: internal error, hard reset:\n" + traceback.format_exc())
                sys.stderr.flush()
                self._hard_reset()

    def _run_soft_reboots(self):
        while True:
            self.fs.cwd = "/"
            self.session = Session(self)
            repl = Repl(self)
            ret = self.session.exec_file_if_exists("boot.py")
            if not ret & PYEXEC_FORCED_EXIT and self.mode == FRIENDLY and ret != 0:
                ret = self.session.exec_file_if_exists("main.py")
            if not ret & PYEXEC_FORCED_EXIT:
                while True:
                    r = repl.raw() if self.mode == RAW else repl.friendly()
                    if r != 0:
                        break
            self.stdout.write(SOFT_REBOOT)
            self._soft_reset_cleanup()

    def shutdown(self):
        if self.drive is not None:
            self.drive.eject()              # unplugged in BOOTSEL mode: the drive goes away too
        try:
            self._release_resources()
        finally:
            self.hub.close()

    # -- services for shims ---------------------------------------------------------------------
    def register_resource(self, obj):
        self._resources.add(obj)

    def pin_state(self, pin_id):
        return self.pins.setdefault(pin_id, {"mode": 0, "pull": None, "value": 0, "irq": None})

    def dht_line_high(self, pin_id):
        return self.dht.line_high(pin_id)

    def mem_alloc(self):
        s = self.session
        n = (len(s.modules) * 900 + len(s.globals) * 48) if s else 0
        return 11000 + n + random.randint(0, 256)

    def print_exception(self, exc):
        self.stdout.write(self.session.format_exception(exc) if self.session else repr(exc) + "\n")

    def native_hang(self):
        """A C function that never returns (a hung sensor driver): the VM never gets to raise a pending
        Ctrl-C, so only a reset (the watchdog) ends it."""
        self.in_native = True
        self.log("a call into C hangs: only a reset ends it")
        try:
            while True:
                time.sleep(0.05)          # the SIGUSR1 handler raises HardReset here
        finally:
            self.in_native = False

    # -- memory-mapped registers (machine.mem8/16/32) ------------------------------------------
    def mem_read(self, addr, size):
        if wdt.BASE <= addr < wdt.BASE + wdt.BLOCK:
            word = self.watchdog.read((addr & ~3) - wdt.BASE)
            return (word >> 8 * (addr & 3)) & ((1 << 8 * size) - 1)
        self.log("mem%d read of unmodelled address %08x: 0" % (8 * size, addr))
        return 0

    def mem_write(self, addr, size, value):
        if wdt.BASE <= addr < wdt.BASE + wdt.BLOCK:
            word = value * {1: 0x01010101, 2: 0x00010001, 4: 1}[size]      # narrow writes are replicated
            self.watchdog.write((addr & ~3) - wdt.BASE, word & 0xFFFFFFFF)
        else:
            self.log("mem%d write of unmodelled address %08x ignored" % (8 * size, addr))

    def after_rename(self):
        """--power-cut-after-renames N: the power goes right after the Nth rename since power-on."""
        self.renames += 1
        if self.config.power_cut_after_renames == self.renames:
            self.log("power cut after rename %d" % self.renames)
            os.kill(os.getpid(), signal.SIGKILL)
