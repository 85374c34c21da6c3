"""Friendly, paste, raw and raw-paste REPL, byte-faithful to shared/runtime/pyexec.c (blocking version,
as used by rp2) and shared/readline/readline.c. Runs in the main thread; reads the stdin buffer.
"""
import threading
import time

from .constants import (BACKSPACE, BACKSPACE_ECHO, CR, CSI_INTRO, CTRL_A, CTRL_B, CTRL_C, CTRL_D,
                        CTRL_E, DELETE, EOT, ESC,
                        OK, PASTE_BANNER, PS1, PS2, PYEXEC_FORCED_EXIT, RAW_BANNER, RAW_PASTE_ACK,
                        RAW_PASTE_HEADER, RAW_PASTE_NAK, RAW_PASTE_REQUEST_CMD, RAW_PASTE_WINDOW,
                        RAW_PASTE_WINDOW_INC, RAW_PROMPT)
from .pastecheck import SyntaxWatch
from .serialport import helper_thread

FRIENDLY, RAW = "friendly", "raw"
_COMPOUND = ("if", "while", "for", "try", "with", "def", "class", "async")


def continue_with_input(text):
    """mp_repl_continue_with_input (py/repl.c): does the friendly REPL need another line?"""
    if not text:
        return False
    first = text.split(None, 1)[0] if text.split() else ""
    compound = text.startswith("@") or any(first == k or first.startswith(k + ":") for k in _COMPOUND)
    depth, quote, i = 0, None, 0
    while i < len(text):
        c = text[i]
        if quote:
            if c == "\\":
                i += 1
            elif text.startswith(quote, i):
                i += len(quote) - 1
                quote = None
        elif c in "\"'":
            quote = c * 3 if text.startswith(c * 3, i) else c
            i += len(quote) - 1
        elif c == "#":
            while i < len(text) and text[i] != "\n":
                i += 1
            continue
        elif c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        i += 1
    if quote and len(quote) == 3:
        return True
    if depth > 0 and quote is None:
        return True
    if text.endswith("\\"):
        return True
    return compound and not text.endswith("\n")


def _normalise(src):
    # the MicroPython lexer treats "\r\n" and a lone "\r" as newlines
    return src.replace("\r\n", "\n").replace("\r", "\n")


