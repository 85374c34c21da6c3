"""Serial endpoints: a pty (optionally behind a symlink) and/or a TCP socket, both carrying the same bytes.

Why the pty is built the way it is:
- we keep our own fd of the slave open, so a client closing its end never gives us EIO/hangup races;
- the master is non-blocking: when nobody reads the slave the kernel buffer (~20 KB) fills up. The real
  board blocks up to 500 ms per write while a host is attached (MICROPY_HW_USB_CDC_TX_TIMEOUT) and keeps
  only the newest data while none is (mp_usbd_cdc.c). We cannot see DTR on a pty, so "attached" means
  "the host has sent us something since the last stall"; otherwise old queued output is flushed.
- a hard reset (machine.reset) closes the master: a client still holding the slave sees EIO/EOF and has
  to reopen the link, which we point at a brand-new pty, like USB re-enumeration.
"""
import os
import pty
import select
import signal
import socket
import termios
import threading
import time
import tty

from .costmodel import CostModel, Pacer

TX_TIMEOUT_S = 0.5      # MICROPY_HW_USB_CDC_TX_TIMEOUT on rp2
READ_CHUNK = 4096
_MAIN_THREAD_SIGNALS = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGUSR1}


def helper_thread(target, name, *args):
    """Start a daemon thread that never takes process signals.

    The kernel hands a process-directed signal (SIGTERM from the test harness) to any thread that does
    not block it; if a helper took it, the main thread could sleep on in a lock wait and never run the
    Python handler. So helpers block them and everything lands on the main thread.
    """
    def run():
        signal.pthread_sigmask(signal.SIG_BLOCK, _MAIN_THREAD_SIGNALS)
        target(*args)
    t = threading.Thread(target=run, name=name, daemon=True)
    t.start()
    return t


def _replace_symlink(target, link):
    """Atomically point `link` at `target`, replacing a (stale) symlink but never a real file."""
    if os.path.lexists(link) and not os.path.islink(link):
        raise SystemExit("virtual-pico: --link %s exists and is not a symlink; refusing to replace it" % link)
    tmp = "%s.tmp%d" % (link, os.getpid())
    try:
        os.unlink(tmp)
    except FileNotFoundError:
        pass
    os.symlink(target, tmp)
    os.replace(tmp, link)


class PtyEndpoint:
    def __init__(self, link, feed, log):
        self.link = link
        self._feed = feed
        self._log = log
        self.master = self.slave = -1
        self.path = None
        self._wake_r, self._wake_w = os.pipe()
        self._thread = None
        self._stop = False
        self._lock = threading.RLock()   # re-entrant: the SIGTERM handler may interrupt write()
        self.absent = True          # no host seen yet: keep newest output instead of blocking

    def describe(self):
        return self.link or self.path

    def open(self):
        master, slave = pty.openpty()
        tty.setraw(slave)
        os.set_blocking(master, False)
        with self._lock:
            self.master, self.slave = master, slave
            self.path = os.ttyname(slave)
            self.absent = True
        if self.link:
            _replace_symlink(self.path, self.link)
        self._stop = False
        self._thread = helper_thread(self._reader, "pty-reader")
        self._log("pty %s%s" % (self.path, " <- " + self.link if self.link else ""))

    def close(self, remove_link=True):
        self._stop = True
        os.write(self._wake_w, b"x")
        if self._thread and self._thread is not threading.current_thread():
            self._thread.join(2)
        with self._lock:
            for fd in (self.master, self.slave):
                if fd >= 0:
                    try:
                        os.close(fd)
                    except OSError:
                        pass
            self.master = self.slave = -1
        try:
            os.read(self._wake_r, 64)
        except OSError:
            pass
        if remove_link and self.link:
            try:
                if os.path.islink(self.link) and os.readlink(self.link) == self.path:
                    os.unlink(self.link)          # only our own link (another board may own it now)
            except OSError:
                pass

    def _reader(self):
        master = self.master
        while not self._stop:
            try:
                ready, _, _ = select.select([master, self._wake_r], [], [])
            except (OSError, ValueError):
                return
            if self._stop or master not in ready:
                continue
            try:
                data = os.read(master, READ_CHUNK)
            except BlockingIOError:
                continue
            except OSError:
                # should not happen while we hold the slave; avoid a busy loop if it does
                time.sleep(0.05)
                continue
            if data:
                self.absent = False
                self._feed(data)

    def write(self, data):
        with self._lock:
            master = self.master
            if master < 0:
                return
            view = memoryview(data)
            deadline = None
            while view:
                try:
                    n = os.write(master, view)
                    view = view[n:]
                    continue
                except BlockingIOError:
                    pass
                except OSError:
                    return
                if self.absent:
                    # nobody reading: like the CDC FIFO without DTR, keep the newest data
                    termios.tcflush(self.slave, termios.TCIFLUSH)
                    continue
                if deadline is None:
                    deadline = time.monotonic() + TX_TIMEOUT_S
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    self._log("pty: host stopped reading, dropping old output")
                    self.absent = True
                    continue
                select.select([], [master], [], remaining)


