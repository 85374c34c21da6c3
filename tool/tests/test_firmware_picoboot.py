"""firmware/picoboot.py, the board side of picotool's all-or-nothing update, on CPython in a scratch folder.

A power cut is modelled by an os.rename/os.remove that raises a BaseException after N calls, which nothing in
picoboot can catch; then finish_update() runs as at the next boot. (The same code runs on real MicroPython in
the Java DeviceProtocolSuite, which sends picoboot.py to the webassembly REPL.)
"""
import contextlib
import importlib.util
import io
import json
import os
import shutil
import sys
import tempfile
import types
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import firmware_fixtures as fx  # noqa: E402

OLD = {'picoboot.py': 'old helper', 'main.py': 'old main', 'settings.py': 'old settings', 'keep.txt': 'user'}
NEW = {'picoboot.py': 'new helper', 'main.py': 'new main', 'settings.py': 'new settings', 'ca.der': 'new ca'}
ORDER = ['picoboot.py', 'main.py', 'settings.py', 'ca.der']


class PowerCut(BaseException):
    pass


def load():
    spec = importlib.util.spec_from_file_location('picoboot_under_test', os.path.join(fx.FIRMWARE, 'picoboot.py'))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


class PicobootTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix='picoboot-test-')
        self.addCleanup(shutil.rmtree, self.dir, True)
        cwd = os.getcwd()
        os.chdir(self.dir)
        self.addCleanup(os.chdir, cwd)
        self.pb = load()

    def files(self):
        out = {}
        for name in os.listdir('.'):
            if os.path.isfile(name):
                with open(name) as f:
                    out[name] = f.read()
        return out

    def put(self, files):
        for name, text in files.items():
            with open(name, 'w') as f:
                f.write(text)

    def stage_new(self):
        self.put(OLD)
        self.put({name + self.pb.STAGED: text for name, text in NEW.items()})
        return [[name + self.pb.STAGED, name] for name in ORDER]

    def cut_after(self, calls):
        """os.rename and os.remove in picoboot fail like a power cut once `calls` of them have run."""
        real_rename, real_remove, count = os.rename, os.remove, [0]

        def counted(fn):
            def call(*args):
                if count[0] == calls:
                    raise PowerCut()
                count[0] += 1
                return fn(*args)
            return call
        # MicroPython's os: ilistdir yields (name, type, inode) with 0x4000 for a directory
        fake = types.SimpleNamespace(
            stat=os.stat, rename=counted(real_rename), remove=counted(real_remove),
            ilistdir=lambda folder='.': [(n, 0x4000 if os.path.isdir(os.path.join(folder, n)) else 0x8000, 0)
                                         for n in os.listdir(folder)])
        self.pb.os = fake

    def test_commit_switches_every_file_and_leaves_nothing_behind(self):
        self.cut_after(-1)
        self.assertEqual(self.pb.commit(self.stage_new()), 4)
        self.assertEqual(self.files(), dict(NEW, **{'keep.txt': 'user'}))

    def test_a_cut_anywhere_in_the_switch_is_completed_at_the_next_boot(self):
        # renames: the journal's own (the commit point), then one per file; then the journal is removed
        for cut in range(0, 6):
            with self.subTest(cut=cut):
                for name in os.listdir('.'):
                    os.remove(name)
                pairs = self.stage_new()
                self.cut_after(cut)
                with self.assertRaises(PowerCut):
                    self.pb.commit(pairs)
                self.pb = load()
                self.cut_after(-1)
                with contextlib.redirect_stdout(io.StringIO()) as boot:
                    self.pb.finish_update()
                expected = OLD if cut == 0 else dict(NEW, **{'keep.txt': 'user'})
                self.assertEqual(self.files(), expected, 'cut after %d renames' % cut)
                if cut > 0:
                    self.assertIn('[picotool] completed an interrupted firmware update', boot.getvalue())

    def test_leftovers_without_a_journal_are_removed_and_nothing_else(self):
        self.cut_after(-1)
        self.put({'ca.pem' + self.pb.STAGED: 'x' * 1000, 'mine.tmp': 'user', 'main.py': 'old'})
        os.mkdir('folder' + self.pb.STAGED)
        self.assertEqual(self.pb.recover(['', 'no-such-folder']), (-1, 1))
        self.assertEqual(sorted(os.listdir('.')), ['folder' + self.pb.STAGED, 'main.py', 'mine.tmp'])

    def test_a_filesystem_that_will_not_rename_over_a_file_gets_remove_and_rename(self):
        real = os.rename

        def fat_rename(a, b):
            if os.path.exists(b):
                raise OSError(17, 'EEXIST')
            real(a, b)
        self.cut_after(-1)
        self.pb.os.rename = fat_rename
        self.assertEqual(self.pb.commit(self.stage_new()), 4)
        self.assertEqual(self.files()['main.py'], 'new main')

    def test_a_broken_journal_never_stops_the_firmware_from_starting(self):
        self.put({self.pb.JOURNAL: '{not json'})
        self.cut_after(-1)
        with contextlib.redirect_stdout(io.StringIO()) as boot:
            self.pb.finish_update()
        self.assertIn('[picotool] FAILED: the journal of an interrupted firmware update was unreadable and was '
                      'removed. Fix: flash the firmware again', boot.getvalue())
        self.assertFalse(os.path.exists(self.pb.JOURNAL))      # so the next flash is not stuck on it
        self.assertEqual(self.pb.recover(), (-1, 0))

    def test_a_failing_step_is_reported_and_the_firmware_still_starts(self):
        self.put({self.pb.JOURNAL: json.dumps([['a' + self.pb.STAGED, 'a']]), 'a' + self.pb.STAGED: 'new'})
        def full(a, b):
            raise OSError(28, 'ENOSPC')
        self.cut_after(-1)
        self.pb.os.rename = full
        with contextlib.redirect_stdout(io.StringIO()) as boot:
            self.pb.finish_update()
        self.assertIn('[picotool] FAILED: could not complete an interrupted firmware update (OSError: [Errno 28] '
                      'ENOSPC)', boot.getvalue())
        self.assertTrue(os.path.exists(self.pb.JOURNAL))       # kept: the next boot or flash tries again

    def test_ctrl_c_still_stops_the_board_during_the_boot_step(self):
        self.put({self.pb.JOURNAL: json.dumps([['a' + self.pb.STAGED, 'a']]), 'a' + self.pb.STAGED: 'new'})

        def interrupted(path):
            raise KeyboardInterrupt
        self.cut_after(-1)
        self.pb.os.stat = interrupted
        with self.assertRaises(KeyboardInterrupt):
            self.pb.finish_update()


if __name__ == '__main__':
    unittest.main()
