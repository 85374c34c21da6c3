"""ssl / tls: MicroPython's TLS (mbedTLS on the board) on top of CPython's ssl, failing where MicroPython fails.

Modelled on extmod/modtls_mbedtls.c (the C module `tls`) and micropython-lib's python-stdlib/ssl/ssl.py (the
frozen `ssl` wrapper a Pico W imports):
- `ssl.SSLContext(...)` starts with verify_mode CERT_NONE (the wrapper sets it); `tls.SSLContext(PROTOCOL_TLS_CLIENT)`
  starts with CERT_REQUIRED. CERT_REQUIRED without server_hostname: ValueError('CERT_REQUIRED requires
  server_hostname').
- CA certificates are parsed by mbedtls_x509_crt_parse, and MicroPython's mbedTLS has no PEM parser
  (MBEDTLS_PEM_PARSE_C is off): only DER is accepted, the first certificate of the data is loaded (mbedTLS reads one
  DER certificate and ignores what follows), and anything else - PEM, text, an empty file - is
  ValueError('invalid cert'). A non-buffer cadata (None) is a TypeError. ssl.py reads `cafile` and passes its bytes.
- A failed verification is ValueError with mbedtls_x509_crt_verify_info's text: one '\\n<reason>\\n' per problem
  ('The certificate Common Name (CN) does not match with the expected CN', 'The certificate is not correctly signed
  by the trusted CA', ...). Other handshake failures are OSError(<negative mbedTLS code>, '<mbedTLS text>').
- The SSLSocket has only read/readinto/readline/write/setblocking/close/cipher/getpeercert(True): no recv, send,
  sendall or settimeout. Reads and writes go through the raw socket, so its timeout (settimeout on the raw socket)
  applies, and a timeout is OSError(ETIMEDOUT); a non-blocking read with nothing to read returns None.
"""
import ssl as _ssl

from . import _ctx
from ..errors import MpOSError

__all__ = ["SSLContext", "wrap_socket", "PROTOCOL_TLS_CLIENT", "PROTOCOL_TLS_SERVER", "CERT_NONE",
           "CERT_OPTIONAL", "CERT_REQUIRED", "MBEDTLS_VERSION"]

PROTOCOL_TLS_CLIENT, PROTOCOL_TLS_SERVER = 0, 1
CERT_NONE, CERT_OPTIONAL, CERT_REQUIRED = 0, 1, 2
MBEDTLS_VERSION = "Mbed TLS 3.6.2"
SSL_FATAL_ALERT = (-30592, "SSL - A fatal alert message was received from our peer")
SSL_CONN_EOF = (-0x7280, "SSL - The connection indicated an EOF")
SSL_PEER_CLOSE_NOTIFY = (-0x7880, "SSL - The peer notified us that the connection is going to be closed")
EAGAIN, ETIMEDOUT = 11, 110
ASN1_SEQUENCE = 0x30
# mbedTLS's words for the verification flags (library/x509_crt.c, MBEDTLS_X509_CRT_ERROR_INFO_LIST), by the
# OpenSSL verify code CPython reports for the same problem (openssl/x509_vfy.h).
CN_MISMATCH = "The certificate Common Name (CN) does not match with the expected CN"
NOT_TRUSTED = "The certificate is not correctly signed by the trusted CA"
VERIFY_WORDS = {
    62: CN_MISMATCH, 64: CN_MISMATCH,                  # X509_V_ERR_HOSTNAME_MISMATCH, _IP_ADDRESS_MISMATCH
    2: NOT_TRUSTED, 18: NOT_TRUSTED, 19: NOT_TRUSTED,  # unable to get issuer, self-signed (in chain)
    20: NOT_TRUSTED, 21: NOT_TRUSTED, 7: NOT_TRUSTED,  # no local issuer, unable to verify leaf, bad signature
    10: "The certificate validity has expired",       # X509_V_ERR_CERT_HAS_EXPIRED
    9: "The certificate validity starts in the future",  # X509_V_ERR_CERT_NOT_YET_VALID
}
UNKNOWN_REASON = "Unknown reason (this may be the result of an unsupported extension)"


def ssl_error(e):
    """CPython ssl exception after the handshake -> the OSError a Pico W's mbedTLS socket raises."""
    if isinstance(e, (_ssl.SSLWantReadError, _ssl.SSLWantWriteError)):
        return MpOSError(EAGAIN)              # non-blocking socket with nothing to do
    if isinstance(e, _ssl.SSLZeroReturnError):
        return MpOSError(*SSL_PEER_CLOSE_NOTIFY)
    if isinstance(e, _ssl.SSLEOFError):
        return MpOSError(*SSL_CONN_EOF)
    return MpOSError(*SSL_FATAL_ALERT)


