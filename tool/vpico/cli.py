"""Command line of tool/virtual-pico (see /work/briefs/contracts.md, "Virtual Pico command line")."""
import argparse
import faulthandler
import hashlib
import os
import shutil
import signal
import sys
import tempfile
from types import SimpleNamespace

from .costmodel import CostModel
from .profile import BOARDS, DEFAULT_BOARD, DEFAULT_VERSION, Profile, parse_version


def _pair(text):
    try:
        t, h = text.split(",")
        return float(t), float(h)
    except ValueError:
        raise argparse.ArgumentTypeError("expected TEMP,HUM, e.g. 21.5,48") from None


def _board_id(text):
    try:
        raw = bytes.fromhex(text)
    except ValueError:
        raw = b""
    if len(raw) != 8:
        raise argparse.ArgumentTypeError("expected 16 hex digits, e.g. e6614103e7a1b2c3")
    return raw


def _version(text):
    try:
        parse_version(text)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None
    return text


def _non_negative(text):
    try:
        n = int(text)
    except ValueError:
        n = -1
    if n < 0:
        raise argparse.ArgumentTypeError("expected a whole number >= 0")
    return n


def cost_model(a):
    """The --cost-model flags as a CostModel: all zero unless one of them is given."""
    given = {k: getattr(a, k) for k in CostModel.DEFAULTS if getattr(a, k) is not None}
    if not a.cost_model and not given:
        return CostModel()
    return CostModel(**dict(CostModel.DEFAULTS, **given))


def parse_args(argv):
    p = argparse.ArgumentParser(prog="virtual-pico",
                                description="Simulated Raspberry Pi Pico W (or Pico 2 W, or plain Pico) with "
                                            "MicroPython v1.27 (or another release) on a pty.")
    p.add_argument("--link", help="symlink to create (replaced if stale) pointing at the pty")
    p.add_argument("--tcp", type=int, metavar="PORT", help="also serve the port on 127.0.0.1:PORT (0 = any)")
    p.add_argument("--fs", metavar="DIR", help="the board's flash filesystem (default: a temporary dir)")
    p.add_argument("--wifi", metavar="SSID:PASSWORD", help="the one access point in range")
    p.add_argument("--wifi-ssid", metavar="S")
    p.add_argument("--wifi-password-env", metavar="NAME", help="environment variable holding the password")
    p.add_argument("--dht22", type=_pair, metavar="TEMP,HUM", help="DHT22 readings (default 21.5,48)")
    p.add_argument("--dht11", type=_pair, metavar="TEMP,HUM", help="a DHT11 instead of the DHT22")
    p.add_argument("--dht-pin", type=int, default=15, help="GPIO the sensor is wired to (default 15)")
    p.add_argument("--internal-temp", type=float, default=25.0, metavar="T", help="RP2040 die temperature")
    p.add_argument("--dht22-fail-rate", type=float, default=0.0, metavar="R", help="checksum error probability")
    p.add_argument("--dht22-absent", action="store_true", help="no sensor answers (OSError 110)")
    p.add_argument("--dht22-hang", action="store_true", help="the sensor read never returns (only a reset ends it)")
    p.add_argument("--power-cut-after-renames", type=int, metavar="N",
                   help="test fault: the power goes right after the board's Nth os.rename since power-on")
    p.add_argument("--wifi-down", action="store_true", help="no access point in range")
    p.add_argument("--board-id", type=_board_id, metavar="HEX16", help="machine.unique_id()")
    p.add_argument("--board", choices=BOARDS, default=DEFAULT_BOARD,
                   help="which board: pico_w (default), pico2_w, or pico (the plain Pico's build: no network)")
    p.add_argument("--micropython-version", type=_version, default=DEFAULT_VERSION, metavar="X.Y.Z",
                   help="the MicroPython release played (default %s)" % DEFAULT_VERSION)
    p.add_argument("--bootsel", metavar="DIR", help="start in BOOTSEL mode: DIR (empty) plays the USB drive until a "
                                                   "UF2 for the chip is copied there; machine.bootloader() returns here")
    p.add_argument("--no-stdio-buffer", action="store_true",
                   help="a build without MICROPY_PY_SYS_STDIO_BUFFER: sys.stdin/sys.stdout have no .buffer")
    cost = p.add_argument_group("cost model", "how long the serial link and the REPL take; off by default. A model "
                                "with defaults from measurements on rp2 firmware, not a measurement (tool/README.md)")
    cost.add_argument("--cost-model", action="store_true", help="turn the model on with its defaults (%s)" % ", ".join(
        "%s %s" % (k.replace("_", "-"), v) for k, v in CostModel.DEFAULTS.items()))
    cost.add_argument("--serial-bytes-per-s", type=_non_negative, metavar="N",
                      help="host-to-board bytes per second (implies --cost-model; 0 = unlimited)")
    cost.add_argument("--exec-delay-ms", type=_non_negative, metavar="MS",
                      help="extra time before each raw REPL exec runs (implies --cost-model)")
    cost.add_argument("--paste-window-ms", type=_non_negative, metavar="MS",
                      help="raw-paste round trip per window credit and per request (implies --cost-model)")
    p.add_argument("--verbose", action="store_true", help="log to stderr")
    a = p.parse_args(argv)
    if a.dht22 and a.dht11:
        p.error("--dht22 and --dht11 are exclusive")
    if a.wifi and (a.wifi_ssid or a.wifi_password_env):
        p.error("--wifi excludes --wifi-ssid/--wifi-password-env")
    if not 0.0 <= a.dht22_fail_rate <= 1.0:
        p.error("--dht22-fail-rate must be within 0..1")
    if a.bootsel:
        problem = _bootsel_dir_problem(a.bootsel)
        if problem:
            p.error("--bootsel %s %s" % (a.bootsel, problem))
    return a


