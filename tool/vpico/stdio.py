"""sys.stdout / sys.stdin of the device: the serial port."""
from .constants import BACKSPACE, BACKSPACE_ECHO, CR, CTRL_D, DELETE


class StdioBuffer:
    """sys.stdin.buffer, which is also sys.stdout.buffer (one object on the board: shared/runtime/sys_stdio_mphal.c).

    Reads take every byte as it arrived (no CR -> LF) and block until the whole request is there; writes go out
    raw, without the "\\n" -> "\\r\\n" of the text streams.
    """

    def __init__(self, inputbuf, hub):
        self._in = inputbuf
        self._hub = hub

    def read(self, n=1):
        out = bytearray()
        while len(out) < n:
            out += self._in.read(n - len(out))
        return bytes(out)

    def readinto(self, buf):
        data = self.read(len(buf))
        buf[: len(data)] = data
        return len(data)

    def write(self, data):
        data = bytes(data, "utf-8") if isinstance(data, str) else bytes(data)
        self._hub.write(data)
        return len(data)

    def flush(self):
        return None


class SerialStdout:
    """print() target: text or bytes, "\\n" leaves as "\\r\\n" (mp_hal_stdout_tx_strn_cooked)."""

    def __init__(self, hub, buffer):
        self._hub = hub
        if buffer is not None:
            self.buffer = buffer

    def write(self, data):
        if isinstance(data, (bytes, bytearray, memoryview)):
            self._hub.write_cooked(bytes(data))
        else:
            self._hub.write_cooked(str(data))
        return len(data)

    def flush(self):
        return None

    def isatty(self):
        return True


class SerialStdin:
    """The text stdin: stdio_read() turns every CR (0x0D) into LF (0x0A), so binary data must use .buffer."""

    def __init__(self, inputbuf, buffer):
        self._in = inputbuf
        self._raw = StdioBuffer(inputbuf, None)
        if buffer is not None:
            self.buffer = buffer

    def read(self, n=1):
        return self._raw.read(n).replace(b"\r", b"\n").decode("utf-8", "replace")

    def readinto(self, buf):
        data = self._raw.read(len(buf)).replace(b"\r", b"\n")
        buf[: len(data)] = data
        return len(data)

    def readline(self):
        out = bytearray()
        while True:
            c = self._in.read_byte()
            out.append(0x0A if c == CR else c)
            if c in (CR, 0x0A):
                return out.decode("utf-8", "replace")

    def isatty(self):
        return True


def read_line_echo(inputbuf, hub):
    """input(): a minimal readline with echo (CR ends the line, backspace edits)."""
    line = bytearray()
    while True:
        c = inputbuf.read_byte()
        if c == CR:
            hub.write(b"\r\n")
            return line.decode("utf-8", "replace")
        if c in (BACKSPACE, DELETE):
            if line:
                line.pop()
                hub.write(BACKSPACE_ECHO)
            continue
        if c == CTRL_D and not line:
            raise EOFError
        if c >= 0x20 and c != DELETE:
            line.append(c)
            hub.write(bytes([c]))
