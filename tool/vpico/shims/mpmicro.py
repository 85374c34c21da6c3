"""micropython module: const, opt_level, kbd_intr, mem_info and friends."""

from . import _ctx

__all__ = ["const", "opt_level", "kbd_intr", "mem_info", "qstr_info", "stack_use", "heap_lock",
           "heap_unlock", "heap_locked", "alloc_emergency_exception_buf", "schedule", "native",
           "viper", "asm_thumb"]

_opt = [0]
HEAP_TOTAL = 192064          # roughly what a Pico W with Wi-Fi reports as GC total


def const(x):
    return x


def opt_level(level=None):
    if level is None:
        return _opt[0]
    _opt[0] = int(level)


def kbd_intr(chr):
    """Set the interrupt char (-1 disables Ctrl-C for the running program, as on the board)."""
    _ctx.board.set_kbd_char(int(chr))


def mem_info(verbose=None):
    used = _ctx.board.mem_alloc()
    out = _ctx.board.stdout
    out.write("stack: 700 out of 7936\n")
    out.write("GC: total: %d, used: %d, free: %d, max new split: 0\n" % (HEAP_TOTAL, used, HEAP_TOTAL - used))
    out.write(" No. of 1-blocks: 0, 2-blocks: 0, max blk sz: 0, max free sz: %d\n" % ((HEAP_TOTAL - used) // 16))


def qstr_info(verbose=None):
    _ctx.board.stdout.write("qstr pool: n_pool=1, n_qstr=0, n_str_data_bytes=0, n_total_bytes=0\n")


def stack_use():
    return 700


def heap_lock():
    return 0


def heap_unlock():
    return 0


def heap_locked():
    return 0


def alloc_emergency_exception_buf(size):
    return None


def schedule(func, arg):
    # the real scheduler runs it "soon" between bytecodes of the main thread; running it now is
    # the closest thing without a VM hook
    func(arg)


def native(f):
    return f


viper = native
asm_thumb = native