def _bootsel_dir_problem(path):
    """The drive's folder must be ours alone: files copied there are consumed, as on the real drive."""
    from .bootsel import INFO_FILE
    if os.path.lexists(path) and not os.path.isdir(path):
        return "is not a directory"
    if os.path.isdir(path) and any(n != INFO_FILE for n in os.listdir(path)):
        return "must be an empty directory (it plays the USB drive, whose files go away when the board reboots)"
    return None


def make_config(a):
    ssid = password = None
    if a.wifi:
        ssid, _, password = a.wifi.partition(":")
    elif a.wifi_ssid:
        ssid = a.wifi_ssid
        password = os.environ.get(a.wifi_password_env, "") if a.wifi_password_env else ""
    temp_fs = None
    fs_dir = a.fs
    if not fs_dir:
        fs_dir = temp_fs = tempfile.mkdtemp(prefix="virtual-pico-fs-")
    os.makedirs(fs_dir, exist_ok=True)
    board_id = a.board_id
    if board_id is None:
        # stable per filesystem dir; e661... like the flash ids of real Pico boards
        board_id = b"\xe6\x61" + hashlib.sha256(os.path.realpath(fs_dir).encode()).digest()[:6]
    kind, (temp, hum) = ("dht11", a.dht11) if a.dht11 else ("dht22", a.dht22 or (21.5, 48.0))
    return SimpleNamespace(
        link=a.link, tcp=a.tcp, fs_dir=fs_dir, temp_fs=temp_fs, wifi_ssid=ssid, wifi_password=password,
        wifi_down=a.wifi_down, dht_kind=kind, dht_temp=temp, dht_hum=hum, dht_pin=a.dht_pin,
        dht_absent=a.dht22_absent, dht_fail_rate=a.dht22_fail_rate, dht_hang=a.dht22_hang,
        power_cut_after_renames=a.power_cut_after_renames, internal_temp=a.internal_temp,
        board_id=board_id, verbose=a.verbose, profile=Profile(a.board, a.micropython_version),
        bootsel_dir=os.path.abspath(a.bootsel) if a.bootsel else None,
        stdio_buffer=not a.no_stdio_buffer, cost=cost_model(a))


def _exit_with_parent(log):
    """A harness that died without stopping us (parent gone AND our stdout pipe broken) must not leave
    an orphan holding a pty. A board started in the background with stdout to a file keeps running."""
    import select
    import time
    from .serialport import helper_thread
    parent = os.getppid()
    poller = select.poll()
    poller.register(sys.stdout.fileno(), 0)      # only POLLERR/POLLHUP/POLLNVAL are reported

    def watch():
        while os.getppid() == parent or not poller.poll(0):
            time.sleep(0.5)
        log("parent %d gone and stdout closed: shutting down" % parent)
        os.kill(os.getpid(), signal.SIGTERM)
    helper_thread(watch, "parent-watch")


def main(argv=None):
    a = parse_args(sys.argv[1:] if argv is None else argv)
    cfg = make_config(a)

    def log(msg):
        if cfg.verbose:
            sys.stderr.write("virtual-pico: %s\n" % msg)
            sys.stderr.flush()

    from .board import Board           # imported late: argparse errors stay fast
    board = Board(cfg, log)

    def shutdown(signum, frame):
        log("signal %d: shutting down" % signum)
        try:
            board.shutdown()
        finally:
            if cfg.temp_fs:
                shutil.rmtree(cfg.temp_fs, ignore_errors=True)
            sys.stdout.flush()
            os._exit(0)

    faulthandler.register(signal.SIGUSR2, all_threads=True)    # debugging aid: dump all stacks
    signal.signal(signal.SIGTERM, shutdown)
    signal.signal(signal.SIGINT, shutdown)
    signal.signal(signal.SIGHUP, shutdown)

    _exit_with_parent(log)
    plugged = not cfg.bootsel_dir          # in BOOTSEL mode there is no serial port until a UF2 lands
    endpoints = []
    if cfg.link or cfg.tcp is None:
        endpoints.append(board.hub.add_pty(cfg.link, plugged))
    if cfg.tcp is not None:
        endpoints.append(board.hub.add_tcp(cfg.tcp))

    def say(text):
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except OSError:
            pass                    # nobody reads our stdout any more: the parent watch decides what happens

    def announce_ready():
        say("".join("virtual-pico: ready on %s\n" % ep.describe() for ep in endpoints))

    def announce_bootsel(path):
        say("virtual-pico: BOOTSEL drive at %s\n" % path)

    board.on_plugged = announce_ready
    board.on_bootsel = announce_bootsel
    if plugged:
        announce_ready()
    log("%s, MicroPython %s, fs %s, board id %s, wifi %s, cost model %s" % (
        cfg.profile.machine, cfg.profile.version_text, cfg.fs_dir, cfg.board_id.hex(),
        "down" if cfg.wifi_down else (cfg.wifi_ssid or "any"), cfg.cost.describe()))
    board.run()
