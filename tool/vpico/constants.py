"""Protocol bytes, REPL strings and MicroPython's errno table.

Byte values and strings follow shared/runtime/pyexec.c of MicroPython v1.27 (blocking REPL, as on rp2);
see /work/shared/reference/serial-protocol.md sections 1-3.
"""

# --- control bytes -------------------------------------------------------------------------------
CTRL_A = 0x01   # friendly: enter raw REPL (empty line only); raw: re-print raw banner / raw-paste trigger
CTRL_B = 0x02   # friendly: re-print banner; raw: leave to friendly REPL
CTRL_C = 0x03   # interrupt char while code runs; otherwise clears the line
CTRL_D = 0x04   # friendly: soft reset (empty line); raw: end of input (empty buffer = soft reset)
CTRL_E = 0x05   # friendly: paste mode; raw: first byte of the raw-paste request "\x05A\x01"
BACKSPACE = 0x08
DELETE = 0x7F
ESC = 0x1B
CR = 0x0D
LF = 0x0A
BACKSPACE_ECHO = b"\b\x1b[K"    # readline: cursor left, erase to end of line
CSI_INTRO = (ord("["), ord("O"))  # second byte of an escape sequence (arrow keys etc.)

EOT = b"\x04"                      # framing byte after stdout and after stderr (EXEC_FLAG_PRINT_EOF)
RAW_PASTE_REQUEST_CMD = ord("A")    # the byte between CTRL_E and CTRL_A that asks for raw-paste
RAW_PASTE_ACK = b"R\x01"            # raw-paste supported and entered
RAW_PASTE_NAK = b"R\x00"            # "\x05?" understood but sub-command unknown (then ">" follows)
STDIN_BUFFER_MAX = 256              # MICROPY_REPL_STDIN_BUFFER_MAX default, rp2 does not override it
RAW_PASTE_WINDOW = STDIN_BUFFER_MAX // 2   # W = 128: a "\x01" goes out per 128 bytes consumed
RAW_PASTE_WINDOW_INC = b"\x01"      # one more window free
# header after R\x01: 16-bit little-endian window size, then one extra window credit (two windows free)
RAW_PASTE_HEADER = bytes([RAW_PASTE_WINDOW & 0xFF, RAW_PASTE_WINDOW >> 8]) + RAW_PASTE_WINDOW_INC

# --- texts ----------------------------------------------------------------------------------------
# the banner ("MicroPython v1.27.0 on 2025-12-10; Raspberry Pi Pico W with RP2040") depends on --board and
# --micropython-version: vpico/profile.py builds it
PS1 = ">>> "
PS2 = "... "
RAW_BANNER = "raw REPL; CTRL-B to exit\r\n"
RAW_PROMPT = ">"
OK = "OK"
SOFT_REBOOT = "MPY: soft reboot\n"   # printed cooked, so it leaves as "...\r\n"
PASTE_BANNER = "\r\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== "
PASTE_PS = "=== "

# pyexec return values
PYEXEC_FORCED_EXIT = 0x100

# --- errno ----------------------------------------------------------------------------------------
# MicroPython's errno.errorcode (py/moderrno.c default list, identical on rp2 and on the webassembly
# port; verified with the real v1.27 build). Numbers not listed here print as "OSError: 20" - note
# ENOTDIR (20), ENOSPC (28) and ENOTEMPTY (39) are NOT in the table on a real board.
MP_ERRNO_NAMES = {
    1: "EPERM", 2: "ENOENT", 5: "EIO", 9: "EBADF", 11: "EAGAIN", 12: "ENOMEM", 13: "EACCES",
    17: "EEXIST", 19: "ENODEV", 21: "EISDIR", 22: "EINVAL", 95: "EOPNOTSUPP", 98: "EADDRINUSE",
    103: "ECONNABORTED", 104: "ECONNRESET", 105: "ENOBUFS", 107: "ENOTCONN", 110: "ETIMEDOUT",
    111: "ECONNREFUSED", 113: "EHOSTUNREACH", 114: "EALREADY", 115: "EINPROGRESS",
}
ENOENT, EIO, EBADF, EAGAIN, EACCES, EEXIST = 2, 5, 9, 11, 13, 17
ENOTDIR, EISDIR, EINVAL, ENOSPC = 20, 21, 22, 28
ECONNABORTED, ECONNRESET, ENOTCONN, ETIMEDOUT, ECONNREFUSED, EHOSTUNREACH = 103, 104, 107, 110, 111, 113
EAI_NONAME_PICO = -2   # what getaddrinfo raises on a Pico W when DNS fails (prints "OSError: -2")