class TcpEndpoint:
    """127.0.0.1:PORT, one client at a time: a new client replaces the old one.

    A host tool that closes and reconnects at once (as picotool does between commands) may arrive before the old
    connection's EOF has been read; refusing it then would fail at random, so the newest client wins, like the last
    program to open a USB serial port.
    """

    def __init__(self, port, feed, log):
        self._feed = feed
        self._log = log
        self._srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._srv.bind(("127.0.0.1", port))
        self._srv.listen(2)
        self.port = self._srv.getsockname()[1]
        self._client = None
        self._lock = threading.RLock()   # re-entrant: the SIGTERM handler may interrupt write()
        self._closed = False

    def describe(self):
        return "socket://127.0.0.1:%d" % self.port

    def open(self):
        helper_thread(self._acceptor, "tcp-accept")

    def _acceptor(self):
        while not self._closed:
            try:
                conn, addr = self._srv.accept()
            except OSError:
                return
            with self._lock:
                old, self._client = self._client, conn
            if old is not None:
                self._log("tcp: new client %s replaces the previous one" % (addr,))
                try:
                    old.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                old.close()
            conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self._log("tcp: client %s" % (addr,))
            helper_thread(self._reader, "tcp-reader", conn)

    def _reader(self, conn):
        while True:
            try:
                data = conn.recv(READ_CHUNK)
            except OSError:
                data = b""
            if not data:
                break
            self._feed(data)
        self.hangup(conn)

    def hangup(self, conn=None):
        with self._lock:
            if self._client is None or (conn is not None and conn is not self._client):
                return
            conn, self._client = self._client, None
        try:
            conn.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        conn.close()

    def write(self, data):
        with self._lock:
            conn = self._client
        if conn is None:
            return
        try:
            conn.settimeout(TX_TIMEOUT_S)
            conn.sendall(data)
        except OSError:
            pass

    def close(self, remove_link=True):
        self._closed = True
        self.hangup()
        try:
            self._srv.close()
        except OSError:
            pass


class SerialHub:
    """All endpoints plus the shared stdin buffer. Output goes to every endpoint."""

    def __init__(self, inputbuf, log, cost=None):
        self.input = inputbuf
        self._log = log
        self.cost = cost or CostModel()
        self._feed = Pacer(inputbuf.feed, self.cost.serial_bytes_per_s).feed
        self.endpoints = []
        self._wlock = threading.RLock()

    def add_pty(self, link, plugged=True):
        ep = PtyEndpoint(link, self._feed, self._log)
        if plugged:
            ep.open()
        self.endpoints.append(ep)
        return ep

    def add_tcp(self, port):
        ep = TcpEndpoint(port, self._feed, self._log)
        ep.open()
        self.endpoints.append(ep)
        return ep

    def write(self, data):
        if isinstance(data, str):
            data = data.encode("utf-8", "replace")
        with self._wlock:
            for ep in self.endpoints:
                ep.write(data)

    def write_cooked(self, text):
        """Like mp_hal_stdout_tx_strn_cooked: every "\\n" leaves as "\\r\\n"."""
        if isinstance(text, str):
            text = text.encode("utf-8", "replace")
        self.write(text.replace(b"\n", b"\r\n"))

    def replug(self, gap_s):
        """Hard reset: the USB device disappears and comes back as a new port."""
        with self._wlock:
            self.unplug()
            time.sleep(gap_s)
            self.plug()

    def unplug(self):
        """The serial device is gone (reset, or BOOTSEL mode): ptys and their links vanish, TCP clients hang up."""
        with self._wlock:
            for ep in self.endpoints:
                if isinstance(ep, PtyEndpoint):
                    ep.close(remove_link=True)
                else:
                    ep.hangup()
            self.input.clear()

    def plug(self):
        """The serial device is back: new ptys behind the same links (input sent meanwhile went nowhere)."""
        with self._wlock:
            self.input.clear()
            for ep in self.endpoints:
                if isinstance(ep, PtyEndpoint):
                    ep.open()

    def close(self):
        with self._wlock:
            for ep in self.endpoints:
                ep.close(remove_link=True)
