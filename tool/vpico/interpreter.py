"""One soft-reboot lifetime of the MicroPython VM, played by CPython in a sandbox.

Device code gets its own __builtins__ whose open/__import__/print/input are the board's: open() and
the filesystem see only --fs DIR (sandbox.DeviceFS), imports resolve in MicroPython's order
(built-in modules -> shims, then '' and '/lib' on the device filesystem, then the real CPython stdlib
for everything else, minus modules that would reach the host: subprocess, shutil, pathlib, ...).
This keeps device *paths* on the device; it is not a security boundary against hostile code.
"""
import builtins
import importlib
import importlib.util
import os
import posixpath
import sys
import sysconfig
import types

from . import shims
from .constants import EOT, PYEXEC_FORCED_EXIT
from .errors import format_exception, mark_compile_error
from .pastecheck import check_source
from .stdio import read_line_echo

_BLOCKED = {"subprocess", "shutil", "pathlib", "glob", "tempfile", "pty", "tty", "ctypes",
            "multiprocessing", "importlib", "runpy", "posix", "_posixsubprocess", "signal", "fcntl",
            "termios", "resource", "pwd", "grp", "shelve", "dbm", "sqlite3", "fileinput", "zipimport",
            "pkgutil", "site", "sysconfig", "webbrowser", "vpico"}
_STDLIB = os.path.realpath(sysconfig.get_paths()["stdlib"])
_allowed_cache = {}
HELP_TEXT = """Welcome to MicroPython!

For online help please visit https://micropython.org/help/.

For access to the hardware use the 'machine' module.  RP2 specific commands
are in the 'rp2' module.

Quick overview of some objects:
  machine.Pin(pin) -- get a pin, eg machine.Pin(0)
  machine.Pin(pin, m, [p]) -- get a pin and configure it for IO mode m, pull mode p
  machine.ADC(pin) -- make an analog object from a pin
  machine.ADC(4) -- the internal temperature sensor

Control commands:
  CTRL-A        -- on a blank line, enter raw REPL mode
  CTRL-B        -- on a blank line, enter normal REPL mode
  CTRL-C        -- interrupt a running program
  CTRL-D        -- on a blank line, do a soft reset of the board
  CTRL-E        -- on a blank line, enter paste mode

For further help on a specific object, type help(obj)
For a list of available modules, type help('modules')
"""


def stdlib_allowed(name):
    top = name.split(".")[0]
    if top in _allowed_cache:
        return _allowed_cache[top]
    ok = False
    if top not in _BLOCKED:
        if top in sys.builtin_module_names:
            ok = True
        else:
            spec = importlib.util.find_spec(top)
            origin = (spec.origin or "") if spec else ""
            if origin in ("built-in", "frozen"):
                ok = True
            elif origin:
                origin = os.path.realpath(origin)
                ok = origin.startswith(_STDLIB + os.sep) and "site-packages" not in origin
    _allowed_cache[top] = ok
    return ok


