"""os / uos on the board: LittleFS-like view of --fs DIR (see sandbox.DeviceFS).

stat() returns MicroPython's plain 10-tuple (mode, 0, 0, 0, 0, 0, size, mtime, mtime, mtime) with
mode 0x4000 (dir) or 0x8000 (file); ilistdir() yields (name, type, 0, size) like rp2's vfs_lfs2.
"""
import os as _os
import stat as _stat

from . import _ctx
from .attrtuple import attrtuple
from .. import profile as _profile
from ..constants import EINVAL, ENOENT
from ..errors import MpOSError
from ..sandbox import FS_BLOCK_SIZE, host_call

__all__ = ["listdir", "ilistdir", "stat", "statvfs", "remove", "unlink", "rename", "mkdir", "rmdir",
           "chdir", "getcwd", "uname", "urandom", "sync", "dupterm", "mount", "umount", "sep",
           "VfsLfs2"]

S_IFDIR = 0x4000
S_IFREG = 0x8000
sep = "/"
_uname = attrtuple("sysname nodename release version machine")


def _fs():
    return _ctx.board.fs


def _host(path):
    return _fs().host(path)


def stat(path):
    # '' is the current directory: MicroPython's VFS hands it to LittleFS joined to its cwd, so os.stat('') at the
    # root is the root's stat (16384, ...). mpremote's `fs cp main.py :` stats ':' -> '' to see it is a directory.
    if path in ("", b""):
        path = "."
    st = host_call(_os.stat, _host(path))
    mode = S_IFDIR if _stat.S_ISDIR(st.st_mode) else S_IFREG
    size = 0 if mode == S_IFDIR else st.st_size
    mtime = int(st.st_mtime)
    return (mode, 0, 0, 0, 0, 0, size, mtime, mtime, mtime)


def ilistdir(path="."):
    host = _host(path)
    names = sorted(host_call(_os.listdir, host))
    out = []
    for name in names:
        try:
            st = _os.stat(_os.path.join(host, name))
        except OSError:
            continue
        if _stat.S_ISDIR(st.st_mode):
            out.append((name, S_IFDIR, 0, 0))
        else:
            out.append((name, S_IFREG, 0, st.st_size))
    return iter(out)


def listdir(path="."):
    return [entry[0] for entry in ilistdir(path)]


def remove(path):
    host = _host(path)
    if _os.path.isdir(host) and not _os.path.islink(host):
        host_call(_os.rmdir, host)        # LittleFS removes empty directories with remove() too
    else:
        host_call(_os.unlink, host)


unlink = remove


def rename(old, new):
    host_call(_os.rename, _host(old), _host(new))
    _ctx.board.after_rename()


def mkdir(path):
    host_call(_os.mkdir, _host(path))


def rmdir(path):
    host = _host(path)
    if not _os.path.isdir(host):
        raise MpOSError(ENOENT if not _os.path.exists(host) else 20)
    host_call(_os.rmdir, host)


def chdir(path):
    fs = _fs()
    dev = fs.devpath(path)
    if not _os.path.isdir(fs.host(dev)):
        raise MpOSError(ENOENT)
    fs.cwd = dev


def getcwd():
    return _fs().cwd


def statvfs(path="/"):
    _host(path)
    blocks = _fs().blocks
    free = blocks - _fs().used_blocks()
    return (FS_BLOCK_SIZE, FS_BLOCK_SIZE, blocks, free, free, 0, 0, 0, 0, 255)


def uname():
    return _uname(*_profile.current().uname())


def urandom(n):
    return _os.urandom(n)


def sync():
    return None


def dupterm(stream_object=None, index=0):
    return None


def mount(fsobj, mount_point, *, readonly=False):
    raise MpOSError(1)        # EPERM: '/' is already mounted; the simulator has one fixed VFS


def umount(mount_point):
    raise MpOSError(EINVAL)


class VfsLfs2:
    def __init__(self, *args, **kwargs):
        raise MpOSError(19)   # ENODEV: no block devices in the simulator


