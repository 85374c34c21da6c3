# picomqtt.py - a small MQTT 3.1.1 client for the picotool firmware.
#
# The official Pico W firmware has no umqtt, so the device ships this file (and mqttpacket.py, the packets' bytes).
# It runs unchanged on MicroPython (rp2) and on CPython 3.11 (the virtual Pico): only socket.getaddrinfo/socket/
# connect/settimeout/sendall/recv/close, struct and time.ticks_ms/ticks_diff are used.
# Publish QoS 0 and 1, retain, last will, user/password, keepalive ping, optional TLS; subscribe and receive
# (QoS 0 and 1) for the few control topics the firmware listens to (Home Assistant's birth message).
import socket
import struct
import time
from mqttpacket import (MQTTError, CONNACK_MESSAGES, CONNACK, PUBLISH, PUBACK, SUBACK, PINGREQ, PINGRESP,
                        DISCONNECT, SUBACK_FAILURE, to_bytes, decode_length, parse_publish, subscribe_packet,
                        connect_packet, publish_packet)

# Incoming packets larger than this are read and thrown away in small pieces instead of kept: whatever someone
# publishes to a topic we listen to must never use up the board's RAM (the birth message is 'online').
MAX_INCOMING = 1024
DISCARD_CHUNK = 256
# errno values meaning "no data yet" on a non-blocking socket: EAGAIN on Linux and rp2 (11),
# macOS (35), Windows (10035).
_WOULD_BLOCK = (11, 35, 10035)


def _peer_closed(e):
    # A TLS peer that went away shows up as an error, not as b'': CPython raises SSLEOFError /
    # SSLZeroReturnError; mbedTLS (MicroPython) gives MBEDTLS_ERR_SSL_CONN_EOF / _PEER_CLOSE_NOTIFY.
    if type(e).__name__ in ('SSLEOFError', 'SSLZeroReturnError'):
        return True
    return bool(e.args) and e.args[0] in (-0x7280, -0x7880)


def _would_block(e):
    # CPython: BlockingIOError / ssl.SSLWantReadError; MicroPython: OSError(EAGAIN).
    if type(e).__name__ in ('BlockingIOError', 'SSLWantReadError', 'SSLWantWriteError'):
        return True
    return bool(e.args) and e.args[0] in _WOULD_BLOCK