class Repl:
    def __init__(self, board):
        self.board = board
        self.hub = board.hub
        self.inp = board.hub.input

    def _getc(self):
        return self.inp.read_byte()

    # -- friendly REPL ---------------------------------------------------------------------------
    def _readline(self, prompt):
        """(control byte or 0, text). Control bytes count only on an empty line (except Ctrl-C)."""
        self.hub.write(prompt)
        line = bytearray()
        while True:
            c = self._getc()
            if CTRL_A <= c <= CTRL_E and (not line or c == CTRL_C):
                return c, ""
            if c == CR:
                self.hub.write(b"\r\n")
                return 0, line.decode("utf-8", "replace")
            if c in (BACKSPACE, DELETE):
                if line:
                    line.pop()
                    self.hub.write(BACKSPACE_ECHO)
            elif c == ESC:
                self._skip_escape()
            elif c >= 0x20:
                line.append(c)
                self.hub.write(bytes([c]))
            # other control bytes (Ctrl-A..E on a non-empty line, tab, LF) do nothing here

    def _skip_escape(self):
        c = self._getc()
        if c in CSI_INTRO:
            while not 0x40 <= self._getc() <= 0x7E:
                pass

    def _paste_mode(self):
        self.hub.write(PASTE_BANNER)
        buf = bytearray()
        while True:
            c = self._getc()
            if c == CTRL_C:
                self.hub.write(b"\r\n")
                return None
            if c == CTRL_D:
                self.hub.write(b"\r\n")
                return buf.decode("utf-8", "replace")
            buf.append(c)
            self.hub.write(b"\r\n=== " if c == CR else bytes([c]))

    def friendly(self):
        self.hub.write(self.board.config.profile.banner)
        while True:
            ret, line = self._readline(PS1)
            mode = "single"
            if ret == CTRL_A:
                self.hub.write(b"\r\n")
                self.board.mode = RAW
                return 0
            if ret == CTRL_B:
                self.hub.write(b"\r\n" + self.board.config.profile.banner.encode())
                continue
            if ret == CTRL_C:
                self.hub.write(b"\r\n")
                continue
            if ret == CTRL_D:
                self.hub.write(b"\r\n")
                return PYEXEC_FORCED_EXIT
            if ret == CTRL_E:
                line = self._paste_mode()
                if line is None:
                    continue
                mode = "exec"
            elif not line:
                continue
            else:
                while continue_with_input(line):
                    line += "\n"
                    ret, more = self._readline(PS2)
                    if ret == CTRL_C:
                        self.hub.write(b"\r\n")
                        line = None
                        break
                    if ret == CTRL_D:
                        break
                    line += more
                if line is None:
                    continue
                if line.endswith("\n"):
                    line += "\n"
            ret = self.board.session.execute(_normalise(line), mode=mode)
            if ret & PYEXEC_FORCED_EXIT:
                return ret

    # -- raw REPL --------------------------------------------------------------------------------
    def raw(self):
        self.hub.write(RAW_BANNER)
        while True:
            self.hub.write(RAW_PROMPT)
            line = bytearray()
            while True:
                chunk = self.inp.read(4096)
                end = None
                for i, c in enumerate(chunk):
                    if c == CTRL_A:
                        if len(line) == 2 and line[0] == CTRL_E:
                            self.inp.unread(chunk[i + 1:])
                            ret = self._raw_paste(line[1])
                            if ret & PYEXEC_FORCED_EXIT:
                                return ret
                            line = bytearray()
                            self.hub.write(RAW_PROMPT)
                            end = "continue"
                            break
                        line = bytearray()
                        self.hub.write(RAW_BANNER + RAW_PROMPT)
                    elif c == CTRL_B:
                        self.inp.unread(chunk[i + 1:])
                        self.hub.write(b"\r\n")
                        self.board.mode = FRIENDLY
                        return 0
                    elif c == CTRL_C:
                        line = bytearray()
                    elif c == CTRL_D:
                        self.inp.unread(chunk[i + 1:])
                        end = "exec"
                        break
                    else:
                        line.append(c)
                if end == "exec":
                    break
            self.hub.write(OK)
            if not line:
                self.hub.write(b"\r\n")
                return PYEXEC_FORCED_EXIT
            self.hub.cost.pause(self.hub.cost.exec_delay_s)
            ret = self.board.session.execute(_normalise(line.decode("utf-8", "replace")), print_eof=True)
            if ret & PYEXEC_FORCED_EXIT:
                return ret

    def _raw_paste(self, cmd):
        """"\\x05A\\x01" seen at the raw prompt: do_reader_stdin() of pyexec.c."""
        if cmd != RAW_PASTE_REQUEST_CMD:
            self.hub.write(RAW_PASTE_NAK)
            return 0
        cost = self.hub.cost
        cost.pause(cost.paste_window_s)
        self.hub.write(RAW_PASTE_ACK + RAW_PASTE_HEADER)
        buf = bytearray()
        window_remain = RAW_PASTE_WINDOW
        watch = SyntaxWatch()
        credits_out = _Credits(self.hub, cost.paste_window_s)
        try:
            return self._paste_stream(buf, window_remain, watch, credits_out)
        finally:
            credits_out.flush()

    def _paste_stream(self, buf, window_remain, watch, credits_out):
        while True:
            chunk = self.inp.read(RAW_PASTE_WINDOW)
            stop = None
            for i, c in enumerate(chunk):
                if c in (CTRL_C, CTRL_D):
                    self.inp.unread(chunk[i + 1:])
                    chunk = chunk[:i]
                    stop = c
                    break
            buf += chunk
            # a "\x01" per W bytes consumed, never ahead of consumption
            window_remain -= len(chunk)
            credits = 0
            while window_remain <= 0:
                credits += 1
                window_remain += RAW_PASTE_WINDOW
            if credits:
                credits_out.send(credits)
            if stop is not None:
                credits_out.flush()                       # credits in flight arrive before the acknowledgement
                self.hub.write(EOT)                       # end of data acknowledged at once
                if stop == CTRL_C:
                    return self.board.session.execute(None, code=_RaiseKbd, print_eof=True)
                self.hub.cost.pause(self.hub.cost.exec_delay_s)
                return self.board.session.execute(_normalise(buf.decode("utf-8", "replace")),
                                                  print_eof=True)
            err = watch.feed(buf)
            if err is not None:
                credits_out.flush()
                return self._abrupt_end(err)

    def _abrupt_end(self, err):
        """Compile error mid-stream: "\\x04" now, drop input up to the host's Ctrl-C/Ctrl-D."""
        self.hub.write(EOT)
        while self._getc() not in (CTRL_C, CTRL_D):
            pass
        from .errors import mark_compile_error
        mark_compile_error(err, "<stdin>")
        self.hub.write(EOT)
        self.board.stdout.write(self.board.session.format_exception(err))
        self.hub.write(EOT)
        return 0


class _Credits:
    """Raw-paste window credits on their way to the host: with the cost model each arrives one window round trip
    after the board freed the window (its reading goes on meanwhile); without, at once. flush() sends the ones
    still on their way, in order, before anything else the board says."""

    def __init__(self, hub, delay_s):
        self._hub = hub
        self._delay = delay_s
        self._due = []
        self._cond = threading.Condition()
        self._thread = None

    def send(self, n):
        if not self._delay:
            self._hub.write(RAW_PASTE_WINDOW_INC * n)
            return
        with self._cond:
            self._due.append((time.monotonic() + self._delay, n))
            self._cond.notify()
            if self._thread is None:
                self._thread = helper_thread(self._run, "raw-paste-credits")

    def _run(self):
        with self._cond:
            while self._due is not None:
                if not self._due:
                    self._cond.wait()
                    continue
                wait = self._due[0][0] - time.monotonic()
                if wait > 0:
                    self._cond.wait(wait)
                    continue
                self._hub.write(RAW_PASTE_WINDOW_INC * self._due.pop(0)[1])

    def flush(self):
        with self._cond:
            if self._due:
                self._hub.write(RAW_PASTE_WINDOW_INC * sum(n for _, n in self._due))
            self._due = [] if self._thread is None else None
            self._cond.notify()
        self._thread = None


# raw-paste aborted by Ctrl-C: KeyboardInterrupt raised from the reader, so no traceback lines
_RaiseKbd = compile("raise KeyboardInterrupt", "<vpico-internal>", "exec")
