# statusled.py - the board's LED says how it is doing: slow blink while connecting, on when connected, fast blink
# after an error (until the next attempt). app.py imports this module only when settings.STATUS_LED is on.
#
# On the Pico W the LED hangs off the wireless chip (WL_GPIO0), so it is Pin('LED'), not Pin(25) as on the plain
# Pico (ports/rp2/boards/RPI_PICO_W/pins.csv). The blinking runs on a machine.Timer, never in the main loop, so it
# cannot delay a reading; on rp2 a Timer callback is scheduled between bytecodes, also while the firmware sleeps or
# waits for the network.
import machine

PERIOD_MS = {'connecting': 500, 'error': 100}
_pin = machine.Pin('LED', machine.Pin.OUT)
_timer = machine.Timer()
_state = [None, 0]  # what the LED shows, whether it is lit


def _blink(timer):
    _state[1] ^= 1
    _pin.value(_state[1])


def show(state):
    """'connecting', 'connected' or 'error'."""
    if state == _state[0]:
        return
    _state[0] = state
    _timer.deinit()
    if state == 'connected':
        _state[1] = 1
        _pin.value(1)
    else:
        _timer.init(period=PERIOD_MS[state], mode=machine.Timer.PERIODIC, callback=_blink)
