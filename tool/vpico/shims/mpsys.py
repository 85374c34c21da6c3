"""sys / usys as on rp2 MicroPython v1.27 (built per soft-reboot session)."""
import types as _types

from .attrtuple import attrtuple


def implementation(p):
    """sys.implementation of the board and release played (see vpico/profile.py)."""
    names, values = p.implementation()
    return attrtuple(" ".join(names))(*values)



def make_sys(session):
    board = session.board
    p = board.config.profile
    m = _types.ModuleType("sys")

    def exit(code=None):
        raise SystemExit(code) if code is not None else SystemExit

    def print_exception(exc, file=None):
        (file or board.stdout).write(session.format_exception(exc))

    m.__dict__.update(
        argv=[], byteorder="little", implementation=implementation(p), platform="rp2",
        version="3.4.0; " + p.version_line, version_info=(3, 4, 0),
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