def _first_der_certificate(data):
    """The first DER certificate in data (an ASN.1 SEQUENCE), as mbedtls_x509_crt_parse_der reads it; None when the
    data does not start with one (PEM text, garbage, nothing)."""
    if len(data) < 2 or data[0] != ASN1_SEQUENCE:
        return None
    n = data[1]
    if n < 0x80:
        start, length = 2, n
    elif 0x81 <= n <= 0x84 and len(data) >= 2 + (n & 0x7F):
        start, length = 2 + (n & 0x7F), int.from_bytes(data[2:2 + (n & 0x7F)], "big")
    else:
        return None
    if start + length > len(data):
        return None
    return bytes(data[:start + length])


def _buffer(data):
    if isinstance(data, str):
        return data.encode()
    try:
        return bytes(memoryview(data))
    except TypeError:
        raise TypeError("object with buffer protocol required") from None


class _Context:
    """tls.SSLContext: the C type, with mbedTLS's defaults."""

    def __init__(self, protocol):
        if protocol not in (PROTOCOL_TLS_CLIENT, PROTOCOL_TLS_SERVER):
            raise ValueError("invalid protocol")
        self._protocol = protocol
        self.verify_mode = CERT_REQUIRED if protocol == PROTOCOL_TLS_CLIENT else CERT_NONE
        self.verify_callback = None
        self._cas = []
        self._chain = None

    def load_verify_locations(self, cadata, /):
        der = _first_der_certificate(_buffer(cadata))
        try:                                   # mbedTLS parses the certificate right here
            _ssl.SSLContext(_ssl.PROTOCOL_TLS_CLIENT).load_verify_locations(cadata=der)
        except (_ssl.SSLError, ValueError, TypeError):
            raise ValueError("invalid cert") from None
        self._cas.append(der)

    def load_cert_chain(self, cert, key, /):
        # mbedtls_pk_parse_key and mbedtls_x509_crt_parse: DER only here too
        key, cert = _buffer(key), _buffer(cert)
        if _first_der_certificate(key) is None:
            raise ValueError("invalid key")
        cert = _first_der_certificate(cert)
        if cert is None:
            raise ValueError("invalid cert")
        self._chain = (cert, key)

    def set_ciphers(self, ciphersuites):
        return None

    def get_ciphers(self):
        return []

    def _host_context(self, server_hostname):
        ctx = _ssl.SSLContext(_ssl.PROTOCOL_TLS_SERVER if self._protocol else _ssl.PROTOCOL_TLS_CLIENT)
        if self.verify_mode == CERT_NONE:
            ctx.check_hostname = False
            ctx.verify_mode = _ssl.CERT_NONE
        else:
            # mbedtls_ssl_set_hostname: the name is checked whenever it is given
            ctx.check_hostname = bool(server_hostname) and self._protocol == PROTOCOL_TLS_CLIENT
            ctx.verify_mode = _ssl.CERT_REQUIRED if self.verify_mode == CERT_REQUIRED else _ssl.CERT_OPTIONAL
            for der in self._cas:
                ctx.load_verify_locations(cadata=der)
        if self._chain:
            _load_chain(ctx, *self._chain)
        return ctx

    def wrap_socket(self, sock, *, server_side=False, do_handshake_on_connect=True, server_hostname=None):
        if server_hostname is None and self.verify_mode == CERT_REQUIRED and not server_side:
            raise ValueError("CERT_REQUIRED requires server_hostname")
        try:
            host = self._host_context(server_hostname).wrap_socket(
                sock._sock, server_side=server_side, do_handshake_on_connect=do_handshake_on_connect,
                server_hostname=server_hostname if server_hostname else None)
        except _ssl.SSLCertVerificationError as e:
            raise ValueError("\n%s\n" % VERIFY_WORDS.get(e.verify_code, UNKNOWN_REASON)) from None
        except _ssl.SSLError as e:
            raise ssl_error(e) from None
        except OSError as e:
            from ..errors import to_mp_oserror
            raise to_mp_oserror(e) from None
        sock._sock = host  # the raw socket's settimeout/setblocking now act on the TLS stream, as on the board
        return SSLSocket(sock)


