"""socket / usocket: real host sockets behind the Pico W's lwIP behaviour.

- Wi-Fi not up (status != 3): getaddrinfo(name) raises OSError(-2) and connect() raises
  OSError(EHOSTUNREACH), as lwIP does without a netif. IP literals still parse in getaddrinfo.
- A refused TCP connect is reported as ECONNRESET (104): lwIP turns the peer's RST into ERR_RST,
  which modlwip's error_lookup_table maps to ECONNRESET (there is no ECONNREFUSED on the board).
- Timeouts are OSError(ETIMEDOUT) (110), non-blocking "no data" is OSError(EAGAIN) (11), a non-blocking
  connect() is OSError(EINPROGRESS) (115) as in modlwip's lwip_socket_connect.
- The board's own address 192.168.4.23 and bind('0.0.0.0') map to 127.0.0.1 on the host.
- Sockets are closed on soft reset, like MicroPython's finalisers.
"""
import functools as _functools
import ipaddress as _ipaddress
import socket as _s

from . import _ctx
from ..errors import MpOSError, to_mp_oserror

__all__ = ["socket", "getaddrinfo", "AF_INET", "AF_INET6", "SOCK_STREAM", "SOCK_DGRAM", "SOCK_RAW",
           "IPPROTO_IP", "IPPROTO_TCP", "IPPROTO_UDP", "SOL_SOCKET", "SO_REUSEADDR", "SO_BROADCAST",
           "SO_KEEPALIVE", "TCP_NODELAY", "IP_ADD_MEMBERSHIP"]

# lwIP / MicroPython values (not Linux ones)
AF_INET, AF_INET6 = 2, 10
SOCK_STREAM, SOCK_DGRAM, SOCK_RAW = 1, 2, 3
IPPROTO_IP, IPPROTO_TCP, IPPROTO_UDP = 0, 6, 17
SOL_SOCKET = 0xFFF
SO_REUSEADDR, SO_KEEPALIVE, SO_BROADCAST = 0x04, 0x08, 0x20
TCP_NODELAY = 0x01
IP_ADD_MEMBERSHIP = 0x400
_SOCKOPT_MAP = {(SOL_SOCKET, SO_REUSEADDR): (_s.SOL_SOCKET, _s.SO_REUSEADDR),
                (SOL_SOCKET, SO_KEEPALIVE): (_s.SOL_SOCKET, _s.SO_KEEPALIVE),
                (SOL_SOCKET, SO_BROADCAST): (_s.SOL_SOCKET, _s.SO_BROADCAST),
                (IPPROTO_TCP, TCP_NODELAY): (_s.IPPROTO_TCP, _s.TCP_NODELAY)}
EHOSTUNREACH, ECONNRESET, ETIMEDOUT, EAGAIN, EPIPE, EINPROGRESS = 113, 104, 110, 11, 32, 115
EAI_FAIL = -2
_SELF = ("192.168.4.23",)


def _wifi_up():
    return _ctx.board.radio.sta_up()


def _is_ip(host):
    try:
        _ipaddress.IPv4Address(host)
        return True
    except ValueError:
        return False


def _resolve(host):
    if host in ("", "0.0.0.0"):
        return "0.0.0.0"
    if _is_ip(host):
        return host
    if not _wifi_up():
        raise MpOSError(EAI_FAIL)
    try:
        return _s.gethostbyname(host)
    except OSError:
        raise MpOSError(EAI_FAIL) from None


def getaddrinfo(host, port, af=0, type=0, proto=0, flags=0):
    ip = _resolve(str(host))
    return [(AF_INET, type or SOCK_STREAM, proto, "", (ip, int(port)))]


def _host_addr(addr):
    host, port = addr[0], int(addr[1])
    ip = _resolve(str(host))
    if ip in _SELF:
        ip = "127.0.0.1"
    return ip, port


