"""Early SyntaxError detection while raw-paste data streams in.

A real board compiles raw-paste input as it arrives; on a syntax error it sends "\\x04" before the host
has finished and then discards input up to the host's "\\x04" (pyexec.c mp_reader_stdin_close). To do
the same with CPython we re-check, after every complete line, the source from the last top-level
statement boundary that is known to compile. PyCF_ALLOW_INCOMPLETE_INPUT (the flag codeop uses) tells
"needs more input" apart from "can never compile", so valid programs cut at a line end never trip.
"""
import codeop
import re

_FLAGS = getattr(codeop, "PyCF_ALLOW_INCOMPLETE_INPUT", 0)
_DONT_IMPLY_DEDENT = getattr(codeop, "PyCF_DONT_IMPLY_DEDENT", 0x200)
_CONTINUATION = re.compile(rb"(else|elif|except|finally)\b")


def check_source(src):
    """'ok', 'incomplete' or the SyntaxError."""
    try:
        compile(src, "<stdin>", "exec", _FLAGS | _DONT_IMPLY_DEDENT, dont_inherit=True)
        return "ok"
    except SyntaxError as e:
        if e.msg == "incomplete input":
            return "incomplete"
        return e
    except ValueError:
        return "incomplete"


class SyntaxWatch:
    enabled = bool(_FLAGS)

    def __init__(self):
        self.safe = 0          # offset of a top-level statement start; everything before compiles
        self.safe_line = 0     # number of lines before self.safe
        self.scanned = 0       # offset up to which complete lines were examined

    def feed(self, buf):
        """Return a SyntaxError (line numbers for the whole input) once one is certain, else None."""
        if not self.enabled:
            return None
        end = buf.rfind(b"\n") + 1
        if end <= self.scanned:
            return None
        # the last new line that starts a fresh top-level statement
        boundary = None
        pos = self.scanned
        while pos < end:
            nl = buf.find(b"\n", pos, end)
            if pos > self.safe:
                first = buf[pos:pos + 1]
                if first not in (b" ", b"\t", b"#", b"\r", b"\n") and not _CONTINUATION.match(buf, pos):
                    boundary = pos
            pos = nl + 1
        self.scanned = end
        if boundary is not None:
            head = bytes(buf[self.safe:boundary]).decode("utf-8", "replace")
            if check_source(head) == "ok":
                self.safe_line += head.count("\n")
                self.safe = boundary
        result = check_source(bytes(buf[self.safe:end]).decode("utf-8", "replace"))
        if isinstance(result, SyntaxError):
            result.lineno = (result.lineno or 1) + self.safe_line
            return result
        return None
