"""The firmware on the virtual Pico (tool/virtual-pico: MicroPython's socket, ssl, machine and network behaviour)
against Debian's Mosquitto: TLS with the CA shipped as DER, two boards under their own {id} topics, Home Assistant
device discovery re-published after the birth message, and readings back within the bound after a broker restart.

The device files are firmware/*.py plus the rendered settings.py/main.py of a golden variant with test overrides,
written to the board's flash before it boots. Every wait has a deadline; the recovery time is measured from the
board's own [pub] lines and checked against the bound the firmware promises, plus a margin for a loaded machine.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import firmware_fixtures as fx  # noqa: E402
from vpico.client import virtual_pico  # noqa: E402

GOLDEN = os.path.join(fx.REPO, 'src', 'test', 'resources', 'golden')
BOARD_A, BOARD_B = 'e6614103e7a1b2c3', 'e66141040b0c0d0e'


class Board:
    """A virtual Pico with the firmware on its flash, booted; its serial lines collect in .lines with the
    time.monotonic() each arrived."""

    def __init__(self, board_id, overrides, variant='default', files=None, args=()):
        self.fs = tempfile.mkdtemp(prefix='picotool-vpico-fw-')
        self.link_dir = tempfile.mkdtemp(prefix='picotool-vpico-link-')
        for name in os.listdir(fx.FIRMWARE):
            if name.endswith('.py'):
                shutil.copy(os.path.join(fx.FIRMWARE, name), self.fs)
        shutil.copy(os.path.join(GOLDEN, variant, 'main.py'), self.fs)
        with open(os.path.join(GOLDEN, variant, 'settings.py'), encoding='utf-8') as f:
            settings = f.read() + '\n# test overrides\n' + ''.join('%s = %r\n' % kv for kv in overrides.items())
        with open(os.path.join(self.fs, 'settings.py'), 'w', encoding='utf-8') as f:
            f.write(settings)
        for name, path in (files or {}).items():
            shutil.copy(path, os.path.join(self.fs, name))
        self.lines = []
        self.resets = 0
        self.peer = virtual_pico(os.path.join(self.link_dir, 'ttyPico'), '--fs', self.fs, '--board-id', board_id,
                                 *args)
        self._stop = False
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self):
        partial = b''
        while not self._stop:
            try:
                self.peer._fill(0.1)
            except (EOFError, OSError):
                # A hard reset (the watchdog): the USB port goes away and comes back, as on a real board.
                self.resets += 1
                try:
                    self.peer.reopen(timeout=30)
                except (EOFError, OSError, AssertionError):
                    return
                continue
            data, self.peer.buf = bytes(self.peer.buf), bytearray()
            partial += data
            *whole, partial = partial.split(b'\r\n')
            now = time.monotonic()
            self.lines.extend((now, line.decode('utf-8', 'replace')) for line in whole)

    def text(self):
        return '\n'.join(line for _, line in self.lines)

    def wait_line(self, prefix, timeout_s=15.0, after=0.0):
        """(time, line) of the first line starting with prefix that arrived after `after`."""
        def found():
            for t, line in list(self.lines):
                if t > after and line.startswith(prefix):
                    return t, line
            return None
        return fx.wait_until(found, timeout_s, '%r from the board; it printed:\n%s' % (prefix, self.text()))

    def count(self, prefix):
        return sum(1 for _, line in list(self.lines) if line.startswith(prefix))

    def stop(self):
        self._stop = True
        self._thread.join(5)
        self.peer.close()
        shutil.rmtree(self.fs, ignore_errors=True)
        shutil.rmtree(self.link_dir, ignore_errors=True)


def broker_settings(broker, **more):
    return dict({'MQTT_HOST': '127.0.0.1', 'MQTT_PORT': broker.port, 'PUBLISH_INTERVAL_S': 2}, **more)


class TwoBoardsTest(unittest.TestCase):
    """One settings file, two boards: each has its own status, diagnostics and discovery document."""

    @classmethod
    def setUpClass(cls):
        cls.broker = fx.Mosquitto()
        cls.sub = fx.Subscriber(cls.broker, 'homeassistant/device/+/config')
        cls.boards = [Board(BOARD_A, broker_settings(cls.broker)), Board(BOARD_B, broker_settings(cls.broker))]

    @classmethod
    def tearDownClass(cls):
        for b in cls.boards:
            b.stop()
        cls.sub.stop()
        cls.broker.stop()

    def test_each_board_under_its_own_id(self):
        for board, board_id in zip(self.boards, (BOARD_A, BOARD_B)):
            board.wait_line('[pub] pico/humidity/dht22')
            self.assertEqual(fx.retained(self.broker, 'pico/%s/status' % board_id), 'online')
            health = json.loads(fx.retained(self.broker, 'pico/%s/diagnostics' % board_id))
            self.assertEqual((health['rssi_dbm'], health['ip'], health['reset_cause'], health['micropython']),
                             (-48, '192.168.4.23', 'power-on', '1.27.0'))
            doc = json.loads(fx.retained(self.broker, 'homeassistant/device/%s/config' % board_id))
            self.assertEqual(doc['dev']['ids'], [board_id])
            self.assertEqual(doc['dev']['name'], 'Pico W ' + board_id[-4:])
            self.assertEqual(doc['o']['name'], 'picotool')
            self.assertEqual(doc['dev']['mdl'], 'Pico W')
            self.assertEqual(doc['dev']['hw'], 'RP2040')
            self.assertEqual(doc['dev']['cns'][0][0], 'mac')
            self.assertEqual(doc['cmps']['temperature']['exp_aft'], 6)  # three 2 s intervals
            self.assertEqual(set(doc['cmps']), {'temperature', 'humidity', 'internal', 'rssi', 'uptime',
                                                'heap_free'})
            self.assertIn('[picotool] watchdog on: the board restarts if the firmware hangs for 8000 ms',
                          board.text())

    def test_birth_message_makes_the_boards_announce_again(self):
        for board in self.boards:
            board.wait_line('[mqtt] Home Assistant discovery published under')
        before = [b.count('[mqtt] Home Assistant discovery published') for b in self.boards]
        seen = len(self.sub.messages)
        # Home Assistant's birth message: 'online' on <prefix>/status, QoS 0, not retained
        subprocess.run([fx.require_tool('mosquitto_pub'), '-h', '127.0.0.1', '-p', str(self.broker.port),
                        '-t', 'homeassistant/status', '-m', 'online'], check=True, timeout=10)
        for board, n in zip(self.boards, before):
            fx.wait_until(lambda: board.count('[mqtt] Home Assistant discovery published') > n, 10,
                          'the board to publish its discovery again:\n' + board.text())
        fx.wait_until(lambda: len(self.sub.messages) >= seen + 2, 10, 'two re-published documents')
        topics = {m[2] for m in self.sub.messages[seen:]}
        self.assertEqual(topics, {'homeassistant/device/%s/config' % b for b in (BOARD_A, BOARD_B)})


class TlsTest(unittest.TestCase):
    """CA-verified TLS with the CA shipped as DER (what picotool renders), and a broker certificate for another
    host name refused with mbedTLS's words."""

    @classmethod
    def setUpClass(cls):
        cls.good = fx.Mosquitto(tls=True)
        cls.wrong = fx.Mosquitto(tls='wrong-host')
        tls = {'MQTT_TLS': True, 'MQTT_CA_FILE': 'ca.der', 'DIAGNOSTICS_INTERVAL_S': 0}
        cls.verified = Board(BOARD_A, broker_settings(cls.good, **tls), files={'ca.der': cls.good.pki['ca_der']})
        cls.refused = Board(BOARD_B, broker_settings(cls.wrong, **tls), files={'ca.der': cls.wrong.pki['ca_der']})

    @classmethod
    def tearDownClass(cls):
        cls.verified.stop()
        cls.refused.stop()
        cls.good.stop()
        cls.wrong.stop()

    def test_a_der_ca_verifies_the_broker(self):
        self.verified.wait_line('[pub] pico/humidity/dht22', 20)
        self.assertNotIn('WARNING', self.verified.text())
        self.assertNotIn('FAILED', self.verified.text())
        self.assertEqual(fx.retained(self.good, 'pico/%s/status' % BOARD_A, cafile=self.good.pki['ca']), 'online')

    def test_a_wrong_host_name_is_refused(self):
        _, line = self.refused.wait_line('[mqtt] FAILED: ', 20)
        self.assertEqual(line, '[mqtt] FAILED: TLS setup or certificate check failed (The certificate Common Name '
                               '(CN) does not match with the expected CN). Fix: check the CA file and that the '
                               'broker certificate names MQTT_HOST.')
        self.assertNotIn('[mqtt] connected', self.refused.text())


