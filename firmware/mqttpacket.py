# mqttpacket.py - the bytes of MQTT 3.1.1 (OASIS standard, sections cited below) for picomqtt.py: building CONNECT,
# PUBLISH and SUBSCRIBE, reading the remaining length and an incoming PUBLISH. No sockets here, so every packet can be
# checked byte for byte on CPython and on real MicroPython.
import struct

# Control packet types (high nibble of the fixed header), MQTT 3.1.1 section 2.2.1.
CONNECT = 0x10
CONNACK = 0x20
PUBLISH = 0x30
PUBACK = 0x40
SUBSCRIBE = 0x82  # type 8; its reserved flags must be 0010 (section 3.8.1)
SUBACK = 0x90
PINGREQ = 0xC0
PINGRESP = 0xD0
DISCONNECT = 0xE0

# PUBLISH fixed-header flags (low nibble).
PUBLISH_RETAIN = 0x01
PUBLISH_QOS1 = 0x02
PUBLISH_QOS_MASK = 0x06
SUBACK_FAILURE = 0x80  # the return code of a refused subscription (section 3.9.3)

# CONNECT flags (section 3.1.2.3).
FLAG_CLEAN_SESSION = 0x02
FLAG_WILL = 0x04
FLAG_WILL_RETAIN = 0x20
FLAG_PASSWORD = 0x40
FLAG_USERNAME = 0x80

PROTOCOL_NAME = b'MQTT'
PROTOCOL_LEVEL = 4  # MQTT 3.1.1
MAX_LENGTH = 268435455  # largest remaining length a 4-byte varint can carry
# CONNACK return codes -> words a student can act on (section 3.2.2.3).
CONNACK_MESSAGES = {
    1: 'unacceptable protocol version',
    2: 'client id rejected',
    3: 'server unavailable',
    4: 'bad user name or password',
    5: 'not authorised',
}

class MQTTError(Exception):
    """Protocol-level failure. code is the CONNACK return code when the broker refused us, else None."""

    def __init__(self, message, code=None):
        super().__init__(message)
        self.code = code


def to_bytes(value):
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    return str(value).encode('utf-8')


def encode_length(n):
    """Remaining-length varint: 7 bits per byte, high bit = more bytes follow (max 4 bytes)."""
    if n < 0 or n > MAX_LENGTH:
        raise ValueError('MQTT packet too large')
    out = bytearray()
    while True:
        digit = n & 0x7F
        n >>= 7
        if n:
            digit |= 0x80
        out.append(digit)
        if not n:
            return bytes(out)


def decode_length(read_byte):
    """Inverse of encode_length; read_byte() returns the next byte as an int."""
    n = 0
    for shift in (0, 7, 14, 21):
        b = read_byte()
        n |= (b & 0x7F) << shift
        if not b & 0x80:
            return n
    raise MQTTError('malformed remaining length from broker')


def field(data):
    """A length-prefixed UTF-8 string / binary field."""
    data = to_bytes(data)
    return struct.pack('!H', len(data)) + data


def subscribe_packet(pid, topic, qos=0):
    """SUBSCRIBE for one topic filter (section 3.8)."""
    body = struct.pack('!H', pid) + field(topic) + bytes([qos])
    return bytes([SUBSCRIBE]) + encode_length(len(body)) + body


def parse_publish(header, body):
    """An incoming PUBLISH -> (topic bytes, payload bytes, qos, packet id or None, retained).
    Raises MQTTError for a packet that cannot be one (section 3.3)."""
    qos = (header & PUBLISH_QOS_MASK) >> 1
    if len(body) < 2:
        raise MQTTError('malformed PUBLISH from broker')
    tlen = struct.unpack('!H', body[:2])[0]
    end = 2 + tlen
    pid = None
    if qos:
        if qos > 1 or len(body) < end + 2:
            raise MQTTError('malformed PUBLISH from broker (QoS %d)' % qos)
        pid = struct.unpack('!H', body[end:end + 2])[0]
        start = end + 2
    else:
        start = end
    if len(body) < end:
        raise MQTTError('malformed PUBLISH from broker')
    return bytes(body[2:end]), bytes(body[start:]), qos, pid, bool(header & PUBLISH_RETAIN)


def connect_packet(client_id, keepalive, clean_session, will=None, user=None, password=None):
    """CONNECT (section 3.1); will = (topic, message, retain, qos) or None."""
    flags = FLAG_CLEAN_SESSION if clean_session else 0
    payload = field(client_id)  # payload order is fixed: id, will topic/message, user, password
    if will:
        topic, msg, retain, qos = will
        flags |= FLAG_WILL | (qos << 3) | (FLAG_WILL_RETAIN if retain else 0)
        payload += field(topic) + field(msg)
    if user is not None:
        flags |= FLAG_USERNAME
        payload += field(user)
        if password is not None:  # 3.1.1: a password needs a user name
            flags |= FLAG_PASSWORD
            payload += field(password)
    body = field(PROTOCOL_NAME) + struct.pack('!BBH', PROTOCOL_LEVEL, flags, keepalive) + payload
    return bytes([CONNECT]) + encode_length(len(body)) + body


def publish_packet(topic, msg, retain, pid=None):
    """PUBLISH (section 3.3): QoS 1 with a packet id, else QoS 0."""
    header = PUBLISH | (PUBLISH_RETAIN if retain else 0)
    var = field(topic)
    if pid is not None:
        header |= PUBLISH_QOS1
        var += struct.pack('!H', pid)
    body = var + to_bytes(msg)
    return bytes([header]) + encode_length(len(body)) + body
