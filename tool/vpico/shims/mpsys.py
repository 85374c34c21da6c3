"""sys / usys as on rp2 MicroPython v1.27 (built per soft-reboot session)."""
import types as _types

from ..constants import MACHINE
from .attrtuple import attrtuple

# _mpy: .mpy version 6.3 with native arch ARMV6M (4) -> 0x1306
IMPLEMENTATION = attrtuple("name version _machine _mpy _build")(
    "micropython", (1, 27, 0, ""), MACHINE, 0x1306, "RPI_PICO_W")


def make_sys(session):
    board = session.board
    m = _types.ModuleType("sys")

    def exit(code=None):
        raise SystemExit(code) if code is not None else SystemExit

    def print_exception(exc, file=None):
        (file or board.stdout).write(session.format_exception(exc))

    m.__dict__.update(
        argv=[], byteorder="little", implementation=IMPLEMENTATION, platform="rp2",
        version="3.4.0; MicroPython v1.27.0 on 2025-12-10", version_info=(3, 4, 0),
        maxsize=2147483647, modules=session.modules, path=["", ".frozen", "/lib"],
        stdin=board.stdin, stdout=board.stdout, stderr=board.stdout, ps1=">>> ", ps2="... ",
        exit=exit, print_exception=print_exception, atexit=lambda func: None,
    )
    return m


def make_io(session):
    import io as _io
    m = _types.ModuleType("io")
    m.__dict__.update(open=session.board.fs.open, BytesIO=_io.BytesIO, StringIO=_io.StringIO,
                      IOBase=_io.IOBase)
    return m


def make_builtins(session):
    """builtins: the sandbox's own builtins (open, __import__, print are the board's)."""
    m = _types.ModuleType("builtins")
    m.__dict__.update({k: v for k, v in session.builtins.items() if not k.startswith("__") or
                       k in ("__import__", "__build_class__")})
    return m
