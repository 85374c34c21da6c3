"""The RP2040 watchdog block, as machine.WDT and machine.mem32 reach it.

Sources: RP2040 datasheet section 4.7 (Watchdog) and 2.1.2 (atomic register access); pico-sdk
src/rp2_common/hardware_watchdog/watchdog.c; MicroPython ports/rp2/machine_wdt.c.

- machine.WDT(timeout=ms) is pico-sdk watchdog_enable(): LOAD = ms * 2000 ticks (RP2040-E1: the counter
  decrements twice per microsecond), then CTRL.ENABLE. timeout 0 means "reset now" (CTRL.TRIGGER).
  WDT.feed() is watchdog_update(): the counter is reloaded. MicroPython has no way to stop it (rp2's WDT
  has no deinit) and a soft reset leaves it running.
- Registers at WATCHDOG_BASE 0x40058000: CTRL +0x00 (bit 31 TRIGGER, 30 ENABLE, 23:0 TIME = ticks left),
  LOAD +0x04, REASON +0x08 (bit 0 TIMER, bit 1 FORCE), SCRATCH0-7 +0x0c..+0x28; the aliases +0x1000 (XOR),
  +0x2000 (SET), +0x3000 (CLR) apply a write atomically. Clearing ENABLE pauses the counter ("when not
  enabled the watchdog timer is paused"): that is how picotool stops a watchdog the firmware started.
- Narrow (8/16-bit) writes to a peripheral are replicated across the 32-bit word (datasheet 2.1.4).
"""
import threading
import time

BASE = 0x40058000
BLOCK = 0x4000                    # the watchdog's 16 KiB slot, aliases included
CTRL, LOAD, REASON = 0x00, 0x04, 0x08
SCRATCH = range(0x0C, 0x2C, 4)
ALIAS_XOR, ALIAS_SET, ALIAS_CLR = 0x1000, 0x2000, 0x3000
TRIGGER, ENABLE = 1 << 31, 1 << 30
TIME_MASK = 0xFFFFFF
TICKS_PER_MS = 2000
REASON_TIMER, REASON_FORCE = 1, 2


class Watchdog:
    def __init__(self, on_reset, log, spawn):
        self._on_reset = on_reset      # on_reset(reason) from any thread: the chip resets
        self._log = log
        self._spawn = spawn            # spawn(fn, name, *args): a daemon helper thread
        self._lock = threading.Lock()
        self._gen = 0
        self.reason = 0
        self.scratch = {}
        self.power_on()

    # -- state ------------------------------------------------------------------------------------
    def power_on(self):
        """Chip reset: ENABLE and the counter clear (scratch and REASON survive a watchdog reset)."""
        with self._lock:
            self._gen += 1
            self.enabled = False
            self.load = 0
            self._ticks = 0               # counter while paused
            self._deadline = None         # monotonic time of expiry while enabled

    def _ticks_left(self):
        if self.enabled:
            return max(0, int((self._deadline - time.monotonic()) * 1000 * TICKS_PER_MS))
        return self._ticks

    def _set(self, enabled, ticks):
        self._gen += 1
        self.enabled = enabled
        if enabled:
            self._deadline = time.monotonic() + ticks / (1000.0 * TICKS_PER_MS)
            self._spawn(self._watch, "wdt", self._gen)
        else:
            self._ticks = ticks
            self._deadline = None

    # -- machine.WDT ------------------------------------------------------------------------------
    def start(self, timeout_ms):
        if timeout_ms == 0:
            self._fire(REASON_FORCE, "WDT(timeout=0)")
            return
        with self._lock:
            self.load = min(timeout_ms * TICKS_PER_MS, TIME_MASK)
            self._set(True, self.load)

    def feed(self):
        with self._lock:
            self._set(self.enabled, self.load)

    # -- machine.mem32 ----------------------------------------------------------------------------
    def read(self, offset):
        reg = offset & 0xFFF
        with self._lock:
            if reg == CTRL:
                return (ENABLE if self.enabled else 0) | (self._ticks_left() & TIME_MASK)
            if reg == LOAD:
                return 0                  # write-only
            if reg == REASON:
                return self.reason
            return self.scratch.get(reg, 0)

    def write(self, offset, value):
        alias, reg = offset & 0x3000, offset & 0xFFF
        with self._lock:
            old = self._raw(reg)
            new = {0: value, ALIAS_XOR: old ^ value, ALIAS_SET: old | value, ALIAS_CLR: old & ~value}[alias]
            trigger = reg == CTRL and bool(new & TRIGGER)
            if reg == CTRL and not trigger and bool(new & ENABLE) != self.enabled:
                self._log("watchdog %s through WATCHDOG_CTRL" % ("enabled" if new & ENABLE else "disabled"))
                self._set(bool(new & ENABLE), self._ticks_left())
            elif reg == LOAD:
                self.load = new & TIME_MASK
                self._set(self.enabled, self.load)
            elif reg in SCRATCH:
                self.scratch[reg] = new & 0xFFFFFFFF
        if trigger:
            self._fire(REASON_FORCE, "WATCHDOG_CTRL.TRIGGER")

    def _raw(self, reg):
        if reg == CTRL:
            return ENABLE if self.enabled else 0
        return self.scratch.get(reg, 0) if reg in SCRATCH else 0

    # -- expiry -----------------------------------------------------------------------------------
    def _watch(self, gen):
        while True:
            with self._lock:
                if gen != self._gen or not self.enabled:
                    return
                left = self._deadline - time.monotonic()
                if left <= 0:
                    self.enabled = False
                    break
            time.sleep(min(left, 0.05))
        self._fire(REASON_TIMER, "watchdog not fed")

    def _fire(self, reason, why):
        self.reason = reason
        self._on_reset(why)
