"""firmware/picomqtt.py (and mqttpacket.py, its packets' bytes) under CPython against a real mosquitto on loopback."""
import os
import socket
import sys
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import firmware_fixtures as fx  # noqa: E402

mqttpacket = fx.load_firmware('mqttpacket')
picomqtt = fx.load_firmware('picomqtt', {'mqttpacket': mqttpacket})


class EncodingTest(unittest.TestCase):
    def test_remaining_length_varint_round_trip(self):
        # boundaries from MQTT 3.1.1 table 2.4
        cases = {0: b'\x00', 127: b'\x7f', 128: b'\x80\x01', 16383: b'\xff\x7f',
                 16384: b'\x80\x80\x01', 2097151: b'\xff\xff\x7f', 268435455: b'\xff\xff\xff\x7f'}
        for n, enc in cases.items():
            self.assertEqual(mqttpacket.encode_length(n), enc)
            data = iter(enc)
            self.assertEqual(mqttpacket.decode_length(lambda: next(data)), n)
        with self.assertRaises(ValueError):
            mqttpacket.encode_length(268435456)
        five = iter(b'\xff\xff\xff\xff\x01')
        with self.assertRaises(mqttpacket.MQTTError):
            mqttpacket.decode_length(lambda: next(five))

    def test_connect_packet_bytes(self):
        c = picomqtt.MQTTClient('cid', 'h', user='u', password='pw', keepalive=60)
        c.set_last_will('s', 'offline', retain=True, qos=1)
        pkt = c._connect_packet(True)
        body = (b'\x00\x04MQTT\x04' + bytes([0x80 | 0x40 | 0x20 | 0x08 | 0x04 | 0x02]) + b'\x00\x3c'
                + b'\x00\x03cid' + b'\x00\x01s' + b'\x00\x07offline' + b'\x00\x01u' + b'\x00\x02pw')
        self.assertEqual(pkt, bytes([mqttpacket.CONNECT, len(body)]) + body)

    def test_subscribe_packet_bytes(self):
        # SUBSCRIBE: type 8 with reserved flags 0010, packet id, topic filter, requested QoS (section 3.8)
        self.assertEqual(picomqtt.subscribe_packet(7, 'homeassistant/status', 1),
                         b'\x82\x19\x00\x07\x00\x14homeassistant/status\x01')

    def test_incoming_publish_parsed(self):
        body = b'\x00\x03a/b' + b'online'
        self.assertEqual(picomqtt.parse_publish(0x30, body), (b'a/b', b'online', 0, None, False))
        body1 = b'\x00\x03a/b\x12\x34' + b'\xc2\xb0C'
        self.assertEqual(picomqtt.parse_publish(0x33, body1), (b'a/b', b'\xc2\xb0C', 1, 0x1234, True))
        self.assertEqual(picomqtt.parse_publish(0x30, b'\x00\x00'), (b'', b'', 0, None, False))

    def test_malformed_publish_is_an_mqtt_error_not_a_crash(self):
        for header, body in ((0x30, b''), (0x30, b'\x00'), (0x30, b'\x00\x09short'), (0x32, b'\x00\x01a\x00'),
                             (0x34, b'\x00\x01a\x00\x01x'), (0x36, b'\x00\x01a\x00\x01')):
            with self.assertRaises(picomqtt.MQTTError, msg=(header, body)):
                picomqtt.parse_publish(header, body)

    def test_password_never_in_repr(self):
        c = picomqtt.MQTTClient('cid', 'h', user='u', password='s3cret-pw')
        self.assertNotIn('s3cret-pw', repr(c))
        self.assertNotIn('s3cret-pw', str(vars(c).get('user')))


class WithBroker(unittest.TestCase):
    """A mosquitto of the test class's own."""

    @classmethod
    def setUpClass(cls):
        cls.broker = fx.Mosquitto()

    @classmethod
    def tearDownClass(cls):
        cls.broker.stop()


