"""firmware/mqtterrors.py under CPython: the text of every kind of [mqtt] FAILED line."""
import os
import socket
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import firmware_fixtures as fx  # noqa: E402

picomqtt = fx.load_firmware('picomqtt')
errors = fx.load_firmware('mqtterrors', {'settings': fx.fake_settings(), 'picomqtt': picomqtt})
NO_ANSWER = 'no answer from broker 192.168.1.11:1883 ('


class ExplainTest(unittest.TestCase):
    def explain(self, e):
        text = errors.explain(e, 'pico-cid')
        self.assertRegex(text, r'^[^\n]+ \(.*\)\. Fix: [^\n]+$')  # '<reason> (<detail>). Fix: ...', one line
        return text

    def test_receive_timeout_is_no_answer_on_rp2_and_on_posix_ports(self):
        # rp2 (lwIP) raises ETIMEDOUT when settimeout() expires; the unix port raises EAGAIN.
        for e in (OSError(110), OSError(11), OSError(11, 'read would block'), socket.timeout('timed out')):
            self.assertTrue(self.explain(e).startswith(NO_ANSWER), e)

    def test_unreachable_networks_are_no_answer(self):
        for errno in (101, 112, 113):
            self.assertTrue(self.explain(OSError(errno)).startswith(NO_ANSWER), errno)

    def test_refused(self):
        for errno in (104, 111):  # lwIP reports a refused connect as ECONNRESET
            self.assertTrue(self.explain(OSError(errno)).startswith('broker 192.168.1.11:1883 refused the connection'))

    def test_connack_codes(self):
        for code in (4, 5):
            self.assertTrue(self.explain(picomqtt.MQTTError('x', code)).startswith('broker rejected the login'))
        self.assertIn("client id 'pico-cid'", self.explain(picomqtt.MQTTError('x', 2)))
        self.assertTrue(self.explain(picomqtt.MQTTError('x', 3)).startswith('broker refused the connection'))
        self.assertTrue(self.explain(picomqtt.MQTTError('closed')).startswith('MQTT connection lost'))

    def test_resolve_tls_and_unexpected(self):
        self.assertTrue(self.explain(OSError(-2)).startswith('cannot resolve or reach'))
        self.assertTrue(self.explain(ValueError('invalid cert')).startswith('TLS setup or certificate check failed'))
        self.assertTrue(self.explain(OSError(-9984, 'certificate not yet valid')).startswith(
            'broker certificate is not valid yet'))
        self.assertTrue(self.explain(KeyError('x')).startswith('unexpected error (KeyError: '))

    def test_mbedtls_verification_messages_stay_on_one_line(self):
        # extmod/modtls_mbedtls.c raises ValueError with mbedtls_x509_crt_verify_info's text: '\n<reason>\n' per flag.
        e = ValueError('\nThe certificate Common Name (CN) does not match with the expected CN\n'
                       '\nThe certificate is not correctly signed by the trusted CA\n')
        self.assertEqual(self.explain(e), 'TLS setup or certificate check failed (The certificate Common Name (CN) '
                         'does not match with the expected CN The certificate is not correctly signed by the trusted '
                         'CA). Fix: check the CA file and that the broker certificate names MQTT_HOST.')
        future = ValueError('\nThe certificate validity starts in the future\n')
        self.assertTrue(self.explain(future).startswith('broker certificate is not valid yet by the board clock'))


if __name__ == '__main__':
    unittest.main()
