"""The board's filesystem: mpremote-style file transfer, os module, sandbox, imports from flash."""
import hashlib
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from vpico.client import PeerTestMixin  # noqa: E402


def eval_raw(p, expr):
    out, err = p.exec_raw("print(repr(%s))" % expr)
    if err:
        raise AssertionError(err.decode())
    return eval(out.decode().strip())       # noqa: S307 - our own test data


class FileTransferTest(PeerTestMixin, unittest.TestCase):
    def test_write_chunks_and_sha256_like_mpremote(self):
        p = self.raw_pico()
        data = bytes(range(256)) * 12 + b"tail\r\n\x00\x04\x03"
        p.exec_raw("f=open('/blob.bin','wb')\nw=f.write")
        for i in range(0, len(data), 256):
            out, err = p.exec_raw("w(%r)" % data[i:i + 256])
            self.assertEqual(err, b"")
        p.exec_raw("f.close()")
        p.exec_raw("import hashlib\nh = hashlib.sha256()")
        out, err = p.exec_raw("buf = memoryview(bytearray(256))\nwith open('/blob.bin','rb') as f:\n"
                              " while True:\n  n = f.readinto(buf)\n  if not n: break\n  h.update(buf[:n])")
        self.assertEqual(err, b"")
        self.assertEqual(eval_raw(p, "h.digest()"), hashlib.sha256(data).digest())
        with open(os.path.join(p.fs, "blob.bin"), "rb") as f:
            self.assertEqual(f.read(), data)

    def test_os_functions(self):
        p = self.raw_pico(files={"main.py": "print(1)\n", "lib/helper.py": "X = 1\n"})
        self.assertEqual(sorted(eval_raw(p, "__import__('os').listdir('/')")), ["lib", "main.py"])
        p.exec_raw("import os")
        self.assertEqual(eval_raw(p, "list(os.ilistdir('/'))"), [("lib", 0x4000, 0, 0), ("main.py", 0x8000, 0, 9)])
        st = eval_raw(p, "tuple(os.stat('/main.py'))")
        self.assertEqual(len(st), 10)
        self.assertEqual(st[0], 0x8000)
        self.assertEqual(st[6], 9)
        self.assertEqual(eval_raw(p, "os.stat('/lib')[0]"), 0x4000)
        # '' is the current directory, the root here, as on LittleFS: mpremote's `fs cp main.py :` stats ':' -> ''
        self.assertEqual(eval_raw(p, "os.stat('')[0]"), 0x4000)
        self.assertEqual(eval_raw(p, "os.stat('/')[0]"), 0x4000)
        p.exec_raw("os.mkdir('/data')\nos.chdir('data')\nopen('x.txt','w').write('hi')")
        self.assertEqual(eval_raw(p, "os.getcwd()"), "/data")
        self.assertTrue(os.path.isfile(os.path.join(p.fs, "data", "x.txt")))
        p.exec_raw("os.rename('x.txt', '/y.txt')\nos.chdir('/')\nos.rmdir('data')")
        self.assertEqual(eval_raw(p, "open('/y.txt').read()"), "hi")
        _, err = p.exec_raw("os.mkdir('/lib')")
        self.assertTrue(err.endswith(b"OSError: [Errno 17] EEXIST\r\n"), err)
        _, err = p.exec_raw("os.remove('/nothing')")
        self.assertTrue(err.endswith(b"OSError: [Errno 2] ENOENT\r\n"), err)
        bsize, frsize, blocks, bfree, bavail = eval_raw(p, "os.statvfs('/')")[:5]
        self.assertEqual((bsize, frsize, blocks), (4096, 4096, 212))      # 848 KiB LittleFS
        p.exec_raw("open('/big.bin','wb').write(bytes(40000))")
        self.assertLessEqual(eval_raw(p, "os.statvfs('/')[3]"), bfree - 10)
        self.assertEqual(eval_raw(p, "os.uname().sysname"), "rp2")

    def test_unclosed_file_is_committed_by_soft_reset(self):
        p = self.raw_pico()
        p.exec_raw("f=open('/partial.py','wb')\nf.write(b'x = 1\\n' * 100)")
        p.write(b"\x04")
        p.read_until(b"raw REPL; CTRL-B to exit\r\n>")
        with open(os.path.join(p.fs, "partial.py"), "rb") as f:
            self.assertEqual(f.read(), b"x = 1\n" * 100)


