# mqtterrors.py - what an MQTT failure means and how to fix it: the text of the "[mqtt] FAILED: ..." line.
# app.py imports this module on the first failure only: a healthy board never spends RAM on these texts.
import picomqtt
import settings

# errno values of a connect or read that got no answer in time. A receive timeout is ETIMEDOUT on rp2
# (lwIP sockets, extmod/modlwip.c) but EAGAIN on ports with POSIX sockets (ports/unix/modsocket.c);
# ENETUNREACH (101), EHOSTDOWN (112) and EHOSTUNREACH (113) mean the same to a user: the broker did not answer.
NO_ANSWER_ERRNOS = (110, 11, 101, 112, 113)
# A refused connect (nothing listening): lwIP on the Pico reports it as ECONNRESET (104), CPython as 111.
REFUSED_ERRNOS = (111, 104)
# getaddrinfo failures: negative resolver codes (lwIP's on the Pico, CPython's EAI_* on the virtual Pico).
RESOLVE_ERRNOS = (-2, -3, -6, -202)


def explain(e, client_id):
    """'<human reason> (<detail>). Fix: ...' for the [mqtt] FAILED line."""
    code = getattr(e, 'code', None)
    # One line on the console: mbedTLS's certificate messages come as '\n<reason>\n' (modtls_mbedtls.c passes
    # mbedtls_x509_crt_verify_info's text, one reason per line, to ValueError).
    text = ' '.join(str(e).split())
    errno = e.args[0] if (isinstance(e, OSError) and e.args) else None
    where = '%s:%d' % (settings.MQTT_HOST, settings.MQTT_PORT)
    if isinstance(e, picomqtt.MQTTError):
        if code is not None:
            detail = 'CONNACK code %d: %s' % (code, picomqtt.CONNACK_MESSAGES.get(code, 'unknown'))
            if code in (4, 5):
                return 'broker rejected the login (%s). Fix: check MQTT_USER and MQTT_PASSWORD.' % detail
            if code == 2:
                return ("broker rejected client id '%s' (%s). Fix: set another MQTT client id."
                        % (client_id, detail))
            return 'broker refused the connection (%s). Fix: check the broker log.' % detail
        return ('MQTT connection lost (%s). Fix: check the broker log; two devices with the same '
                'client id kick each other out.' % text)
    if errno in REFUSED_ERRNOS:
        return ('broker %s refused the connection (%s). Fix: is the broker running and listening on '
                'the network (mosquitto 2 needs a listener line), is the port right, and is it not a TLS-only '
                'port?' % (where, text))
    if errno in NO_ANSWER_ERRNOS or 'timed out' in text:
        return ('no answer from broker %s (%s). Fix: check MQTT_HOST and the port, that the broker '
                'is on the same network, and its firewall.' % (where, text))
    if isinstance(e, OSError) and errno in RESOLVE_ERRNOS:
        return 'cannot resolve or reach %s (%s). Fix: use the broker IP address; check Wi-Fi.' % (where, text)
    if 'not yet valid' in text or 'starts in the future' in text:
        return ('broker certificate is not valid yet by the board clock (%s). Fix: let the board reach an NTP '
                'server, or check the certificate dates.' % text)
    if isinstance(e, ValueError) or 'SSL' in type(e).__name__:
        return ('TLS setup or certificate check failed (%s). Fix: check the CA file and that the '
                'broker certificate names MQTT_HOST.' % text)
    return 'unexpected error (%s: %s). Fix: see the message; the board retries.' % (type(e).__name__, text)
