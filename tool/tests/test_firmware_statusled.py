"""firmware/statusled.py under CPython with a fake machine: which pattern the LED shows for which state."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import firmware_fixtures as fx  # noqa: E402


class StatusLedTest(unittest.TestCase):
    def setUp(self):
        self.machine = fx.make_module('machine', fx.FAKE_MACHINE)
        self.machine.Timer.armed = []
        self.led = fx.load_firmware('statusled', {'machine': self.machine})
        self.pin = self.machine.pins[-1]

    def test_the_pico_w_led_is_the_wireless_chips_pin(self):
        self.assertEqual((self.pin.pin_id, self.pin.mode), ('LED', self.machine.Pin.OUT))

    def test_slow_blink_while_connecting_fast_after_an_error_on_when_connected(self):
        self.led.show('connecting')
        self.assertEqual(self.led._timer.period, 500)
        period, blink = self.machine.Timer.armed[-1]
        blink(self.led._timer)
        blink(self.led._timer)
        self.assertEqual(self.pin.values, [1, 0])  # the timer toggles the LED
        self.led.show('error')
        self.assertEqual(self.led._timer.period, 100)
        self.led.show('connected')
        self.assertIsNone(self.led._timer.period)  # no timer: steady on
        self.assertEqual(self.pin.values[-1], 1)

    def test_the_same_state_again_changes_nothing(self):
        self.led.show('connecting')
        self.led.show('connecting')
        self.assertEqual(len(self.machine.Timer.armed), 1)


if __name__ == '__main__':
    unittest.main()