class SandboxTest(PeerTestMixin, unittest.TestCase):
    def test_paths_cannot_escape(self):
        p = self.raw_pico()
        for path in ("../../etc/passwd", "/etc/passwd", "/../../../../etc/hostname"):
            _, err = p.exec_raw("open(%r).read()" % path)
            self.assertTrue(err.endswith(b"OSError: [Errno 2] ENOENT\r\n"), (path, err))
        p.exec_raw("open('../../escape.txt','w').write('inside')")
        self.assertTrue(os.path.isfile(os.path.join(p.fs, "escape.txt")))
        self.assertFalse(os.path.exists(os.path.join(os.path.dirname(p.fs), "escape.txt")))
        os.symlink("/etc", os.path.join(p.fs, "hostetc"))
        _, err = p.exec_raw("open('/hostetc/passwd').read()")
        self.assertTrue(err.endswith(b"OSError: [Errno 2] ENOENT\r\n"), err)
        self.assertEqual(p.exec_raw("import os\nprint(sorted(os.listdir('/')))")[0], b"['escape.txt', 'hostetc']\r\n")

    def test_host_modules_are_not_reachable(self):
        p = self.raw_pico()
        for mod in ("subprocess", "shutil", "pathlib", "vpico"):
            _, err = p.exec_raw("import %s" % mod)
            self.assertTrue(err.endswith(b"ImportError: no module named '%s'\r\n" % mod.encode()), err)
        _, err = p.exec_raw("import os\nos.system('true')")
        self.assertIn(b"AttributeError", err)
        # no back doors to the host's os/open through import fallbacks or builtins
        _, err = p.exec_raw("from os import path")
        self.assertTrue(err.endswith(b"ImportError: can't import name path\r\n"), err)
        _, err = p.exec_raw("import os.path")
        self.assertTrue(err.endswith(b"ImportError: no module named 'os.path'\r\n"), err)
        self.assertEqual(p.exec_raw("import builtins\nprint(builtins.open is open)")[0], b"True\r\n")
        out, err = p.exec_raw("import json, binascii, struct, ubinascii\nprint(json.dumps([1]), ubinascii.hexlify(b'A'))")
        self.assertEqual((out, err), (b"[1] b'41'\r\n", b""))


class FlashImportTest(PeerTestMixin, unittest.TestCase):
    def test_modules_from_root_and_lib_with_tracebacks(self):
        p = self.raw_pico(files={
            "sensor.py": "def read():\n    return helper.scale(2)\nimport helper\n",
            "lib/helper.py": "def scale(x):\n    return x * FACTOR\n",
            "pkg/__init__.py": "NAME = 'pkg'\n",
            "pkg/sub.py": "from . import NAME\nVALUE = NAME + '.sub'\n",
        })
        out, err = p.exec_raw("import sensor\nsensor.read()")
        self.assertEqual(err, b'Traceback (most recent call last):\r\n  File "<stdin>", line 2, in <module>\r\n'
                              b'  File "sensor.py", line 2, in read\r\n  File "/lib/helper.py", line 2, in scale\r\n'
                              b"NameError: name 'FACTOR' isn't defined\r\n")
        self.assertEqual(p.exec_raw("from pkg import sub\nprint(sub.VALUE)"), (b"pkg.sub\r\n", b""))
        p.exec_raw("import sys\nprint(sorted(k for k in sys.modules))")
        with open(os.path.join(p.fs, "bad.py"), "w") as f:
            f.write("x = 1\ny = (\n")
        _, err = p.exec_raw("import bad")
        self.assertEqual(err, b'Traceback (most recent call last):\r\n  File "<stdin>", line 1, in <module>\r\n'
                              b'  File "bad.py", line 3\r\nSyntaxError: invalid syntax\r\n')

    def test_soft_reset_forgets_flash_modules(self):
        p = self.raw_pico(files={"mod.py": "V = 1\n"})
        self.assertEqual(p.exec_raw("import mod\nprint(mod.V)")[0], b"1\r\n")
        with open(os.path.join(p.fs, "mod.py"), "w") as f:
            f.write("V = 2\n")
        self.assertEqual(p.exec_raw("import mod\nprint(mod.V)")[0], b"1\r\n")    # cached in sys.modules
        p.write(b"\x04")
        p.read_until(b"raw REPL; CTRL-B to exit\r\n>")
        self.assertEqual(p.exec_raw("import mod\nprint(mod.V)")[0], b"2\r\n")


if __name__ == "__main__":
    unittest.main()
