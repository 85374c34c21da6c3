"""Virtual Raspberry Pi Pico W running (a CPython imitation of) MicroPython v1.27 on a pty.

See tool/README.md. Entry point: tool/virtual-pico (vpico.cli.main).
"""
