"""The virtual Pico's cost model (--cost-model): input paced to a byte rate, a delay per exec, a round trip per
raw-paste window. Timing is judged with an injected clock, or as a lower bound (load only makes things slower)."""
import os
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from vpico.cli import cost_model, parse_args  # noqa: E402
from vpico.client import PeerTestMixin  # noqa: E402
from vpico.costmodel import CostModel, Pacer  # noqa: E402


class FakeTime:
    def __init__(self, overshoot=0.0):
        self.now = 100.0
        self.overshoot = overshoot
        self.slept = 0.0

    def clock(self):
        return self.now

    def sleep(self, s):
        self.slept += s
        self.now += s + self.overshoot


class PacerTest(unittest.TestCase):
    def test_bytes_reach_the_board_at_the_rate_in_order(self):
        t, got = FakeTime(), []
        pacer = Pacer(got.append, 66000, clock=t.clock, sleep=t.sleep)
        data = bytes(range(256)) * 258
        pacer.feed(data)
        self.assertEqual(b"".join(got), data)
        self.assertTrue(all(len(c) <= 132 for c in got))
        self.assertAlmostEqual(t.now - 100.0, len(data) / 66000, delta=0.003)

    def test_a_late_wake_up_is_caught_up_not_added(self):
        t = FakeTime(overshoot=0.001)
        pacer = Pacer(lambda c: None, 66000, clock=t.clock, sleep=t.sleep)
        pacer.feed(bytes(66000))
        self.assertAlmostEqual(t.now - 100.0, 1.0, delta=0.01)

    def test_an_idle_link_starts_a_new_schedule(self):
        t = FakeTime()
        pacer = Pacer(lambda c: None, 1000, clock=t.clock, sleep=t.sleep)
        pacer.feed(bytes(10))
        t.now += 60.0                                  # a minute later: no credit saved up
        before = t.slept
        pacer.feed(bytes(10))
        self.assertAlmostEqual(t.slept - before, 0.01, delta=0.001)

    def test_without_a_rate_input_goes_straight_through(self):
        t, got = FakeTime(), []
        Pacer(got.append, 0, clock=t.clock, sleep=t.sleep).feed(b"x" * 10000)
        self.assertEqual((got, t.slept), ([b"x" * 10000], 0.0))


class FlagsTest(unittest.TestCase):
    def test_off_unless_asked(self):
        m = cost_model(parse_args([]))
        self.assertEqual((m.serial_bytes_per_s, m.exec_delay_s, m.paste_window_s), (0, 0.0, 0.0))

    def test_cost_model_takes_the_measured_defaults_and_each_flag_overrides_one(self):
        m = cost_model(parse_args(["--cost-model"]))
        self.assertEqual((m.serial_bytes_per_s, m.exec_delay_s, m.paste_window_s), (66000, 0.012, 0.014))
        m = cost_model(parse_args(["--exec-delay-ms", "0"]))
        self.assertEqual((m.serial_bytes_per_s, m.exec_delay_s, m.paste_window_s), (66000, 0.0, 0.014))

    def test_a_negative_figure_is_a_usage_error(self):
        with self.assertRaises(SystemExit), open(os.devnull, "w") as null:
            stderr, sys.stderr = sys.stderr, null
            try:
                parse_args(["--serial-bytes-per-s", "-5"])
            finally:
                sys.stderr = stderr

    def test_describes_itself(self):
        self.assertEqual(CostModel(66000, 12, 14).describe(),
                         "66000 bytes/s, exec delay 12 ms, raw-paste window round trip 14 ms")


class CostOnTheWireTest(PeerTestMixin, unittest.TestCase):
    def test_each_exec_waits_the_exec_delay(self):
        p = self.raw_pico("--exec-delay-ms", "300", "--serial-bytes-per-s", "0", "--paste-window-ms", "0")
        started = time.monotonic()
        self.assertEqual(p.exec_raw("print(1)"), (b"1\r\n", b""))
        self.assertGreaterEqual(time.monotonic() - started, 0.3)

    def test_raw_paste_credits_come_a_round_trip_late_and_before_the_acknowledgement(self):
        p = self.raw_pico("--paste-window-ms", "100", "--serial-bytes-per-s", "0", "--exec-delay-ms", "0")
        code = ("x = '%s'\nprint(len(x))\n" % ("a" * 1000)).encode()
        started = time.monotonic()
        p.write(b"\x05A\x01")
        self.assertEqual(p.read_exact(5), b"R\x01\x80\x00\x01")
        window, sent = 256, 0
        while sent < len(code):
            while window == 0:
                self.assertEqual(p.read_exact(1), b"\x01")
                window += 128
            n = min(window, len(code) - sent)
            p.write(code[sent:sent + n])
            sent, window = sent + n, window - n
        p.write(b"\x04")
        ack = p.read_until(b"\x04")
        self.assertEqual(ack.strip(b"\x01"), b"\x04")
        self.assertEqual(p.read_until(b"\x04"), b"1000\r\n\x04")
        # 1017 bytes: 2 windows free at once, 6 more credits, each a 100 ms round trip with 2 windows in flight
        self.assertGreaterEqual(time.monotonic() - started, 0.3)


if __name__ == "__main__":
    unittest.main()