class MQTTClient:
    def __init__(self, client_id, host, port=1883, user=None, password=None, keepalive=60,
                 ssl_context=None, server_hostname=None):
        self.client_id = to_bytes(client_id)
        self.host = host
        self.port = port
        self.user = user
        self._password = password  # never printed or put in an exception message
        self.keepalive = keepalive
        self.ssl_context = ssl_context
        self.server_hostname = server_hostname or host
        self.timeout_s = 10
        self._will = None
        self._sock = None
        self._raw = None
        self._pid = 0
        self._ping_sent = None  # ticks_ms of the oldest unanswered PINGREQ
        # on_message(topic bytes, payload bytes, retained) for every PUBLISH the broker delivers. It runs inside
        # poll() or while publish() waits for its PUBACK, so it should only take note (it must not publish).
        self.on_message = None
        # tick() is called between the blocking steps (connect, TLS, each wait for an answer): the firmware feeds
        # its watchdog there, so no single step has to fit the whole connect into one watchdog period.
        self.tick = None

    def set_last_will(self, topic, msg, retain=False, qos=0):
        """Must be called before connect(): the will travels in the CONNECT packet."""
        if qos not in (0, 1):
            raise ValueError('will qos must be 0 or 1')
        self._will = (to_bytes(topic), to_bytes(msg), retain, qos)

    # ---- socket plumbing -------------------------------------------------------------------
    def _settimeout(self, t):
        # MicroPython's TLS socket has no settimeout(): its reads go through the raw socket, so set
        # it there. CPython's SSLSocket has settimeout() (and the raw socket is detached by wrap).
        s = self._sock if hasattr(self._sock, 'settimeout') else self._raw
        s.settimeout(t)

    def _send(self, data):
        if self._sock is None:
            raise MQTTError('not connected')
        try:
            if hasattr(self._sock, 'sendall'):
                self._sock.sendall(data)
            else:  # MicroPython TLS socket: stream write() sends everything on a blocking socket
                self._sock.write(data)
        except OSError as e:
            self.close()
            if _peer_closed(e):
                raise MQTTError('connection closed by broker')
            raise

    def _recv(self, n):
        try:
            if hasattr(self._sock, 'recv'):
                return self._sock.recv(n)
            return self._sock.read(n)  # MicroPython TLS socket; None = would block
        except OSError as e:
            if _peer_closed(e):
                raise MQTTError('connection closed by broker')
            raise

    def _read_exact(self, n):
        buf = b''
        while len(buf) < n:
            chunk = self._recv(n - len(buf))
            if chunk is None:
                raise OSError(11, 'read would block')
            if not chunk:
                raise MQTTError('connection closed by broker')
            buf += chunk
        return buf

    def _read_packet(self, first=None):
        """Read one packet (blocking, with the socket timeout). Returns (header byte, body); body is None for a
        packet too large to keep (it was read and dropped)."""
        try:
            if first is None:
                first = self._read_exact(1)
            length = decode_length(lambda: self._read_exact(1)[0])
            if length > MAX_INCOMING:
                while length:
                    n = DISCARD_CHUNK if length > DISCARD_CHUNK else length
                    self._read_exact(n)
                    length -= n
                return first[0], None
            body = self._read_exact(length) if length else b''
        except Exception:
            self.close()
            raise
        return first[0], body

    def _tick(self):
        if self.tick is not None:
            self.tick()

    def _poll_packet(self):
        """Return a pending packet or None, without blocking."""
        if self._sock is None:
            raise MQTTError('not connected')
        self._settimeout(0)
        try:
            first = self._recv(1)
        except (OSError, MQTTError) as e:
            if isinstance(e, OSError) and _would_block(e):
                return None
            self.close()
            raise
        finally:
            if self._sock is not None:
                self._settimeout(self.timeout_s)
        if first is None:
            return None
        if not first:
            self.close()
            raise MQTTError('connection closed by broker')
        return self._read_packet(first)

    def _handle(self, header, body):
        """Handle a packet that is not the one being waited for."""
        kind = header & 0xF0
        if kind == PINGRESP:
            self._ping_sent = None
        elif kind == PUBLISH and body is not None:
            topic, msg, qos, pid, retained = parse_publish(header, body)
            if qos:  # acknowledge first: the broker resends an unacknowledged QoS 1 message
                self._send(struct.pack('!BBH', PUBACK, 2, pid))
            if self.on_message is not None:
                self.on_message(topic, msg, retained)

    # ---- connection ------------------------------------------------------------------------
    def connect(self, timeout_s=10, clean_session=True):
        self.close()
        self.timeout_s = timeout_s
        last = None
        s = None
        self._tick()
        for ai in socket.getaddrinfo(self.host, self.port):
            if ai[1] and ai[1] != socket.SOCK_STREAM:
                continue  # CPython also lists UDP and raw entries; try each TCP address in turn
            s = socket.socket(ai[0], socket.SOCK_STREAM)
            s.settimeout(timeout_s)
            try:
                s.connect(ai[-1])
                break
            except OSError as e:
                s.close()
                last = e
                s = None
        if s is None:
            raise last or OSError('no address for %s' % self.host)
        self._raw = self._sock = s
        try:
            if self.ssl_context is not None:
                self._tick()
                self._sock = self.ssl_context.wrap_socket(s, server_hostname=self.server_hostname)
            self._tick()
            self._send(self._connect_packet(clean_session))
            header, body = self._read_packet()
        except Exception:
            self.close()
            raise
        if header != CONNACK or body is None or len(body) != 2:
            self.close()
            raise MQTTError('unexpected answer to CONNECT (packet 0x%02x)' % header)
        rc = body[1]
        if rc:
            self.close()
            raise MQTTError('broker refused the connection: %s (CONNACK code %d)'
                            % (CONNACK_MESSAGES.get(rc, 'unknown reason'), rc), rc)
        self._ping_sent = None
        return body[0] & 1  # session present

    def _connect_packet(self, clean_session):
        return connect_packet(self.client_id, self.keepalive, clean_session, self._will, self.user, self._password)

    def is_connected(self):
        return self._sock is not None

    def close(self):
        """Drop the socket without DISCONNECT (the broker then sends the last will)."""
        s = self._sock
        self._sock = None
        for obj in (s, self._raw):
            if obj is not None:
                try:
                    obj.close()
                except Exception:
                    pass
        self._raw = None

    def disconnect(self):
        """Clean goodbye: the broker discards the last will."""
        if self._sock is not None:
            try:
                self._send(bytes([DISCONNECT, 0]))
            except Exception:
                pass
        self.close()

    # ---- traffic ---------------------------------------------------------------------------
    def publish(self, topic, msg, retain=False, qos=0):
        if qos not in (0, 1):
            raise ValueError('qos must be 0 or 1')
        pid = self._next_pid() if qos else None
        self._tick()
        self._send(publish_packet(topic, msg, retain, pid))
        if qos:
            self._wait_ack(PUBACK, pid)

    def _wait_ack(self, kind, pid):
        """Read packets until the acknowledgement `kind` for packet id `pid`; returns its body."""
        start = time.ticks_ms()
        while time.ticks_diff(time.ticks_ms(), start) < self.timeout_s * 1000:
            header, body = self._read_packet()  # socket timeout bounds each wait
            self._tick()
            if header & 0xF0 == kind and body is not None and len(body) >= 2 \
                    and struct.unpack('!H', body[:2])[0] == pid:
                return body
            self._handle(header, body)
        self.close()
        raise MQTTError('no %s for packet %d within %s s' % ('PUBACK' if kind == PUBACK else 'SUBACK', pid,
                                                            self.timeout_s))

    def _next_pid(self):
        self._pid = self._pid % 65535 + 1  # packet ids are 1..65535
        return self._pid

    def subscribe(self, topic, qos=0):
        """Subscribe to one topic filter and wait for the SUBACK. Messages arrive through on_message."""
        if qos not in (0, 1):
            raise ValueError('qos must be 0 or 1')
        pid = self._next_pid()
        self._tick()
        self._send(subscribe_packet(pid, topic, qos))
        body = self._wait_ack(SUBACK, pid)
        if len(body) < 3 or body[2] == SUBACK_FAILURE:
            raise MQTTError('broker refused the subscription to %s' % to_bytes(topic).decode())

    def ping(self):
        """Send PINGREQ. Raises if an earlier PINGREQ went unanswered for a whole keepalive period
        (a half-open TCP connection, e.g. after the Pico W's idle Wi-Fi drop-out)."""
        if self._ping_sent is not None:
            limit = max(self.keepalive, self.timeout_s) * 1000
            if time.ticks_diff(time.ticks_ms(), self._ping_sent) > limit:
                self.close()
                raise MQTTError('no PINGRESP from broker: connection lost')
        self._send(bytes([PINGREQ, 0]))
        if self._ping_sent is None:
            self._ping_sent = time.ticks_ms()

    def poll(self):
        """Handle everything pending (PINGRESP, PUBACK, ...) without blocking."""
        while True:
            packet = self._poll_packet()
            if packet is None:
                return
            self._handle(packet[0], packet[1])
