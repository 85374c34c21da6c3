"""A small serial client for tests and experiments: starts a REPL peer, talks to it through its pty.

Works for tool/virtual-pico and tool/micropython-repl (same CLI shape, same ready line).
Every wait polls with a deadline; nothing sleeps for a fixed time.
"""
import os
import select
import subprocess
import sys
import termios
import time
import tty

TOOL_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class Peer:
    """A running REPL process plus an open raw connection to its port."""

    def __init__(self, program, link, args=(), start_timeout=10.0, env=None, ready=True):
        """Starts the program; with ready=False (a board in BOOTSEL mode) it does not wait for the port."""
        self.program = program
        self.link = link
        self.fd = -1
        self.buf = bytearray()
        self.stdout = b""
        self.proc = subprocess.Popen([program, "--link", link] + list(args), stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, env=env)
        if ready:
            self.ready_line = self._wait_ready(start_timeout)
            self.open()

    def _wait_ready(self, timeout):
        try:
            return self.wait_stdout(b"ready on", timeout)
        except TimeoutError as e:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait()
            err = self.proc.stderr.read()
            self.close()
            raise RuntimeError("%s did not get ready: %s %r" % (self.program, e, err)) from None

    def wait_stdout(self, marker, timeout=10.0):
        """The next line the program prints on stdout that contains `marker` (earlier lines are consumed)."""
        deadline = time.monotonic() + timeout
        while True:
            while b"\n" in self.stdout:
                line, _, self.stdout = self.stdout.partition(b"\n")
                if marker in line:
                    return line.decode() + "\n"
            left = deadline - time.monotonic()
            r, _, _ = select.select([self.proc.stdout], [], [], max(0.0, left))
            chunk = os.read(self.proc.stdout.fileno(), 4096) if r else b""
            if not chunk:
                raise TimeoutError("no %r on stdout within %.1fs (or it exited)" % (marker, timeout))
            self.stdout += chunk

    def open(self, timeout=5.0):
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.fd = os.open(self.link, os.O_RDWR | os.O_NOCTTY | os.O_NONBLOCK)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.01)
        # TCSANOW: the default TCSAFLUSH would throw away what the board printed before we opened
        tty.setraw(self.fd, termios.TCSANOW)
        self.buf = bytearray()

    def wait_gone(self, timeout=10.0):
        """Read until the port reports EIO/EOF: the board reset (or lost power)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                self._fill(0.1)
            except EOFError:
                return
        raise AssertionError("the port did not go away; got %r" % bytes(self.buf))

    def reopen(self, timeout=5.0):
        try:
            os.close(self.fd)
        except OSError:
            pass
        self.open(timeout)

    def write(self, data):
        if isinstance(data, str):
            data = data.encode()
        view = memoryview(data)
        while view:
            try:
                n = os.write(self.fd, view)
                view = view[n:]
            except BlockingIOError:
                select.select([], [self.fd], [], 1.0)

    def _fill(self, timeout):
        r, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
        if r:
            try:
                data = os.read(self.fd, 65536)
            except BlockingIOError:
                return True
            except OSError:
                raise EOFError("port gone (EIO)")
            if not data:
                raise EOFError("port gone (EOF)")
            self.buf += data
        return bool(r)

    def read_until(self, marker, timeout=5.0):
        """Bytes up to and including `marker` (consumed from the buffer)."""
        if isinstance(marker, str):
            marker = marker.encode()
        deadline = time.monotonic() + timeout
        while True:
            i = self.buf.find(marker)
            if i >= 0:
                out = bytes(self.buf[: i + len(marker)])
                del self.buf[: i + len(marker)]
                return out
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no %r within %.1fs; got %r" % (marker, timeout, bytes(self.buf)))
            self._fill(left)

    def read_exact(self, n, timeout=5.0):
        deadline = time.monotonic() + timeout
        while len(self.buf) < n:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("wanted %d bytes, got %r" % (n, bytes(self.buf)))
            self._fill(left)
        out = bytes(self.buf[:n])
        del self.buf[:n]
        return out

    def drain(self, quiet=0.05):
        """Discard output until the line has been quiet for `quiet` seconds."""
        while self._fill(quiet):
            pass
        self.buf = bytearray()

    # -- raw REPL helpers -------------------------------------------------------------------------
    def enter_raw(self):
        self.write(b"\r\x03")
        self.drain()
        self.write(b"\r\x01")
        self.read_until(b"raw REPL; CTRL-B to exit\r\n>")

    def exec_raw(self, code, timeout=10.0):
        """Classic raw exec at the '>' prompt: returns (stdout, stderr); consumes the next '>'."""
        self.write(code.encode() if isinstance(code, str) else code)
        self.write(b"\x04")
        ok = self.read_exact(2, timeout)
        if ok != b"OK":
            raise AssertionError("expected OK, got %r" % ok)
        out = self.read_until(b"\x04", timeout)[:-1]
        err = self.read_until(b"\x04", timeout)[:-1]
        self.read_until(b">", timeout)
        return out, err

    def close(self):
        if self.fd >= 0:
            try:
                os.close(self.fd)
            except OSError:
                pass
            self.fd = -1
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        for f in (self.proc.stdout, self.proc.stderr):
            if f:
                f.close()


def virtual_pico(link, *args, **kw):
    return Peer(os.path.join(TOOL_DIR, "virtual-pico"), link, args, **kw)


if __name__ == "__main__":
    p = virtual_pico(sys.argv[1])
    p.enter_raw()
    print(p.exec_raw(sys.argv[2] if len(sys.argv) > 2 else "print(1+1)"))
    p.close()


class PeerTestMixin:
    """unittest helpers: self.start_pico(...) gives a connected Peer, stopped at test end."""

    def start_pico(self, *args, files=None, fs=None):
        import tempfile
        if fs is None:
            fs = tempfile.mkdtemp(prefix="vpico-test-fs-")
            self.addCleanup(_rmtree, fs)
        for name, content in (files or {}).items():
            path = os.path.join(fs, name.lstrip("/"))
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(content.encode() if isinstance(content, str) else content)
        link_dir = tempfile.mkdtemp(prefix="vpico-test-link-")
        self.addCleanup(_rmtree, link_dir)
        peer = virtual_pico(os.path.join(link_dir, "ttyPico"), "--fs", fs, *args)
        self.addCleanup(peer.close)
        peer.fs = fs
        return peer

    def raw_pico(self, *args, **kw):
        """A started board already in the raw REPL (power-on output consumed)."""
        p = self.start_pico(*args, **kw)
        p.enter_raw()
        return p


def _rmtree(path):
    import shutil
    shutil.rmtree(path, ignore_errors=True)