class BrokerTest(WithBroker):
    def client(self, cid, **kw):
        c = picomqtt.MQTTClient(cid, '127.0.0.1', self.broker.port, **kw)
        self.addCleanup(c.close)
        return c

    def test_publish_qos0_qos1_str_and_bytes(self):
        sub = fx.Subscriber(self.broker, 't/#')
        self.addCleanup(sub.stop)
        c = self.client('pub1')
        self.assertEqual(c.connect(timeout_s=5), 0)
        self.assertTrue(c.is_connected())
        c.publish('t/q0', '23.1')
        c.publish(b't/q1', b'\xc2\xb0C', qos=1)  # returns only after the matching PUBACK
        c.publish('t/utf8', '{"value": 21.5, "unit": "°C"}', qos=1)
        self.assertEqual(sub.wait_for('t/q0')[1:], (0, 't/q0', '23.1'))
        self.assertEqual(sub.wait_for('t/q1')[1:], (1, 't/q1', '°C'))
        self.assertEqual(sub.wait_for('t/utf8')[3], '{"value": 21.5, "unit": "°C"}')
        c.disconnect()
        self.assertFalse(c.is_connected())

    def test_many_qos1_and_large_payload(self):
        c = self.client('pub2')
        c.connect(timeout_s=5)
        for i in range(50):
            c.publish('big/n', str(i), qos=1)
        big = 'x' * 20000  # remaining length needs 3 varint bytes
        sub = fx.Subscriber(self.broker, 'big/blob')
        self.addCleanup(sub.stop)
        c.publish('big/blob', big, qos=1)
        self.assertEqual(len(sub.wait_for('big/blob')[3]), 20000)

    def test_retained_message(self):
        c = self.client('ret')
        c.connect(timeout_s=5)
        c.publish('r/status', 'online', retain=True, qos=1)
        c.disconnect()
        self.assertEqual(fx.retained(self.broker, 'r/status'), 'online')

    def test_last_will_on_dropped_socket_not_on_disconnect(self):
        c = self.client('willy')
        c.set_last_will('w/status', 'offline', retain=True)
        c.connect(timeout_s=5)
        c.publish('w/status', 'online', retain=True, qos=1)
        c.disconnect()  # clean goodbye: no will
        self.assertEqual(fx.retained(self.broker, 'w/status'), 'online')
        sub = fx.Subscriber(self.broker, 'w/status')
        self.addCleanup(sub.stop)
        c.connect(timeout_s=5)
        c.close()  # socket dropped without DISCONNECT, like a power loss
        fx.wait_until(lambda: any(m[3] == 'offline' for m in sub.messages), 5, 'the last will')
        self.assertEqual(fx.retained(self.broker, 'w/status'), 'offline')

    def test_keepalive_ping_and_poll(self):
        c = self.client('pinger', keepalive=1)
        c.connect(timeout_s=5)
        c.poll()  # nothing pending: must return at once
        # Ping every 0.4 s for 1.6 s; each PINGRESP is consumed by poll().
        end = time.monotonic() + 1.6
        while time.monotonic() < end:
            c.ping()
            fx.wait_until(lambda: (c.poll() or c._ping_sent is None), 2, 'PINGRESP')
            time.sleep(0.4)
        self.assertTrue(c.is_connected())
        c.publish('k/alive', 'yes', qos=1)

    def test_unanswered_ping_is_detected(self):
        # A server that answers CONNECT but never PINGREQ (a half-open link): the next ping() after
        # a whole keepalive period must raise instead of waiting forever.
        srv = socket.socket()
        srv.bind(('127.0.0.1', 0))
        srv.listen(1)
        self.addCleanup(srv.close)
        import threading

        def serve():
            conn, _ = srv.accept()
            conn.recv(100)
            conn.sendall(b'\x20\x02\x00\x00')  # CONNACK accepted
            conn.settimeout(5)
            try:
                while conn.recv(100):
                    pass
            except OSError:
                pass
            conn.close()
        threading.Thread(target=serve, daemon=True).start()
        c = picomqtt.MQTTClient('x', '127.0.0.1', srv.getsockname()[1], keepalive=1)
        self.addCleanup(c.close)
        c.connect(timeout_s=2)
        c.ping()
        c.poll()
        self.assertIsNotNone(c._ping_sent)
        c._ping_sent -= 5000  # pretend the PINGREQ went out 5 s ago
        with self.assertRaises(picomqtt.MQTTError) as cm:
            c.ping()
        self.assertIn('no PINGRESP', str(cm.exception))
        self.assertFalse(c.is_connected())

    def test_session_takeover_is_reported(self):
        a = self.client('same-id')
        b = self.client('same-id')
        a.connect(timeout_s=5)
        b.connect(timeout_s=5)  # the broker kicks the older connection
        with self.assertRaises(picomqtt.MQTTError) as cm:
            fx.wait_until(lambda: a.poll(), 3, 'kick')
        self.assertIn('connection closed by broker', str(cm.exception))
        self.assertFalse(a.is_connected())
        b.publish('still/here', 'yes', qos=1)

    def test_broker_down_raises_oserror(self):
        port = fx.free_port()  # nothing listens there
        c = picomqtt.MQTTClient('x', '127.0.0.1', port)
        with self.assertRaises(OSError):
            c.connect(timeout_s=2)
        self.assertFalse(c.is_connected())

    def test_connack_timeout(self):
        # A server that accepts TCP but never answers CONNECT: connect() must give up in time.
        srv = socket.socket()
        srv.bind(('127.0.0.1', 0))
        srv.listen(1)
        self.addCleanup(srv.close)
        c = picomqtt.MQTTClient('x', '127.0.0.1', srv.getsockname()[1])
        outcome = []

        def attempt():
            try:
                c.connect(timeout_s=0.5)
                outcome.append('connected')
            except OSError as e:
                outcome.append(e)

        t = threading.Thread(target=attempt, daemon=True)
        t.start()
        t.join(30)                                   # a hang guard, not a timing assertion
        self.assertEqual(len(outcome), 1, 'connect() did not give up')
        self.assertIsInstance(outcome[0], OSError)

    def test_server_closes_before_connack(self):
        srv = socket.socket()
        srv.bind(('127.0.0.1', 0))
        srv.listen(1)
        self.addCleanup(srv.close)
        import threading

        def accept_and_close():
            conn, _ = srv.accept()
            conn.recv(100)
            conn.close()
        threading.Thread(target=accept_and_close, daemon=True).start()
        c = picomqtt.MQTTClient('x', '127.0.0.1', srv.getsockname()[1])
        with self.assertRaises(picomqtt.MQTTError) as cm:
            c.connect(timeout_s=3)
        self.assertIn('connection closed by broker', str(cm.exception))