class SSLContext:
    """ssl.SSLContext: micropython-lib's wrapper around tls.SSLContext."""

    def __init__(self, *args):
        self._context = _Context(*args)
        self._context.verify_mode = CERT_NONE

    @property
    def verify_mode(self):
        return self._context.verify_mode

    @verify_mode.setter
    def verify_mode(self, value):
        self._context.verify_mode = value

    def load_cert_chain(self, certfile, keyfile):
        cert = _read_device_file(certfile) if isinstance(certfile, str) else certfile
        key = _read_device_file(keyfile) if isinstance(keyfile, str) else keyfile
        self._context.load_cert_chain(cert, key)

    def load_verify_locations(self, cafile=None, cadata=None):
        if cafile:
            cadata = _read_device_file(cafile)
        self._context.load_verify_locations(cadata)

    def wrap_socket(self, sock, server_side=False, do_handshake_on_connect=True, server_hostname=None):
        return self._context.wrap_socket(sock, server_side=server_side,
                                         do_handshake_on_connect=do_handshake_on_connect,
                                         server_hostname=server_hostname)


class SSLSocket:
    """The stream MicroPython's wrap_socket returns: read/write, no recv/send/settimeout."""

    def __init__(self, raw):
        self._raw = raw

    def _io(self, fn, *args):
        """fn's result, or None when a non-blocking socket has nothing to do (MicroPython's streams say None)."""
        try:
            return fn(*args)
        except (_ssl.SSLWantReadError, _ssl.SSLWantWriteError, BlockingIOError):
            return None
        except TimeoutError:
            raise MpOSError(ETIMEDOUT) from None
        except _ssl.SSLError as e:
            raise ssl_error(e) from None
        except OSError as e:
            from ..errors import to_mp_oserror
            raise to_mp_oserror(e) from None

    def read(self, size=-1):
        from .mpsocket import read_stream
        host = self._raw._sock
        return read_stream(lambda n: self._io(host.recv, n), size)

    def readinto(self, buf, nbytes=None):
        data = self.read(len(buf) if nbytes is None else nbytes)
        if data is None:
            return None
        buf[:len(data)] = data
        return len(data)

    def readline(self):
        out = bytearray()
        while not out.endswith(b"\n"):
            ch = self.read(1)
            if not ch:
                break
            out += ch
        return bytes(out)

    def write(self, data):
        data = bytes(data)
        n = self._io(self._raw._sock.send, data)
        if n is None:
            return None
        if n < len(data):
            self._io(self._raw._sock.sendall, data[n:])
        return len(data)

    def setblocking(self, flag):
        self._raw.setblocking(flag)

    def cipher(self):
        name, version, _ = self._raw._sock.cipher()
        return (name, version)

    def getpeercert(self, binary_form):
        if not binary_form:
            raise NotImplementedError()
        return self._raw._sock.getpeercert(True)

    def fileno(self):                 # for select.poll, which the board supports on a TLS socket
        return self._raw.fileno()

    def close(self):
        self._raw.close()

    __del__ = close


def _read_device_file(path):
    with _ctx.board.fs.open(path, "rb") as f:
        return f.read()


def _load_chain(ctx, cert, key):
    """CPython reads PEM files only: write the DER certificate and key (PKCS#8, SEC1 or PKCS#1) as PEM."""
    import base64
    import os
    import tempfile
    with tempfile.TemporaryDirectory(prefix="vpico-tls-") as tmp:
        cert_path, key_path = os.path.join(tmp, "cert"), os.path.join(tmp, "key")
        with open(cert_path, "w") as f:
            f.write(_ssl.DER_cert_to_PEM_cert(cert))
        for label in (b"PRIVATE KEY", b"EC PRIVATE KEY", b"RSA PRIVATE KEY"):
            with open(key_path, "wb") as f:
                f.write(b"-----BEGIN %s-----\n%s-----END %s-----\n" % (label, base64.encodebytes(key), label))
            try:
                ctx.load_cert_chain(cert_path, key_path)
                return
            except _ssl.SSLError:
                continue
        raise ValueError("invalid key")


def wrap_socket(sock, server_side=False, key=None, cert=None, cert_reqs=CERT_NONE, cadata=None,
                server_hostname=None, do_handshake=True):
    con = SSLContext(PROTOCOL_TLS_SERVER if server_side else PROTOCOL_TLS_CLIENT)
    if cert or key:
        con.load_cert_chain(cert, key)
    if cadata:
        con.load_verify_locations(cadata=cadata)
    con.verify_mode = cert_reqs
    return con.wrap_socket(sock, server_side=server_side, do_handshake_on_connect=do_handshake,
                           server_hostname=server_hostname)