class WatchdogTest(unittest.TestCase):
    """A sensor read that never returns (the driver stuck in C, where Ctrl-C cannot reach): the watchdog restarts
    the board, and its health report then says why it started."""

    def test_a_hung_sensor_makes_the_watchdog_restart_the_board(self):
        broker = fx.Mosquitto()
        self.addCleanup(broker.stop)
        board = Board(BOARD_A, broker_settings(broker, WATCHDOG_MS=4000, HA_DISCOVERY_PREFIX=None),
                      args=('--dht22-hang',))
        self.addCleanup(board.stop)
        def cause():
            report = fx.retained(broker, 'pico/%s/diagnostics' % BOARD_A)
            return json.loads(report)['reset_cause'] if report else None

        first, _ = board.wait_line('[picotool] firmware ', 20)
        fx.wait_until(lambda: cause() == 'power-on', 20, 'the first health report')
        # The first sensor read hangs; nothing feeds the watchdog; it resets the board 4 s later.
        board.wait_line('[picotool] firmware ', 60, after=first)
        self.assertGreaterEqual(board.resets, 1, board.text())
        fx.wait_until(lambda: cause() == 'watchdog', 30, 'a health report saying the watchdog restarted the board')


class RecoveryTest(unittest.TestCase):
    """Broker stopped for 20 s and started again: readings resume within two intervals or 5 s, whichever is longer
    (the firmware's bound), however long the backoff had grown while the broker was away."""

    OUTAGE_S = 20
    MARGIN_S = 5  # a loaded CI machine: the board's own lines are read over a pty by a thread

    def test_readings_resume_within_the_bound_after_a_broker_restart(self):
        broker = fx.Mosquitto()
        self.addCleanup(broker.stop)
        board = Board(BOARD_A, broker_settings(broker, DIAGNOSTICS_INTERVAL_S=0, HA_DISCOVERY_PREFIX=None))
        self.addCleanup(board.stop)
        board.wait_line('[pub] pico/humidity/dht22', 20)
        broker.pause()
        down = time.monotonic()
        board.wait_line('[mqtt] FAILED: ', 10, after=down)
        fx.wait_until(lambda: time.monotonic() - down >= self.OUTAGE_S, self.OUTAGE_S + 5, 'the outage')
        broker.resume()
        up = time.monotonic()
        bound_s = max(2 * 2, 5)  # PUBLISH_INTERVAL_S = 2
        t, _ = board.wait_line('[pub] pico/temperature/internal', bound_s + self.MARGIN_S + 5, after=up)
        waits = [float(line.split()[-2]) for _, line in board.lines if line.startswith('[mqtt] reconnecting in')]
        late = t - up
        print('\nrecovery: broker down %.1f s, readings back %.2f s after it returned (bound %d s); reconnect '
              'waits %s s' % (up - down, late, bound_s, waits), file=sys.stderr)
        # The board's own decisions, free of machine load: no wait ever longer than half the bound.
        self.assertTrue(waits and max(waits) <= bound_s / 2, waits)
        self.assertGreater(len(waits), 3, 'the backoff should have had time to grow')
        self.assertLessEqual(late, bound_s + self.MARGIN_S, board.text())


if __name__ == '__main__':
    unittest.main()