class SubscribeTest(WithBroker):
    """SUBSCRIBE/SUBACK and incoming PUBLISH (QoS 0 and 1) against a real mosquitto."""

    def listener(self, cid, topic, qos):
        c = picomqtt.MQTTClient(cid, '127.0.0.1', self.broker.port)
        self.addCleanup(c.close)
        got = []
        c.on_message = lambda t, m, r: got.append((t, m, r))
        c.connect(timeout_s=5)
        c.subscribe(topic, qos)
        return c, got

    def send(self, cid, *messages):
        p = picomqtt.MQTTClient(cid, '127.0.0.1', self.broker.port)
        p.connect(timeout_s=5)
        for topic, msg, retain, qos in messages:
            p.publish(topic, msg, retain=retain, qos=qos)
        p.disconnect()

    def test_messages_arrive_qos0_and_qos1_with_puback(self):
        c, got = self.listener('sub-a', 'ha/status', 1)
        self.send('sub-a-pub', ('ha/status', 'online', False, 0), ('ha/status', 'offline', False, 1))
        fx.wait_until(lambda: c.poll() or len(got) == 2, 5, 'two messages')
        self.assertEqual(got, [(b'ha/status', b'online', False), (b'ha/status', b'offline', False)])
        # The QoS 1 delivery was acknowledged: the broker keeps the session going (and would resend otherwise).
        c.publish('ha/other', 'x', qos=1)
        self.assertTrue(c.is_connected())

    def test_retained_message_is_flagged(self):
        self.send('sub-r-pub', ('hr/status', 'online', True, 1))
        c, got = self.listener('sub-r', 'hr/status', 0)
        fx.wait_until(lambda: c.poll() or got, 5, 'the retained message')
        self.assertEqual(got, [(b'hr/status', b'online', True)])

    def test_messages_while_waiting_for_a_puback_are_not_lost(self):
        c, got = self.listener('sub-w', 'hw/#', 0)
        c.publish('hw/self', 'echo', qos=1)  # our own message comes back while we wait for its PUBACK
        fx.wait_until(lambda: c.poll() or got, 5, 'the echo')
        self.assertEqual(got[0][:2], (b'hw/self', b'echo'))

    def test_a_huge_message_is_dropped_and_the_session_goes_on(self):
        c, got = self.listener('sub-big', 'hb/#', 0)
        self.send('sub-big-pub', ('hb/big', 'x' * 100000, False, 0), ('hb/small', 'ok', False, 0))
        fx.wait_until(lambda: c.poll() or got, 5, 'the small message')
        self.assertEqual(got, [(b'hb/small', b'ok', False)])
        self.assertTrue(c.is_connected())

    def test_refused_subscription_is_reported(self):
        c = picomqtt.MQTTClient('sub-bad', '127.0.0.1', self.broker.port)
        self.addCleanup(c.close)
        c.connect(timeout_s=5)
        with self.assertRaises(picomqtt.MQTTError) as cm:
            c.subscribe('bad/#/filter')  # '#' must be last: mosquitto refuses (or drops) it
        self.assertTrue('subscription' in str(cm.exception) or 'closed' in str(cm.exception), cm.exception)


class AuthTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.broker = fx.Mosquitto(users={'pico': 'right-pass'})

    @classmethod
    def tearDownClass(cls):
        cls.broker.stop()

    def test_good_password(self):
        c = picomqtt.MQTTClient('authok', '127.0.0.1', self.broker.port, user='pico', password='right-pass')
        self.addCleanup(c.close)
        c.connect(timeout_s=5)
        c.publish('a/x', '1', retain=True, qos=1)
        c.disconnect()
        self.assertEqual(fx.retained(self.broker, 'a/x', user='pico', password='right-pass'), '1')

    def test_bad_password_is_human_and_secret_free(self):
        c = picomqtt.MQTTClient('authbad', '127.0.0.1', self.broker.port, user='pico', password='wrong-pass')
        with self.assertRaises(picomqtt.MQTTError) as cm:
            c.connect(timeout_s=5)
        e = cm.exception
        self.assertIn(e.code, (4, 5))
        self.assertIn(picomqtt.CONNACK_MESSAGES[e.code], str(e))
        self.assertIn('CONNACK code %d' % e.code, str(e))
        self.assertNotIn('wrong-pass', str(e))
        self.assertFalse(c.is_connected())

    def test_anonymous_refused(self):
        c = picomqtt.MQTTClient('anon', '127.0.0.1', self.broker.port)
        with self.assertRaises(picomqtt.MQTTError) as cm:
            c.connect(timeout_s=5)
        self.assertIn(cm.exception.code, (4, 5))


class TLSTest(unittest.TestCase):
    """TLS the way main.py sets it up (ssl.SSLContext(PROTOCOL_TLS_CLIENT)), on CPython's ssl."""

    @classmethod
    def setUpClass(cls):
        cls.broker = fx.Mosquitto(tls=True)

    @classmethod
    def tearDownClass(cls):
        cls.broker.stop()

    def context(self, cafile=None):
        import ssl
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        if cafile:
            ctx.load_verify_locations(cafile=cafile)
            ctx.verify_mode = ssl.CERT_REQUIRED
        else:
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE
        return ctx

    def client(self, cid, ctx):
        c = picomqtt.MQTTClient(cid, '127.0.0.1', self.broker.port, keepalive=30, ssl_context=ctx)
        self.addCleanup(c.close)
        return c

    def test_verified_tls_publish_poll_ping(self):
        c = self.client('tls-ok', self.context(self.broker.pki['ca']))
        c.set_last_will('tls/status', 'offline', retain=True)
        c.connect(timeout_s=5)
        c.poll()  # non-blocking read on a TLS socket must not break it
        c.ping()
        fx.wait_until(lambda: (c.poll() or c._ping_sent is None), 3, 'PINGRESP over TLS')
        c.publish('tls/status', 'online', retain=True, qos=1)
        ca = self.broker.pki['ca']
        self.assertEqual(fx.retained(self.broker, 'tls/status', cafile=ca), 'online')
        c.close()  # dropped without DISCONNECT: the will fires over TLS too
        fx.wait_until(lambda: fx.retained(self.broker, 'tls/status', cafile=ca) == 'offline', 5, 'the will')

    def test_wrong_ca_is_refused(self):
        import ssl
        c = self.client('tls-bad', self.context(self.broker.pki['other_ca']))
        with self.assertRaises(ssl.SSLCertVerificationError):
            c.connect(timeout_s=5)
        self.assertFalse(c.is_connected())

    def test_unverified_tls_still_works(self):
        c = self.client('tls-none', self.context(None))
        c.connect(timeout_s=5)
        c.publish('tls/x', '1', qos=1)
        c.disconnect()

    def test_kicked_tls_client_sees_closed_connection(self):
        a = self.client('tls-same', self.context(self.broker.pki['ca']))
        b = self.client('tls-same', self.context(self.broker.pki['ca']))
        a.connect(timeout_s=5)
        b.connect(timeout_s=5)

        def closed():
            try:
                a.poll()
                a.publish('tls/kick', 'x')
            except picomqtt.MQTTError as e:
                return e
            return None
        e = fx.wait_until(closed, 3, 'the broker to drop the older TLS client')
        self.assertIn('connection closed by broker', str(e))


if __name__ == '__main__':
    unittest.main()
