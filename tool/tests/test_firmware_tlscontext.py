"""firmware/tlscontext.py under CPython's ssl: verification on with a CA, off with one warning per boot."""
import os
import shutil
import ssl
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import firmware_fixtures as fx  # noqa: E402


def load(**settings):
    """A fresh tlscontext module: a fresh module is what a board has after each boot."""
    module = fx.load_firmware('tlscontext', {'settings': fx.fake_settings('dht11-json-auth-tls', **settings)})
    printed = []
    module.print = printed.append
    return module, printed


class TlsContextTest(unittest.TestCase):
    def test_without_ca_the_warning_is_printed_once_per_boot(self):
        tls, printed = load()
        for _ in range(3):  # three reconnects
            self.assertEqual(tls.context().verify_mode, ssl.CERT_NONE)
        self.assertEqual(printed, ['[mqtt] WARNING: TLS without a CA file: the broker is NOT verified '
                                   '(set a CA to fix)'])
        tls, printed = load()  # the next boot warns again
        tls.context()
        self.assertEqual(len(printed), 1)

    def test_with_ca_the_broker_is_verified_and_nothing_is_printed(self):
        directory = tempfile.mkdtemp(prefix='picotool-tls-')
        self.addCleanup(shutil.rmtree, directory, True)
        pki = fx.make_test_pki(directory)
        tls, printed = load(MQTT_CA_FILE=pki['ca_der'])  # DER, as picotool ships it
        tls.time = fx.FakeClock()
        tls.time.localtime = lambda: (2025, 1, 1, 0, 0, 0, 2, 1)  # the board clock is set: no NTP
        ctx = tls.context()
        self.assertEqual(ctx.verify_mode, ssl.CERT_REQUIRED)
        self.assertEqual(printed, [])


if __name__ == '__main__':
    unittest.main()
