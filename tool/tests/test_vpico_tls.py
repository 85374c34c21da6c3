"""TLS through the ssl/tls shims: MicroPython's SSLContext API on CPython's ssl, failing where MicroPython fails
(DER only, mbedTLS's verification words, no recv/settimeout on the TLS socket).

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
t = ctx.wrap_socket(s, server_hostname=%r)
t.write(b'hello')
print(t.read(5))
t.close()"""
NOT_SIGNED = b"ValueError: \r\nThe certificate is not correctly signed by the trusted CA\r\n\r\n"


def der(pem):
    return ssl.PEM_cert_to_DER_cert(pem)


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

    def client(self, p, cafile, hostname="127.0.0.1"):
        return p.exec_raw(CLIENT % (self.port, cafile, hostname))

    def test_a_der_ca_verifies_the_server(self):
        p = self.raw_pico(files={"ca.der": der(CA_PEM), "chain.der": der(CA_PEM) + der(SERVER_CRT)})
        self.assertEqual(p.exec_raw(WIFI_UP), (b"", b""))
        self.assertEqual(self.client(p, "ca.der"), (b"b'HELLO'\r\n", b""))
        # mbedTLS loads the first DER certificate and ignores what follows it
        self.assertEqual(self.client(p, "chain.der"), (b"b'HELLO'\r\n", b""))

    def test_pem_and_other_non_der_data_is_an_invalid_cert_as_on_micropython(self):
        # MicroPython's mbedTLS has no PEM parser: ValueError('invalid cert') (extmod/modtls_mbedtls.c)
        p = self.raw_pico(files={"ca.pem": CA_PEM, "empty.der": "", "junk.der": b"\x30\x82\xff\xffjunk"})
        p.exec_raw(WIFI_UP)
        for name in ("ca.pem", "empty.der", "junk.der"):
            _, err = self.client(p, name)
            self.assertTrue(err.endswith(b"ValueError: invalid cert\r\n"), (name, err))
        _, err = p.exec_raw("ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT).load_verify_locations(cadata=%r)" % CA_PEM)
        self.assertTrue(err.endswith(b"ValueError: invalid cert\r\n"), err)

    def test_a_wrong_host_name_is_refused_with_mbedtls_words(self):
        p = self.raw_pico(files={"ca.der": der(CA_PEM)})
        p.exec_raw(WIFI_UP)
        _, err = self.client(p, "ca.der", hostname="wrong.example")
        self.assertTrue(err.endswith(b"ValueError: \r\nThe certificate Common Name (CN) does not match with the "
                                     b"expected CN\r\n\r\n"), err)

    def test_verification_defaults_follow_ssl_py_and_the_tls_module(self):
        p = self.raw_pico()
        p.exec_raw(WIFI_UP)
        connect = "s = socket.socket()\ns.connect(('127.0.0.1', %d))\n" % self.port
        # micropython-lib's ssl.SSLContext starts with CERT_NONE: no CA, no check, it connects
        out, err = p.exec_raw(connect + "t = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT).wrap_socket(s)\n"
                                        "t.write(b'abc')\nprint(t.read(3))")
        self.assertEqual((out, err), (b"b'ABC'\r\n", b""))
        # the C module tls verifies by default, and then refuses a server it cannot check
        _, err = p.exec_raw("import tls\n" + connect + "ctx = tls.SSLContext(tls.PROTOCOL_TLS_CLIENT)\n"
                            "ctx.wrap_socket(s, server_hostname='127.0.0.1')")
        self.assertTrue(err.endswith(NOT_SIGNED), err)
        _, err = p.exec_raw(connect + "ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)\n"
                            "ctx.verify_mode = ssl.CERT_REQUIRED\nctx.wrap_socket(s)")
        self.assertTrue(err.endswith(b"ValueError: CERT_REQUIRED requires server_hostname\r\n"), err)

    def test_the_tls_socket_is_a_stream_without_recv_or_settimeout(self):
        p = self.raw_pico()
        p.exec_raw(WIFI_UP)
        out, err = p.exec_raw("s = socket.socket()\ns.connect(('127.0.0.1', %d))\n"
                              "t = ssl.wrap_socket(s)\n"
                              "print([hasattr(t, n) for n in ('recv', 'send', 'sendall', 'settimeout', 'read', "
                              "'write', 'setblocking')])\n"
                              "s.settimeout(0)\nprint(t.read(3))\n"      # nothing sent yet: would block -> None
                              "s.settimeout(0.2)\n"
                              "try:\n    t.read(3)\nexcept OSError as e:\n    print(e.errno)" % self.port)
        self.assertEqual((out, err), (b"[False, False, False, False, True, True, True]\r\nNone\r\n110\r\n", b""))

    def test_unverified_wrap_socket(self):
        p = self.raw_pico()
        p.exec_raw(WIFI_UP)
        out, err = p.exec_raw("s = socket.socket()\ns.connect(('127.0.0.1', %d))\nt = ssl.wrap_socket(s)\n"
                              "t.write(b'abc')\nprint(t.read(3))" % self.port)
        self.assertEqual((out, err), (b"b'ABC'\r\n", b""))


if __name__ == "__main__":
    unittest.main()
