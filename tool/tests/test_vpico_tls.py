"""TLS through the ssl shim: MicroPython's SSLContext API on CPython's ssl, mbedTLS-style errors.

The certificates below are test-only (P-256, valid 2000-2126): a CA and a server certificate for
IP 127.0.0.1 signed by it. The private key protects nothing.
"""
import os
import socket
import ssl
import sys
import tempfile
import threading
import unittest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from vpico.client import PeerTestMixin  # noqa: E402

CA_PEM = """-----BEGIN CERTIFICATE-----
MIIBcjCCARigAwIBAgICEAAwCgYIKoZIzj0EAwIwHzEdMBsGA1UEAwwUdmlydHVh
bC1waWNvIHRlc3QgQ0EwIBcNMDAwMTAxMDAwMDAwWhgPMjEyNjAxMDEwMDAwMDBa
MB8xHTAbBgNVBAMMFHZpcnR1YWwtcGljbyB0ZXN0IENBMFkwEwYHKoZIzj0CAQYI
KoZIzj0DAQcDQgAESa8ks10uArvIb8lnG/WQs5o+NuhqNHKPHWt06Kj5vPCu0c+4
NSIF8SipHKaFLIcPYoKrxcBv5NFi+oLLp/UrsqNCMEAwDwYDVR0TAQH/BAUwAwEB
/zAdBgNVHQ4EFgQUFSEKDgauaxESSX1FP0pVnpJJmAUwDgYDVR0PAQH/BAQDAgEG
MAoGCCqGSM49BAMCA0gAMEUCIEgWYcXnhi7VbqFJz2k4T71WjCz9hkNqwlN+o28G
jRcLAiEA4eKexZmRpougbAuW94xKqHtuzMyZVDV0lDwOGjyi9Iw=
-----END CERTIFICATE-----
"""
SERVER_CRT = """-----BEGIN CERTIFICATE-----
MIIBqTCCAVCgAwIBAgICEAEwCgYIKoZIzj0EAwIwHzEdMBsGA1UEAwwUdmlydHVh
bC1waWNvIHRlc3QgQ0EwIBcNMDAwMTAxMDAwMDAwWhgPMjEyNjAxMDEwMDAwMDBa
MBQxEjAQBgNVBAMMCTEyNy4wLjAuMTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IA
BNC+bnDfCVXNWmuop2mWY5DzQVl/95y9sz1CTaLtKt9CyrYnP3eF2ikyXdGFzHal
F3a5Rgn3xjVVzh5/vUtF5/WjgYQwgYEwCQYDVR0TBAIwADAPBgNVHREECDAGhwR/
AAABMA4GA1UdDwEB/wQEAwIHgDATBgNVHSUEDDAKBggrBgEFBQcDATAdBgNVHQ4E
FgQU8qaPRARw7meqIBZOc6KApbdEzLEwHwYDVR0jBBgwFoAUFSEKDgauaxESSX1F
P0pVnpJJmAUwCgYIKoZIzj0EAwIDRwAwRAIgQLMpk3vWJLRsyO/Q32VJnv3o1UTe
sVI+HtlBGqDwVhwCIEH7F2rxfNXwcd6vMoLz22SZwbvJa9hQVA5vJSfl+9gj
-----END CERTIFICATE-----
"""
SERVER_KEY = """-----BEGIN EC PRIVATE KEY-----
MHcCAQEEIJ7DgFPHYKCkEwrQnJAv7fh5thXPfAqbBKFksWaIFpYBoAoGCCqGSM49
AwEHoUQDQgAE0L5ucN8JVc1aa6inaZZjkPNBWX/3nL2zPUJNou0q30LKtic/d4Xa
KTJd0YXMdqUXdrlGCffGNVXOHn+9S0Xn9Q==
-----END EC PRIVATE KEY-----
"""

WIFI_UP = ("import network, socket, ssl, time\nw = network.WLAN(network.STA_IF)\nw.active(True)\n"
           "w.connect('Lab', 'pw')\nwhile not w.isconnected():\n    time.sleep_ms(10)")
CLIENT = """s = socket.socket()
s.connect(('127.0.0.1', %d))
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
ctx.load_verify_locations(cafile=%r)
ctx.verify_mode = ssl.CERT_REQUIRED
t = ctx.wrap_socket(s, server_hostname='127.0.0.1')
t.write(b'hello')
print(t.read(5))
t.close()"""


class TlsTest(PeerTestMixin, unittest.TestCase):
    def setUp(self):
        tmp = tempfile.mkdtemp(prefix="vpico-tls-")
        self.addCleanup(__import__("shutil").rmtree, tmp, True)
        for name, text in (("srv.crt", SERVER_CRT), ("srv.key", SERVER_KEY)):
            with open(os.path.join(tmp, name), "w") as f:
                f.write(text)
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(os.path.join(tmp, "srv.crt"), os.path.join(tmp, "srv.key"))
        self.srv = socket.socket()
        self.srv.bind(("127.0.0.1", 0))
        self.srv.listen(4)
        self.addCleanup(self.srv.close)
        self.port = self.srv.getsockname()[1]

        def serve():
            while True:
                try:
                    conn, _ = self.srv.accept()
                except OSError:
                    return
                try:
                    with ctx.wrap_socket(conn, server_side=True) as s:
                        s.sendall(s.recv(64).upper())
                except (OSError, ssl.SSLError):
                    conn.close()
        threading.Thread(target=serve, daemon=True).start()

    def test_verified_connection_and_failures(self):
        p = self.raw_pico(files={"ca.pem": CA_PEM, "empty.pem": ""})
        self.assertEqual(p.exec_raw(WIFI_UP), (b"", b""))
        self.assertEqual(p.exec_raw(CLIENT % (self.port, "ca.pem")), (b"b'HELLO'\r\n", b""))
        _, err = p.exec_raw(CLIENT % (self.port, "empty.pem"))
        self.assertTrue(err.endswith(b"OSError: (-8576, 'X509 - The CRT/CRL/CSR format is invalid, "
                                     b"e.g. different type expected')\r\n"), err)
        # no CA loaded: PROTOCOL_TLS_CLIENT defaults to CERT_REQUIRED, so the handshake fails
        _, err = p.exec_raw("s = socket.socket()\ns.connect(('127.0.0.1', %d))\n"
                            "ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)\n"
                            "ctx.wrap_socket(s, server_hostname='127.0.0.1')" % self.port)
        self.assertTrue(err.endswith(b"OSError: (-9984, 'X509 - Certificate verification failed, e.g. CRL, "
                                     b"CA or signature check failed')\r\n"), err)

    def test_unverified_wrap_socket(self):
        p = self.raw_pico()
        p.exec_raw(WIFI_UP)
        out, err = p.exec_raw("s = socket.socket()\ns.connect(('127.0.0.1', %d))\nt = ssl.wrap_socket(s)\n"
                              "t.write(b'abc')\nprint(t.read(3))" % self.port)
        self.assertEqual((out, err), (b"b'ABC'\r\n", b""))


if __name__ == "__main__":
    unittest.main()
