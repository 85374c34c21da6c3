"""The board's stdin ring buffer, fed by the reader threads, drained by the main (MicroPython) thread.

Ctrl-C handling copies TinyUSB's CDC receive callback (shared/tinyusb/mp_usbd_cdc.c): while Python code
runs the interrupt char is armed; when it arrives the whole pending buffer is thrown away (bytes queued
before the Ctrl-C are lost, bytes after it in the same packet are kept) and a KeyboardInterrupt is
scheduled. When no code runs the interrupt char is disarmed and 0x03 is an ordinary byte for the REPL.
"""
import threading


class InputBuffer:
    def __init__(self):
        self._cond = threading.Condition()
        self._buf = bytearray()
        self.interrupt_char = -1          # -1 = disarmed (mp_interrupt_char)
        self.on_interrupt = lambda: None  # called (in the reader thread) when the armed char arrives
        self.poll_hook = lambda: None     # called in the main thread while waiting; may raise

    def feed(self, data):
        """Called by reader threads with the bytes of one read() (one "USB packet")."""
        if not data:
            return
        fire = False
        with self._cond:
            ichar = self.interrupt_char
            if ichar >= 0 and ichar in data:
                self._buf.clear()
                tail = data[data.rindex(ichar) + 1:]
                self._buf += tail
                fire = True
            else:
                self._buf += data
            self._cond.notify_all()
        if fire:
            self.on_interrupt()

    def wake(self):
        """Wake a waiting reader so that poll_hook runs (used for watchdog / hard reset)."""
        with self._cond:
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._buf.clear()

    def read_byte(self, timeout=None):
        """Next byte as int; None on timeout."""
        data = self.read(1, timeout)
        return data[0] if data else None

    def read(self, max_bytes, timeout=None):
        """Between 1 and max_bytes bytes, waiting for the first; b'' on timeout."""
        with self._cond:
            while not self._buf:
                self.poll_hook()
                if not self._cond.wait(timeout) and timeout is not None:
                    self.poll_hook()
                    if not self._buf:
                        return b""
            self.poll_hook()
            out = bytes(self._buf[:max_bytes])
            del self._buf[:max_bytes]
            return out

    def unread(self, data):
        """Push bytes back to the front (the REPL read further than the command it handled)."""
        if data:
            with self._cond:
                self._buf[:0] = data
                self._cond.notify_all()

    def pending(self):
        with self._cond:
            return len(self._buf)
