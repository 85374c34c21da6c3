"""tool/mpy/check-server.mjs: the real MicroPython v1.27 compiler (webassembly) as a JSON-lines referee.

Needs node and `npm ci --prefix tool`; without them these tests fail (they do not skip).
"""
import ast
import binascii
import json
import os
import select
import shutil
import subprocess
import time
import unittest

TOOL = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SERVER = os.path.join(TOOL, "mpy", "check-server.mjs")
MP_PACKAGE = os.path.join(TOOL, "node_modules", "@micropython", "micropython-webassembly-pyscript")
TIMEOUT_S = 15


def require_node_modules():
    if shutil.which("node") is None:
        raise AssertionError("node is not installed: install Node.js 20, then run `npm ci --prefix tool`")
    if not os.path.isdir(MP_PACKAGE):
        raise AssertionError("%s is missing: run `npm ci --prefix tool`" % MP_PACKAGE)


class Server:
    def __init__(self):
        self.proc = subprocess.Popen(["node", SERVER], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE)
        self.buf = b""
        self.next_id = 0

    def line(self, timeout=TIMEOUT_S):
        deadline = time.monotonic() + timeout
        fd = self.proc.stdout.fileno()
        while b"\n" not in self.buf:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise AssertionError("no answer from check-server within %ss (got %r)" % (timeout, self.buf))
            chunk = os.read(fd, 65536)
            if not chunk:
                raise AssertionError("check-server exited: %r" % self.proc.stderr.read())
            self.buf += chunk
        line, self.buf = self.buf.split(b"\n", 1)
        line.decode("ascii")        # the protocol promises pure ASCII lines
        return json.loads(line)

    def send_raw(self, text):
        self.proc.stdin.write(text.encode("utf-8") + b"\n")
        self.proc.stdin.flush()

    def request(self, **req):
        self.next_id += 1
        req["id"] = self.next_id
        self.send_raw(json.dumps(req))
        answer = self.line()
        assert answer["id"] == self.next_id, answer
        return answer

    def close(self):
        self.proc.stdin.close()
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.proc.stdout.close()
        self.proc.stderr.close()


def decode(value):
    """A value from an exec answer as a Python value (str from its UTF-8 hex, exactly)."""
    t = value["type"]
    if t == "str":
        return binascii.unhexlify(value["utf8hex"]).decode("utf-8")
    if t == "int":
        return int(value["value"])
    if t == "float":
        return float(value["value"])
    if t == "bool":
        return value["value"]
    if t == "NoneType":
        return None
    return value


ADVERSARIAL = {
    # name: (source text of the literal, exact expected value); raw characters go into the source as is
    "NUL": ("'a\x00b'", "a\x00b"),
    "LINE_SEP": ("'x\u2028y\u2029z'", "x\u2028y\u2029z"),
    "EMOJI": ("'h\u00e9 \U0001f600 \u4e2d'", "h\u00e9 \U0001f600 \u4e2d"),
    "BACKSLASH": ("'\\\\'", "\\"),
    "RAW": ("r'C:\\dir\\n'", "C:\\dir\\n"),
    "TRIPLE_SINGLE": ("\"\"\"it's ''' in here\"\"\"", "it's ''' in here"),
    "TRIPLE_DOUBLE": ("'''say \"\"\"hi\"\"\"'''", 'say """hi"""'),
    "ESCAPES": ("'\\r\\n\\t\\x00\\u00e9\\U0001f600'", "\r\n\t\x00\u00e9\U0001f600"),
    "CRLF_INSIDE": ("'''a\r\nb'''", "a\nb"),
    "EMPTY": ("''", ""),
}


class CheckServerTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        require_node_modules()
        cls.server = Server()
        first = cls.server.line()
        if first != {"ready": True}:
            cls.server.close()
            raise AssertionError("first line should be {\"ready\":true}, got %r" % first)

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    def compile(self, source, name="main.py"):
        return self.server.request(op="compile", name=name, source=source)

    def test_compile_accepts_valid_firmware_syntax(self):
        src = ("import json\nT = 23.14159\nmsg = f'{T:.1f}'\nw = f\"{'x':>5}|{7:03d}|{T!r:>12}\"\n"
               "def f(a, *args, **kw):\n    return [i for i in range(a) if i % 2]\n")
        self.assertEqual(self.compile(src), {"id": self.server.next_id, "ok": True})

    def test_compile_rejects_match_which_cpython_accepts(self):
        src = "x = 1\ny = 2\nmatch x:\n    case 1:\n        pass\n"
        ast.parse(src)      # CPython 3.10+ is fine with it: only the real MicroPython can catch this
        answer = self.compile(src)
        self.assertEqual(answer["ok"], False)
        self.assertEqual(answer["error"], "SyntaxError: invalid syntax")
        self.assertEqual(answer["line"], 3)

    def test_compile_rejects_statement_level_walrus(self):
        answer = self.compile("a = 1\nb := 2\n")
        self.assertEqual((answer["ok"], answer["error"], answer["line"]), (False, "SyntaxError: invalid syntax", 2))

    def test_compile_reports_micropython_messages(self):
        answer = self.compile("x = 1\nreturn x\n")
        self.assertEqual((answer["ok"], answer["error"], answer["line"]),
                         (False, "SyntaxError: 'return' outside function", 2))
        answer = self.compile("s = '''never closed\n")
        self.assertEqual((answer["ok"], answer["error"]), (False, "SyntaxError: invalid syntax"))

    def test_exec_round_trips_adversarial_strings(self):
        src = "".join("%s = %s\n" % (name, lit) for name, (lit, _) in ADVERSARIAL.items())
        answer = self.server.request(op="exec", name="settings.py", source=src, names=list(ADVERSARIAL))
        self.assertTrue(answer["ok"], answer)
        for name, (_, expected) in ADVERSARIAL.items():
            with self.subTest(name=name):
                self.assertEqual(answer["values"][name]["type"], "str")
                self.assertEqual(decode(answer["values"][name]), expected)

    def test_exec_value_types(self):
        src = ("WIFI_SSID = 'Lab'\nMQTT_PORT = 1883\nBIG = 2 ** 100\nF = 2.5\nTLS = False\nUSER = None\n"
               "L = [1, 'a']\nprint('printed \u00e9')\n")
        names = ["WIFI_SSID", "MQTT_PORT", "BIG", "F", "TLS", "USER", "L", "NOT_DEFINED"]
        answer = self.server.request(op="exec", name="settings.py", source=src, names=names)
        v = answer["values"]
        self.assertEqual(v["WIFI_SSID"], {"type": "str", "utf8hex": "4c6162"})
        self.assertEqual(v["MQTT_PORT"], {"type": "int", "value": "1883"})
        self.assertEqual(v["BIG"], {"type": "int", "value": str(2 ** 100)})
        self.assertEqual(v["F"], {"type": "float", "value": "2.5"})
        self.assertEqual(v["TLS"], {"type": "bool", "value": False})
        self.assertEqual(v["USER"], {"type": "NoneType"})
        self.assertEqual(v["L"], {"type": "list", "repr": "[1, 'a']"})
        self.assertEqual(v["NOT_DEFINED"], {"type": "missing"})
        self.assertEqual(answer["stdout"], "printed \u00e9\n")

    def test_keeps_answering_after_errors_and_isolates_requests(self):
        answer = self.server.request(op="exec", source="X = 1\nimport builtins\nbuiltins.LEAK = 2\n1 / 0\n",
                                     names=["X"])
        self.assertEqual(answer, {"id": self.server.next_id, "ok": False,
                                  "error": "ZeroDivisionError: divide by zero", "line": 4})
        answer = self.server.request(op="exec", source="raise ValueError('two\\nlines')\n", names=[])
        self.assertEqual((answer["ok"], answer["error"]), (False, "ValueError: two\nlines"))
        self.assertFalse(self.compile("def (:\n")["ok"])
        self.server.send_raw("this is not json")
        self.assertEqual(self.server.line()["ok"], False)
        answer = self.server.request(op="exec", source="import sys\nsys.exit(3)\n", names=[])
        self.assertEqual((answer["ok"], answer["error"]), (False, "SystemExit: 3"))
        # nothing from the failed requests is visible to the next one
        src = "try:\n    LEAK\n    leak = True\nexcept NameError:\n    leak = False\nY = 5\n"
        answer = self.server.request(op="exec", source=src, names=["X", "Y", "leak"])
        self.assertEqual(answer["values"], {"X": {"type": "missing"}, "Y": {"type": "int", "value": "5"},
                                            "leak": {"type": "bool", "value": False}})

    def test_many_requests_in_a_row(self):
        src = "".join("V%d = 'value %d \u00e9'\n" % (i, i) for i in range(100))
        for i in range(50):
            self.assertTrue(self.compile(src)["ok"])


if __name__ == "__main__":
    unittest.main()
