"""The firmware passes Debian's pyflakes3 without a single warning (unused imports, undefined names, shadowed
variables: mistakes CPython and MicroPython only report when the line runs, on a board far away).

Linted: every firmware/*.py and the rendered settings.py/main.py of the golden variants. tool/test installs
pyflakes3 (Debian package pyflakes3) when it is missing.
"""
import glob
import os
import shutil
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import firmware_fixtures as fx  # noqa: E402


class LintTest(unittest.TestCase):
    def test_pyflakes3_finds_nothing(self):
        exe = shutil.which('pyflakes3')
        if not exe:
            raise AssertionError('pyflakes3 is not installed: it lints the firmware. '
                                 'Install it with: apt-get install -y pyflakes3 (tool/test does this)')
        files = sorted(glob.glob(os.path.join(fx.FIRMWARE, '*.py')))
        files += sorted(glob.glob(os.path.join(fx.REPO, 'src', 'test', 'resources', 'golden', '*', '*.py')))
        self.assertIn(os.path.join(fx.FIRMWARE, 'app.py'), files)
        r = subprocess.run([exe] + files, capture_output=True, timeout=60)
        out = (r.stdout + r.stderr).decode('utf-8', 'replace')
        self.assertEqual((r.returncode, out), (0, ''), 'pyflakes3 warnings in the firmware:\n' + out)

    def test_pyflakes3_does_report(self):
        # Guard that the lint step can fail at all: an unused import must be reported.
        exe = shutil.which('pyflakes3')
        if not exe:
            self.skipTest('pyflakes3 missing; test_pyflakes3_finds_nothing reports it')
        r = subprocess.run([exe], input=b'import os\n', capture_output=True, timeout=60)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn(b"'os' imported but unused", r.stdout + r.stderr)


if __name__ == '__main__':
    unittest.main()
