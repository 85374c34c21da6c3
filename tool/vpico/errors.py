"""MicroPython-style exceptions and tracebacks (py/obj.c mp_obj_print_exception, py/objexcept.c).

CPython raises the same Python-level exceptions but words some messages differently and has more
exception classes; both are mapped here so that device output looks like a real board's:
- class names: OSError subclasses print as OSError, ModuleNotFoundError as ImportError, RecursionError
  as RuntimeError;
- `Type: ` with a trailing space when there are no args, str(arg) for one arg, repr(args) for more;
- OSError with a known errno prints "[Errno 2] ENOENT" (MicroPython's errno table, constants.py).
Only frames of device code (<stdin>, main.py, /lib/x.py ...) appear; simulator frames are hidden just
as C functions are invisible in a real MicroPython traceback.
"""
import re

from .constants import MP_ERRNO_NAMES

_OP_METHODS = {
    "+": "__add__", "-": "__sub__", "*": "__mul__", "/": "__truediv__", "//": "__floordiv__",
    "%": "__mod__", "**": "__pow__", "<<": "__lshift__", ">>": "__rshift__", "&": "__and__",
    "|": "__or__", "^": "__xor__", "@": "__matmul__", "+=": "__iadd__", "-=": "__isub__",
    "*=": "__imul__",
}

_MESSAGE_MAP = [
    (ZeroDivisionError, re.compile(r".*(division|modulo) by zero"), lambda m: "divide by zero"),
    (NameError, re.compile(r"name '(.*)' is not defined"), lambda m: "name '%s' isn't defined" % m.group(1)),
    (ImportError, re.compile(r"No module named '([^']*)'.*"), lambda m: "no module named '%s'" % m.group(1)),
    (ImportError, re.compile(r"cannot import name '([^']*)'.*"), lambda m: "can't import name %s" % m.group(1)),
    (ValueError, re.compile(r"invalid literal for int\(\) with base (\d+): (.*)"),
     lambda m: "invalid syntax for integer with base %s: %s" % (m.group(1), m.group(2))),
    (TypeError, re.compile(r"unsupported operand type\(s\) for ([^:]+): '(.*)' and '(.*)'"),
     lambda m: "unsupported types for %s: '%s', '%s'" % (_OP_METHODS.get(m.group(1), m.group(1)),
                                                         m.group(2), m.group(3))),
    (TypeError, re.compile(r'can only concatenate str \(not "(.*)"\) to str'),
     lambda m: "can't convert '%s' object to str implicitly" % m.group(1)),
    (RecursionError, re.compile(r"maximum recursion depth exceeded.*"),
     lambda m: "maximum recursion depth exceeded"),
]

# CPython SyntaxError messages that MicroPython reports from its compiler (with ", in <module>")
_COMPILE_PHASE = {
    "'return' outside function": "'return' outside function",
    "'break' outside loop": "'break' outside loop",
    "'continue' not properly in loop": "'continue' outside loop",
    "'yield' outside function": "'yield' outside function",
    "'await' outside function": "'await' outside function",
}


class MpOSError(OSError):
    """OSError as MicroPython builds it: OSError(errno) with e.errno == e.args[0]."""

    def __init__(self, *args):
        super().__init__(*args)
        if args and isinstance(args[0], int):
            self.errno = args[0]

    def __str__(self):
        return exception_message(self)


MpOSError.__name__ = MpOSError.__qualname__ = "OSError"


def type_name(exc):
    cls = type(exc)
    if isinstance(exc, OSError):
        return "OSError"
    if cls is ModuleNotFoundError:
        return "ImportError"
    if cls is RecursionError:
        return "RuntimeError"
    if cls in (UnicodeDecodeError, UnicodeEncodeError):
        return "UnicodeError"
    if cls is TabError:
        return "IndentationError"
    return cls.__name__


def exception_message(exc):
    """The text after "Type: " (may be empty)."""
    args = exc.args
    if isinstance(exc, OSError) and 0 < len(args) < 3 and isinstance(args[0], int) \
            and args[0] in MP_ERRNO_NAMES:
        text = "[Errno %d] %s" % (args[0], MP_ERRNO_NAMES[args[0]])
        if len(args) == 2:
            text += ": %s" % (args[1],)
        return text
    if not args:
        return ""
    if len(args) == 1:
        text = str(args[0])
        for cls, rx, repl in _MESSAGE_MAP:
            if isinstance(exc, cls):
                m = rx.fullmatch(text)
                if m:
                    return repl(m)
        return text
    return repr(tuple(args))


def syntax_error_parts(exc, filename, lineno):
    """(location line, "Type: message") for a compile error, MicroPython wording."""
    msg = exc.msg or "invalid syntax"
    if msg in _COMPILE_PHASE:
        return ("  File \"%s\", line %d, in <module>\n" % (filename, lineno),
                "SyntaxError: %s" % _COMPILE_PHASE[msg])
    if isinstance(exc, IndentationError) and msg.startswith("unexpected indent"):
        text = "IndentationError: unexpected indent"
    elif isinstance(exc, IndentationError) and msg.startswith("unindent does not match"):
        text = "IndentationError: unindent doesn't match any outer indent level"
    else:
        text = "SyntaxError: invalid syntax"
    return "  File \"%s\", line %d\n" % (filename, lineno), text


def mark_compile_error(exc, filename, line_offset=0):
    """Remember where device code failed to compile (the interpreter calls this)."""
    exc._vpico_where = (filename, (exc.lineno or 1) + line_offset)
    return exc


def device_frames(exc, is_device_file):
    frames = []
    tb = exc.__traceback__
    while tb is not None:
        code = tb.tb_frame.f_code
        if is_device_file(code.co_filename):
            frames.append((code.co_filename, tb.tb_lineno, code.co_name))
        tb = tb.tb_next
    return frames


def format_exception(exc, is_device_file):
    """Full MicroPython traceback text with "\\n" line ends (the serial layer cooks them)."""
    out = []
    frames = device_frames(exc, is_device_file)
    where = getattr(exc, "_vpico_where", None) if isinstance(exc, SyntaxError) else None
    if frames or where:
        out.append("Traceback (most recent call last):\n")
    for fname, line, func in frames:
        out.append("  File \"%s\", line %d, in %s\n" % (fname, line, func))
    if where:
        loc, text = syntax_error_parts(exc, *where)
        out.append(loc)
        out.append(text + "\n")
    else:
        out.append("%s: %s\n" % (type_name(exc), exception_message(exc)))
    return "".join(out)


def to_mp_oserror(exc):
    """Turn a host OSError into MicroPython's OSError(errno) (no host paths, no strerror)."""
    if isinstance(exc, MpOSError):
        return exc
    if isinstance(exc, TimeoutError) and exc.errno is None:
        return MpOSError(110)
    return MpOSError(exc.errno if exc.errno is not None else 5)

