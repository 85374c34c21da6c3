# tlscontext.py - the TLS context for the MQTT connection. app.py imports this module (and with it ssl) only
# when settings.MQTT_TLS is on, so boards without TLS spend no RAM on it.
import time
import ssl
import settings

NOT_VERIFIED = '[mqtt] WARNING: TLS without a CA file: the broker is NOT verified (set a CA to fix)'
_warned = False  # the warning is printed once per boot, not on every reconnect


def ensure_clock():
    """mbedTLS checks the certificate dates against the board clock, and a Pico W powered up without
    a host starts at 2021-01-01, so every recent certificate looks 'not yet valid'. Ask NTP first."""
    if time.localtime()[0] >= 2024:
        return
    try:
        import ntptime
        ntptime.settime()
        print('[mqtt] board clock set from NTP for the certificate check')
    except Exception as e:
        print('[mqtt] WARNING: board clock not set (NTP: %s); the broker certificate may look not yet valid' % e)


def context():
    """A client SSLContext: verifying the broker against MQTT_CA_FILE, or (with a warning) not at all."""
    global _warned
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if settings.MQTT_CA_FILE:
        # Verify the broker against our CA. MicroPython refuses CERT_REQUIRED without
        # server_hostname, so the client passes MQTT_HOST (the broker certificate must name it).
        # The file is one DER certificate: MicroPython's mbedTLS has no PEM parser (extmod/modtls_mbedtls.c hands
        # the bytes to mbedtls_x509_crt_parse; docs/library/ssl.rst asks for DER). Passed as cadata bytes, which
        # MicroPython's ssl and CPython's both read as DER (CPython's cafile= would want PEM).
        ensure_clock()
        with open(settings.MQTT_CA_FILE, 'rb') as f:
            ctx.load_verify_locations(cadata=f.read())
        ctx.verify_mode = ssl.CERT_REQUIRED
        return ctx
    if hasattr(ctx, 'check_hostname'):
        ctx.check_hostname = False  # CPython refuses CERT_NONE while this is on
    ctx.verify_mode = ssl.CERT_NONE
    if not _warned:
        _warned = True
        print(NOT_VERIFIED)
    return ctx
