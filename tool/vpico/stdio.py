"""sys.stdout / sys.stdin of the device: the serial port."""
from .constants import BACKSPACE, BACKSPACE_ECHO, CR, CTRL_D, DELETE


class SerialStdout:
    """print() target: text or bytes, "\\n" leaves as "\\r\\n" (mp_hal_stdout_tx_strn_cooked)."""

    def __init__(self, hub):
        self._hub = hub

    def write(self, data):
        if isinstance(data, (bytes, bytearray, memoryview)):
            self._hub.write_cooked(bytes(data))
        else:
            self._hub.write_cooked(str(data))
        return len(data)

    def flush(self):
        return None

    @property
    def buffer(self):
        return self

    def isatty(self):
        return True


class _StdinBuffer:
    def __init__(self, inputbuf):
        self._in = inputbuf

    def read(self, n=1):
        out = bytearray()
        while len(out) < n:
            out += self._in.read(n - len(out))
        return bytes(out)

    def readinto(self, buf):
        data = self.read(len(buf))
        buf[: len(data)] = data
        return len(data)


class SerialStdin:
    def __init__(self, inputbuf):
        self._in = inputbuf
        self.buffer = _StdinBuffer(inputbuf)

    def read(self, n=1):
        return self.buffer.read(n).decode("utf-8", "replace")

    def readline(self):
        out = bytearray()
        while True:
            c = self._in.read_byte()
            out.append(c)
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