class Session:
    def __init__(self, board):
        self.board = board
        self.modules = {}                      # the device's sys.modules
        self.device_files = {"<stdin>"}
        self._shim_ids = set()
        self.builtins = self._make_builtins()
        self.globals = {"__name__": "__main__", "__builtins__": self.builtins}

    # -- builtins -------------------------------------------------------------------------------
    def _make_builtins(self):
        b = dict(builtins.__dict__)
        for name in ("exit", "quit", "copyright", "credits", "license", "breakpoint"):
            b.pop(name, None)
        b.update(open=self.board.fs.open, __import__=self._import, print=self._print,
                 input=self._input, help=self._help)
        return b

    def _print(self, *args, sep=" ", end="\n", file=None, flush=False):
        builtins.print(*args, sep=sep, end=end, file=self.board.stdout if file is None else file)

    def _input(self, prompt=""):
        self.board.stdout.write(str(prompt))
        return read_line_echo(self.board.hub.input, self.board.hub)

    def _help(self, obj=None):
        if obj is None:
            self.board.stdout.write(HELP_TEXT)
        else:
            self.board.stdout.write("object %r is of type %s\n" % (obj, type(obj).__name__))
            for name in sorted(n for n in dir(obj) if not n.startswith("__")):
                self.board.stdout.write("  %s -- %r\n" % (name, getattr(obj, name, None)))

    # -- imports ----------------------------------------------------------------------------------
    def _import(self, name, globals=None, locals=None, fromlist=(), level=0):
        if level > 0:
            g = globals or {}
            pkg = g.get("__package__") or ""
            if not pkg:
                pkg = g.get("__name__", "") if "__path__" in g else g.get("__name__", "").rpartition(".")[0]
            for _ in range(level - 1):
                pkg = pkg.rpartition(".")[0]
            if not pkg:
                raise ImportError("can't perform relative import")
            fullname = pkg + ("." + name if name else "")
        else:
            fullname = name
        parts = fullname.split(".")
        top = mod = None
        for i in range(len(parts)):
            mod = self._load(".".join(parts[: i + 1]), mod)
            if top is None:
                top = mod
        if fromlist:
            if id(mod) in self._shim_ids:
                # names must exist on the shim itself: CPython would otherwise fall back to the host's
                # sys.modules (e.g. "from os import path" would find the real os.path)
                for item in fromlist:
                    if item != "*" and not hasattr(mod, item):
                        raise ImportError("can't import name %s" % item)
            elif getattr(mod, "__path__", None) is not None and self._is_fs_module(mod):
                for item in fromlist:
                    if item != "*" and not hasattr(mod, item):
                        try:
                            self._load(fullname + "." + item, mod)
                        except ImportError:
                            pass
            return mod
        return top if level == 0 else mod

    def _is_fs_module(self, mod):
        return getattr(mod, "__file__", None) in self.device_files

    def _load(self, fullname, parent):
        canon = fullname if parent is not None else shims._ALIASES.get(fullname, fullname)
        if canon in self.modules:
            return self.modules[canon]
        if parent is None and shims.is_shim(canon):
            mod = self.modules[canon] = shims.build(canon, self)
            self._shim_ids.add(id(mod))
            return mod
        if parent is not None and id(parent) in self._shim_ids:
            raise ImportError("no module named '%s'" % fullname)     # built-ins have no submodules
        if parent is None or self._is_fs_module(parent):
            dirs = ["", "/lib"] if parent is None else parent.__path__
            found = self._find_fs(fullname.rpartition(".")[2], dirs)
            if found:
                return self._exec_fs_module(fullname, parent, *found)
        real = shims.stdlib_alias(fullname) or fullname
        if stdlib_allowed(real):
            try:
                mod = importlib.import_module(real)
            except ImportError:
                pass
            else:
                self.modules[canon] = mod
                return mod
        raise ImportError("no module named '%s'" % fullname)

    def _find_fs(self, name, dirs):
        fs = self.board.fs
        for d in dirs:
            display = posixpath.join(d, name) if d else name
            if fs.exists_dir(display):
                init = posixpath.join(display, "__init__.py")
                return display, init if fs.exists_file(init) else None, True
            if fs.exists_file(display + ".py"):
                return display + ".py", display + ".py", False
        return None

    def _exec_fs_module(self, fullname, parent, display, source_path, is_pkg):
        src = ""
        if source_path:
            with open(self.board.fs.host(source_path), "rb") as f:
                src = f.read().decode("utf-8", "replace")
        filename = source_path or display
        code = self.compile(src, filename)
        mod = types.ModuleType(fullname)
        mod.__file__ = filename
        mod.__dict__["__builtins__"] = self.builtins
        if is_pkg:
            mod.__path__ = [display]
        self.modules[fullname] = mod
        try:
            exec(code, mod.__dict__)
        except BaseException:
            self.modules.pop(fullname, None)
            raise
        if parent is not None:
            setattr(parent, fullname.rpartition(".")[2], mod)
        return mod

    # -- running code ---------------------------------------------------------------------------
    def compile(self, src, filename="<stdin>", mode="exec"):
        self.device_files.add(filename)
        try:
            return compile(src, filename, mode, dont_inherit=True)
        except SyntaxError as e:
            if not (e.msg or "").startswith("unterminated") and check_source(src) == "incomplete":
                # MicroPython's parser fails at the EOF token, on the line after the last one
                e.lineno = src.count("\n") + (0 if src.endswith("\n") else 1) + 1
            raise mark_compile_error(e, filename) from None
        except ValueError:               # source with NUL bytes
            raise mark_compile_error(SyntaxError("invalid syntax"), filename) from None

    def format_exception(self, exc):
        return format_exception(exc, self.device_files.__contains__)

    def execute(self, source, filename="<stdin>", mode="exec", print_eof=False, code=None,
                on_error=None):
        """parse_compile_execute() of pyexec.c: 1 = ok, 0 = exception, PYEXEC_FORCED_EXIT."""
        board = self.board
        ret = 0
        try:
            if code is None:
                code = self.compile(source, filename, mode)
            board.run_user(exec, code, self.globals)
            ret = 1
            if print_eof:
                board.hub.write(EOT)
        except board.HardReset:
            raise
        except BaseException as e:
            if on_error:
                on_error()
            if print_eof:
                board.hub.write(EOT)
            if isinstance(e, SystemExit):
                ret = PYEXEC_FORCED_EXIT
            else:
                board.stdout.write(self.format_exception(e))
        if print_eof:
            board.hub.write(EOT)
        return ret

    def exec_file_if_exists(self, name):
        """pyexec_file_if_exists("boot.py"/"main.py"): 1 when the file is missing."""
        fs = self.board.fs
        if not fs.exists_file("/" + name):
            return 1
        with open(fs.host("/" + name), "rb") as f:
            src = f.read().decode("utf-8", "replace")
        return self.execute(src, filename=name)
