"""The board's filesystem: device paths ('/main.py', 'lib/x.py', '../..') mapped into --fs DIR only.

Device path rules follow MicroPython's VFS: cwd starts at '/', relative paths join the cwd, '..' stops
at the root (so '../../etc/passwd' is '/etc/passwd' on the device, i.e. DIR/etc/passwd on the host).
Symlinks inside DIR that point outside are refused (ENOENT). Host errors become OSError(errno) with
MicroPython's numbers and no host path in the message.
"""
import io
import os
import posixpath
import weakref

from .constants import EINVAL, ENOENT
from .errors import MpOSError, to_mp_oserror

FS_BLOCK_SIZE = 4096
FS_BLOCKS = 212                  # 848 KiB LittleFS, as on a Pico W with MicroPython (the default board)
LFS_INLINE_MAX = 512             # small files live inside their directory's metadata pair
_ALLOWED_MODE_CHARS = set("rwab+t")


class DeviceFS:
    def __init__(self, root, blocks=FS_BLOCKS):
        os.makedirs(root, exist_ok=True)
        self.blocks = blocks
        self.root = os.path.realpath(root)
        self.cwd = "/"
        self._open_files = weakref.WeakSet()

    # -- paths ----------------------------------------------------------------------------------
    def devpath(self, path):
        if isinstance(path, (bytes, bytearray)):
            path = bytes(path).decode("utf-8", "surrogateescape")
        if not isinstance(path, str):
            raise TypeError("can't convert '%s' object to str implicitly" % type(path).__name__)
        if "\0" in path:
            raise MpOSError(EINVAL)
        if path == "":
            raise MpOSError(ENOENT)
        full = posixpath.normpath(posixpath.join(self.cwd, path))
        return "/" + full.lstrip("/")

    def host(self, path):
        """Host path for a device path; never outside self.root."""
        dev = self.devpath(path)
        host = os.path.join(self.root, dev.lstrip("/")) if dev != "/" else self.root
        real = os.path.realpath(host)
        if real != self.root and not real.startswith(self.root + os.sep):
            raise MpOSError(ENOENT)
        return host

    def exists_file(self, devpath):
        try:
            return os.path.isfile(self.host(devpath))
        except OSError:
            return False

    def exists_dir(self, devpath):
        try:
            return os.path.isdir(self.host(devpath))
        except OSError:
            return False

    # -- files ----------------------------------------------------------------------------------
    def open(self, file, mode="r", buffering=-1, encoding=None, errors=None, newline=None,
             closefd=True, opener=None):
        if isinstance(file, int):
            raise MpOSError(EINVAL)          # no raw fds on the device
        if not isinstance(mode, str) or not set(mode) <= _ALLOWED_MODE_CHARS or not mode:
            raise ValueError("invalid mode")
        host = self.host(file)
        try:
            if "b" in mode:
                f = io.open(host, mode, buffering)
            else:
                # MicroPython text files do no newline translation
                f = io.open(host, mode, buffering, encoding="utf-8", errors="replace", newline="")
        except OSError as e:
            raise to_mp_oserror(e) from None
        self._open_files.add(f)
        return f

    def close_all(self):
        """Soft reset: finalisers close (and so commit) every file still open."""
        for f in list(self._open_files):
            try:
                f.close()
            except Exception:
                pass
        self._open_files = weakref.WeakSet()

    # -- LittleFS-like accounting -----------------------------------------------------------------
    def used_blocks(self):
        used = 2                                   # root directory metadata pair
        for dirpath, dirnames, filenames in os.walk(self.root):
            used += 2 * len(dirnames)              # every directory has a metadata pair
            for name in filenames:
                try:
                    size = os.path.getsize(os.path.join(dirpath, name))
                except OSError:
                    continue
                if size > LFS_INLINE_MAX:
                    used += (size + FS_BLOCK_SIZE - 1) // FS_BLOCK_SIZE
        return min(used, self.blocks)


def host_call(fn, *args):
    """Run a host os function, converting errors to MicroPython OSErrors."""
    try:
        return fn(*args)
    except OSError as e:
        raise to_mp_oserror(e) from None
