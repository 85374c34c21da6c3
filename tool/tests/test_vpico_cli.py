"""Process behaviour of tool/virtual-pico: start-up, ready lines, TCP endpoint, clean shutdown."""
import os
import select
import signal
import socket
import subprocess
import sys
import tempfile
import time
import unittest

TOOL = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, TOOL)
from vpico.client import Peer, virtual_pico  # noqa: E402

PROGRAM = os.path.join(TOOL, "virtual-pico")


def read_line(proc, timeout=10.0):
    deadline = time.monotonic() + timeout
    line = b""
    while not line.endswith(b"\n"):
        r, _, _ = select.select([proc.stdout], [], [], max(0, deadline - time.monotonic()))
        if not r:
            raise TimeoutError("no line; got %r" % line)
        ch = os.read(proc.stdout.fileno(), 1)
        if not ch:
            raise EOFError("stdout closed; got %r" % line)
        line += ch
    return line.decode()


class CliTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="vpico-cli-")
        self.addCleanup(subprocess.call, ["rm", "-rf", self.tmp])

    def start(self, *args):
        proc = subprocess.Popen([PROGRAM] + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE)

        def stop():
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            proc.stdout.close()
            proc.stderr.close()
        self.addCleanup(stop)
        return proc

    def test_startup_time_and_ready_line(self):
        link = os.path.join(self.tmp, "ttyPico")
        os.symlink("/nonexistent/stale", link)          # a stale link from a crashed run is replaced
        t0 = time.monotonic()
        proc = self.start("--link", link, "--fs", os.path.join(self.tmp, "fs"))
        line = read_line(proc)
        elapsed = time.monotonic() - t0
        self.assertEqual(line, "virtual-pico: ready on %s\n" % link)
        self.assertTrue(os.readlink(link).startswith("/dev/pts/"))
        fd = os.open(link, os.O_RDWR | os.O_NOCTTY)     # can be opened as soon as it is announced
        os.close(fd)
        sys.stderr.write("[start-up %.0f ms] " % (elapsed * 1000))

    def test_sigterm_and_sigint_remove_link(self):
        for sig in (signal.SIGTERM, signal.SIGINT):
            link = os.path.join(self.tmp, "tty%d" % sig)
            proc = self.start("--link", link)
            read_line(proc)
            proc.send_signal(sig)
            self.assertEqual(proc.wait(10), 0)
            self.assertFalse(os.path.lexists(link))

    def test_without_link_prints_pts_path(self):
        proc = self.start()
        line = read_line(proc)
        self.assertRegex(line, r"^virtual-pico: ready on /dev/pts/\d+\n$")

    def test_tcp_endpoint_serves_the_same_stream(self):
        link = os.path.join(self.tmp, "ttyPico")
        proc = self.start("--link", link, "--tcp", "0")
        lines = [read_line(proc), read_line(proc)]
        self.assertEqual(lines[0], "virtual-pico: ready on %s\n" % link)
        port = int(lines[1].rsplit(":", 1)[1])
        self.assertRegex(lines[1], r"^virtual-pico: ready on socket://127\.0\.0\.1:\d+\n$")
        s = socket.create_connection(("127.0.0.1", port), timeout=5)
        self.addCleanup(s.close)
        s.sendall(b"\r\x03\r\x01print(6*7)\x04")
        data = b""
        while not data.endswith(b"\x04\x04>"):
            chunk = s.recv(4096)
            self.assertTrue(chunk, data)
            data += chunk
        self.assertTrue(data.endswith(b"raw REPL; CTRL-B to exit\r\n>OK42\r\n\x04\x04>"), data)
        # One client at a time, and the newest wins: a tool that reconnects at once must not be refused.
        second = socket.create_connection(("127.0.0.1", port), timeout=5)
        self.addCleanup(second.close)
        self.assertEqual(s.recv(10), b"")   # the first client is hung up on
        second.sendall(b"\r\x01print(6*9)\x04")
        data = b""
        while not data.endswith(b"\x04\x04>"):
            chunk = second.recv(4096)
            self.assertTrue(chunk, data)
            data += chunk
        self.assertTrue(data.endswith(b">OK54\r\n\x04\x04>"), data)


class PeerHelperTest(unittest.TestCase):
    def test_peer_helper_reports_a_broken_program(self):
        with self.assertRaises(RuntimeError):
            Peer("/bin/false", os.path.join(tempfile.gettempdir(), "never-there"), start_timeout=5)

    def test_verbose_logs_to_stderr_only(self):
        link = os.path.join(tempfile.mkdtemp(prefix="vpico-cli-"), "tty")
        p = virtual_pico(link, "--verbose")
        self.addCleanup(p.close)
        self.assertEqual(p.ready_line, "virtual-pico: ready on %s\n" % link)
        p.proc.terminate()
        p.proc.wait(10)
        self.assertIn(b"virtual-pico: pty /dev/pts/", p.proc.stderr.read())


if __name__ == "__main__":
    unittest.main()