def _mp_errors(fn):
    @_functools.wraps(fn)
    def wrapper(self, *args, **kwargs):
        try:
            return fn(self, *args, **kwargs)
        except MpOSError:
            raise
        except _s.timeout:
            raise MpOSError(ETIMEDOUT) from None
        except BlockingIOError:
            raise MpOSError(EAGAIN) from None
        except (BrokenPipeError, ConnectionResetError):
            raise MpOSError(ECONNRESET) from None
        except OSError as e:
            if type(e).__module__ == "ssl":
                from .mpssl import ssl_error
                raise ssl_error(e) from None
            raise to_mp_oserror(e) from None
    return wrapper


def read_stream(recv, size):
    """A MicroPython stream's read(size): size bytes, or all until EOF for -1. recv() returning None means it would
    block: then what was read so far, or None when nothing was."""
    chunks, want = [], size
    while want != 0:
        data = recv(4096 if want < 0 else want)
        if data is None:
            return b"".join(chunks) if chunks else None
        if not data:
            break
        chunks.append(data)
        if want > 0:
            want -= len(data)
    return b"".join(chunks)


class socket:
    def __init__(self, af=AF_INET, type=SOCK_STREAM, proto=0, _host_sock=None):
        if _host_sock is None:
            kind = {SOCK_STREAM: _s.SOCK_STREAM, SOCK_DGRAM: _s.SOCK_DGRAM}.get(type)
            if kind is None or af != AF_INET:
                raise MpOSError(22)
            _host_sock = _s.socket(_s.AF_INET, kind)
        self._sock = _host_sock
        _ctx.board.register_resource(self)

    def __repr__(self):
        return "<socket state=%d timeout=%d incoming=0 off=0>" % (0, -1)

    @_mp_errors
    def connect(self, address):
        if not _wifi_up():
            raise MpOSError(EHOSTUNREACH)      # no route: the CYW43 netif is down
        try:
            self._sock.connect(_host_addr(address))
        except ConnectionRefusedError:
            raise MpOSError(ECONNRESET) from None
        except BlockingIOError:
            raise MpOSError(EINPROGRESS) from None

    @_mp_errors
    def bind(self, address):
        host, port = address[0], int(address[1])
        if host in ("", "0.0.0.0") or host in _SELF:
            host = "127.0.0.1"
        self._sock.bind((host, port))

    @_mp_errors
    def listen(self, backlog=2):
        self._sock.listen(backlog)

    @_mp_errors
    def accept(self):
        conn, addr = self._sock.accept()
        return socket(_host_sock=conn), addr

    @_mp_errors
    def send(self, data):
        return self._sock.send(data)

    @_mp_errors
    def sendall(self, data):
        self._sock.sendall(data)

    @_mp_errors
    def sendto(self, data, address):
        return self._sock.sendto(data, _host_addr(address))

    @_mp_errors
    def write(self, data):
        self._sock.sendall(data)
        return len(data)

    @_mp_errors
    def recv(self, bufsize):
        return self._sock.recv(bufsize)

    @_mp_errors
    def recvfrom(self, bufsize):
        return self._sock.recvfrom(bufsize)

    @_mp_errors
    def read(self, size=-1):
        return read_stream(self._sock.recv, size)

    @_mp_errors
    def readinto(self, buf, nbytes=None):
        view = memoryview(buf)[: (len(buf) if nbytes is None else nbytes)]
        got = 0
        while got < len(view):
            n = self._sock.recv_into(view[got:])
            if n == 0:
                break
            got += n
        return got

    @_mp_errors
    def readline(self):
        out = bytearray()
        while True:
            ch = self._sock.recv(1)
            if not ch:
                break
            out += ch
            if ch == b"\n":
                break
        return bytes(out)

    def settimeout(self, value):
        self._sock.settimeout(value)

    def setblocking(self, flag):
        self._sock.setblocking(flag)

    @_mp_errors
    def setsockopt(self, level, optname, value):
        mapped = _SOCKOPT_MAP.get((level, optname))
        if mapped:
            self._sock.setsockopt(mapped[0], mapped[1], value)

    def makefile(self, mode="rb", buffering=0):
        return self

    def fileno(self):
        return self._sock.fileno()

    def close(self):
        try:
            self._sock.close()
        except OSError:
            pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        self.close()
