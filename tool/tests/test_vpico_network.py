"""Wi-Fi status timelines and real sockets behind the simulated CYW43."""
import os
import socket
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from vpico.client import PeerTestMixin  # noqa: E402

# prints every status change until the state settles (>= 3 or < 0)
WATCH = """import network, time
w = network.WLAN(network.STA_IF)
w.active(True)
w.connect(%r, %r)
seen = [w.status()]
t0 = time.ticks_ms()
while -1 < seen[-1] < 3 and time.ticks_diff(time.ticks_ms(), t0) < 5000:
    time.sleep_ms(20)
    s = w.status()
    if s != seen[-1]:
        seen.append(s)
print(seen, w.isconnected(), time.ticks_diff(time.ticks_ms(), t0))
"""


def run_watch(p, ssid, key):
    out, err = p.exec_raw(WATCH % (ssid, key))
    if err:
        raise AssertionError(err.decode())
    seen, connected, ms = out.decode().rsplit(" ", 2)
    return eval(seen), connected == "True", int(ms)     # noqa: S307 - our own output


class WlanTest(PeerTestMixin, unittest.TestCase):
    def test_right_and_wrong_password(self):
        p = self.raw_pico("--wifi", "Lab:secretpass")
        seen, connected, ms = run_watch(p, "Lab", "wrongpass")
        self.assertEqual(seen, [1, -3])
        self.assertFalse(connected)
        self.assertGreaterEqual(ms, 900)
        seen, connected, ms = run_watch(p, "Other", "secretpass")
        self.assertEqual(seen, [1, -2])
        seen, connected, ms = run_watch(p, "Lab", "secretpass")
        self.assertEqual(seen, [1, 2, 3])
        self.assertTrue(connected)
        self.assertLess(ms, 1500)
        out, err = p.exec_raw("print(w.ifconfig())\nprint(network.hostname(), network.country(), "
                              "w.config('mac').hex()[:6], w.config('pm') == w.PM_PERFORMANCE)")
        self.assertEqual(out, b"('192.168.4.23', '255.255.255.0', '192.168.4.1', '192.168.4.1')\r\n"
                              b"PicoW XX 28cdc1 True\r\n")
        # association survives a soft reset, as on rp2
        p.write(b"\x04")
        p.read_until(b"raw REPL; CTRL-B to exit\r\n>")
        out, _ = p.exec_raw("import network\nprint(network.WLAN(network.STA_IF).isconnected())")
        self.assertEqual(out, b"True\r\n")

    def test_wifi_down(self):
        p = self.raw_pico("--wifi", "Lab:secretpass", "--wifi-down")
        seen, connected, ms = run_watch(p, "Lab", "secretpass")
        self.assertEqual(seen, [1, -2])
        self.assertGreaterEqual(ms, 1400)

    def test_password_from_environment(self):
        os.environ["VPICO_TEST_WIFI_PW"] = "from env"
        self.addCleanup(os.environ.pop, "VPICO_TEST_WIFI_PW", None)
        p = self.raw_pico("--wifi-ssid", "Lab", "--wifi-password-env", "VPICO_TEST_WIFI_PW")
        self.assertEqual(run_watch(p, "Lab", "from env")[0], [1, 2, 3])
        self.assertEqual(run_watch(p, "Lab", "secretpass")[0], [1, -3])

    def test_connect_requires_active_and_hostname_limit(self):
        p = self.raw_pico()
        _, err = p.exec_raw("import network\nnetwork.WLAN(network.STA_IF).connect('Lab', 'x')")
        self.assertTrue(err.endswith(b"OSError: [Errno 1] EPERM\r\n"), err)
        _, err = p.exec_raw("network.hostname('x' * 33)")
        self.assertIn(b"ValueError", err)

    def test_sockets_fail_like_a_pico_without_wifi(self):
        p = self.raw_pico()
        _, err = p.exec_raw("import socket\nsocket.getaddrinfo('broker.example', 1883)")
        self.assertTrue(err.endswith(b"OSError: -2\r\n"), err)
        out, err = p.exec_raw("print(socket.getaddrinfo('127.0.0.1', 1883)[0][-1])\n"
                              "s = socket.socket()\ns.connect(('127.0.0.1', 1883))")
        self.assertEqual(out, b"('127.0.0.1', 1883)\r\n")
        self.assertTrue(err.endswith(b"OSError: [Errno 113] EHOSTUNREACH\r\n"), err)


class EndToEndSocketTest(PeerTestMixin, unittest.TestCase):
    def test_main_py_talks_to_a_real_listener_after_wifi(self):
        srv = socket.socket()
        srv.bind(("127.0.0.1", 0))
        srv.listen(1)
        srv.settimeout(10)
        self.addCleanup(srv.close)
        port = srv.getsockname()[1]
        main = ("import network, socket, time\n"
                "w = network.WLAN(network.STA_IF)\nw.active(True)\nw.connect('Lab', 'secretpass')\n"
                "while w.status() != 3:\n    time.sleep_ms(50)\n"
                "print('[wifi] connected, ip', w.ifconfig()[0])\n"
                "addr = socket.getaddrinfo('127.0.0.1', %d)[0][-1]\n"
                "s = socket.socket()\ns.settimeout(5)\ns.connect(addr)\n"
                "s.sendall(b'hello from the pico')\nprint('reply', s.recv(16))\ns.close()\n" % port)
        p = self.start_pico("--wifi", "Lab:secretpass", files={"main.py": main})
        conn, _ = srv.accept()
        with conn:
            conn.settimeout(5)
            self.assertEqual(conn.recv(64), b"hello from the pico")
            conn.sendall(b"ack")
        out = p.read_until(b">>> ", timeout=10)
        self.assertIn(b"[wifi] connected, ip 192.168.4.23\r\n", out)
        self.assertIn(b"reply b'ack'\r\n", out)

    def test_refused_and_timeout_errors(self):
        p = self.raw_pico()
        p.exec_raw("import network, socket, time\nw = network.WLAN(network.STA_IF)\nw.active(True)\n"
                   "w.connect('Lab', 'pw')\nwhile not w.isconnected(): time.sleep_ms(20)")
        free = socket.socket()
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
        free.close()
        _, err = p.exec_raw("s = socket.socket()\ns.connect(('127.0.0.1', %d))" % port)
        self.assertTrue(err.endswith(b"OSError: [Errno 104] ECONNRESET\r\n"), err)   # lwIP: RST -> ERR_RST
        srv = socket.socket()
        srv.bind(("127.0.0.1", 0))
        srv.listen(1)
        self.addCleanup(srv.close)
        _, err = p.exec_raw("s = socket.socket()\ns.connect(('127.0.0.1', %d))\ns.settimeout(0.2)\ns.recv(1)"
                            % srv.getsockname()[1])
        self.assertTrue(err.endswith(b"OSError: [Errno 110] ETIMEDOUT\r\n"), err)


if __name__ == "__main__":
    unittest.main()
