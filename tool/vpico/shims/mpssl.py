"""ssl / ussl: MicroPython's SSLContext API (mbedTLS on the board) on top of CPython's ssl.

Differences handled here:
- cadata may be PEM *bytes* on MicroPython (mbedTLS parses both); CPython wants str for PEM;
- cafile / certfile paths are device paths, read through the board's filesystem;
- PROTOCOL_TLS_CLIENT defaults to CERT_REQUIRED; hostname is checked only when server_hostname is
  given (mbedtls_ssl_set_hostname), so check_hostname follows that;
- failures become OSError(-9984, 'X509 - Certificate verification failed, ...') and friends, the
  negative mbedTLS codes a Pico W prints.
"""
import os as _os
import ssl as _ssl
import tempfile as _tempfile

from . import _ctx
from ..errors import MpOSError

__all__ = ["SSLContext", "wrap_socket", "PROTOCOL_TLS_CLIENT", "PROTOCOL_TLS_SERVER", "CERT_NONE",
           "CERT_OPTIONAL", "CERT_REQUIRED", "MBEDTLS_VERSION"]

PROTOCOL_TLS_CLIENT, PROTOCOL_TLS_SERVER = 0, 1
CERT_NONE, CERT_OPTIONAL, CERT_REQUIRED = 0, 1, 2
MBEDTLS_VERSION = "Mbed TLS 3.6.2"
X509_VERIFY_FAILED = (-9984, "X509 - Certificate verification failed, e.g. CRL, CA or signature check failed")
SSL_FATAL_ALERT = (-30592, "SSL - A fatal alert message was received from our peer")
SSL_CONN_EOF = (-0x7280, "SSL - The connection indicated an EOF")
X509_INVALID_FORMAT = (-0x2180, "X509 - The CRT/CRL/CSR format is invalid, e.g. different type expected")
SSL_PEER_CLOSE_NOTIFY = (-0x7880, "SSL - The peer notified us that the connection is going to be closed")
EAGAIN = 11


def ssl_error(e):
    """CPython ssl exception -> the OSError a Pico W's mbedTLS socket raises."""
    if isinstance(e, (_ssl.SSLWantReadError, _ssl.SSLWantWriteError)):
        return MpOSError(EAGAIN)              # non-blocking socket with nothing to do
    if isinstance(e, _ssl.SSLCertVerificationError):
        return MpOSError(*X509_VERIFY_FAILED)
    if isinstance(e, _ssl.SSLZeroReturnError):
        return MpOSError(*SSL_PEER_CLOSE_NOTIFY)
    if isinstance(e, _ssl.SSLEOFError):
        return MpOSError(*SSL_CONN_EOF)
    return MpOSError(*SSL_FATAL_ALERT)


def _read_device_file(path):
    with _ctx.board.fs.open(path, "rb") as f:
        return f.read()


def _pem_or_der(data):
    if isinstance(data, str):
        return data
    data = bytes(data)
    if b"-----BEGIN" in data:
        return data.decode("ascii", "replace")
    return data


class SSLContext:
    def __init__(self, protocol=PROTOCOL_TLS_CLIENT):
        if protocol not in (PROTOCOL_TLS_CLIENT, PROTOCOL_TLS_SERVER):
            raise ValueError("invalid protocol")
        self._protocol = protocol
        self.verify_mode = CERT_REQUIRED if protocol == PROTOCOL_TLS_CLIENT else CERT_NONE
        self._cadata = None
        self._chain = None

    def load_verify_locations(self, cafile=None, cadata=None):
        if cafile is not None:
            cadata = _read_device_file(cafile)
        try:                                   # mbedTLS parses the certificates right here
            _ssl.SSLContext(_ssl.PROTOCOL_TLS_CLIENT).load_verify_locations(cadata=_pem_or_der(cadata))
        except (_ssl.SSLError, ValueError, TypeError):
            raise MpOSError(*X509_INVALID_FORMAT) from None
        self._cadata = cadata

    def load_cert_chain(self, certfile, keyfile):
        cert = _read_device_file(certfile) if isinstance(certfile, str) else bytes(certfile)
        key = _read_device_file(keyfile) if isinstance(keyfile, str) else bytes(keyfile)
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
            ctx.check_hostname = bool(server_hostname) and self._protocol == PROTOCOL_TLS_CLIENT
            ctx.verify_mode = _ssl.CERT_REQUIRED if self.verify_mode == CERT_REQUIRED else _ssl.CERT_OPTIONAL
            if self._cadata is not None:
                ctx.load_verify_locations(cadata=_pem_or_der(self._cadata))
        if self._chain:
            with _tempfile.TemporaryDirectory(prefix="vpico-tls-") as tmp:
                paths = []
                for name, blob in zip(("cert", "key"), self._chain):
                    p = _os.path.join(tmp, name)
                    with open(p, "wb") as f:
                        f.write(blob if b"-----BEGIN" in blob else _ssl.DER_cert_to_PEM_cert(blob).encode())
                    paths.append(p)
                ctx.load_cert_chain(paths[0], paths[1])
        return ctx

    def wrap_socket(self, sock, server_side=False, do_handshake_on_connect=True, server_hostname=None):
        from .mpsocket import socket as mp_socket
        try:
            ctx = self._host_context(server_hostname)
            host = ctx.wrap_socket(sock._sock, server_side=server_side,
                                   do_handshake_on_connect=do_handshake_on_connect,
                                   server_hostname=server_hostname if server_hostname else None)
        except _ssl.SSLError as e:
            raise ssl_error(e) from None
        except OSError as e:
            from ..errors import to_mp_oserror
            raise to_mp_oserror(e) from None
        return mp_socket(_host_sock=host)


def wrap_socket(sock, server_side=False, key=None, cert=None, cert_reqs=CERT_NONE, cadata=None,
                server_hostname=None, do_handshake=True):
    ctx = SSLContext(PROTOCOL_TLS_SERVER if server_side else PROTOCOL_TLS_CLIENT)
    if cert or key:
        ctx._chain = (bytes(cert), bytes(key))
    if cadata:
        ctx.load_verify_locations(cadata=cadata)
    ctx.verify_mode = cert_reqs
    return ctx.wrap_socket(sock, server_side=server_side, do_handshake_on_connect=do_handshake,
                           server_hostname=server_hostname)
