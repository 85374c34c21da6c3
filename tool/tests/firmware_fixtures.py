"""Shared fixtures for the firmware tests (python3 stdlib only).

- time shims: add MicroPython's ticks_ms/ticks_diff/sleep_ms to CPython's time (as the virtual Pico does)
- FakeClock: virtual time for code that sleeps (wifi timeouts, DHT pacing) so tests run instantly
- Mosquitto: a real broker on a free loopback port (password file, TLS; pause()/resume() on the same port)
- Subscriber: a real `mosquitto_sub -d` process; waits for its SUBACK before the test publishes
- load_firmware(name, fakes): import firmware/<name>.py fresh with fake modules in sys.modules
- load_app(**settings): app.py with the fake hardware, for the modules that read the board's identity from it
- fake_settings(variant, **overrides): a settings module as picotool renders it, values overridden
- the fake hardware modules themselves live in firmware_fakes.py (re-exported here)
"""
import importlib.util
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time

from firmware_fakes import FAKE_DHT, FAKE_MACHINE, FAKE_NETWORK, FAKE_SSL, make_module, micropython_gc  # noqa: F401

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIRMWARE = os.path.join(REPO, 'firmware')
TEMPLATES = os.path.join(REPO, 'templates')


def install_time_shims():
    """MicroPython time API on CPython, like the virtual Pico provides."""
    if not hasattr(time, 'ticks_ms'):
        time.ticks_ms = lambda: int(time.monotonic() * 1000)
        time.ticks_diff = lambda a, b: a - b
        time.sleep_ms = lambda ms: time.sleep(ms / 1000.0)


def install_os_shims():
    """MicroPython's os.ilistdir on CPython: (name, type, inode) tuples, type 0x4000 for a directory."""
    import os
    if not hasattr(os, 'ilistdir'):
        os.ilistdir = lambda d='.': iter([(e.name, 0x4000 if e.is_dir() else 0x8000, 0) for e in os.scandir(d)])


def wait_until(predicate, timeout_s=5.0, what='condition'):
    """Poll predicate until it returns a truthy value or the deadline passes."""
    deadline = time.monotonic() + timeout_s
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError('timed out after %.1f s waiting for %s' % (timeout_s, what))
        time.sleep(0.02)


class FakeClock:
    """Stands in for the `time` module inside a firmware module: sleeping advances virtual time."""

    def __init__(self):
        self.now_ms = 1000
        self.sleeps = []

    def ticks_ms(self):
        return self.now_ms

    def ticks_diff(self, a, b):
        return a - b

    def sleep_ms(self, ms):
        self.sleeps.append(ms)
        self.now_ms += ms

    def sleep(self, s):
        self.sleep_ms(int(s * 1000))

    def advance(self, ms):
        self.now_ms += ms


def load_firmware(name, fakes=None):
    """Import firmware/<name>.py as a fresh module with `fakes` ({module name: module}) injected (picomqtt gets its
    mqttpacket unless one is given)."""
    install_time_shims()
    if name == 'picomqtt' and 'mqttpacket' not in (fakes or {}):
        fakes = dict(fakes or {}, mqttpacket=load_firmware('mqttpacket'))
    saved = {}
    for mod_name, mod in (fakes or {}).items():
        saved[mod_name] = sys.modules.get(mod_name)
        sys.modules[mod_name] = mod
    try:
        spec = importlib.util.spec_from_file_location('fw_' + name, os.path.join(FIRMWARE, name + '.py'))
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        for mod_name, mod in saved.items():
            if mod is None:
                sys.modules.pop(mod_name, None)
            else:
                sys.modules[mod_name] = mod


def fake_settings(variant='default', **overrides):
    """A settings module: the rendered settings.py of a golden variant (src/test/resources/golden/), with overrides."""
    with open(os.path.join(REPO, 'src', 'test', 'resources', 'golden', variant, 'settings.py'), encoding='utf-8') as f:
        module = make_module('settings', f.read())
    for key, value in overrides.items():
        setattr(module, key, value)
    return module


def load_app(**settings):
    """firmware/app.py with fake hardware and settings (fake_settings overrides); also importable as 'app' by the
    modules that read the board's identity from it (hadiscovery, diagnostics): returns (app, fakes)."""
    net = make_module('network', FAKE_NETWORK)
    fakes = {'settings': fake_settings(**settings), 'machine': make_module('machine', FAKE_MACHINE),
             'network': net, 'wifi': load_firmware('wifi', {'network': net}), 'picomqtt': load_firmware('picomqtt'),
             'gc': micropython_gc()}
    app = load_firmware('app', fakes)
    fakes['app'] = app
    return app, fakes


def require_tool(name):
    """Full path of a command; Debian puts mosquitto in /usr/sbin, which is not on every PATH."""
    path = shutil.which(name) or shutil.which(name, path='/usr/sbin:/usr/local/sbin')
    if not path:
        package = 'openssl' if name == 'openssl' else 'mosquitto mosquitto-clients'
        raise AssertionError('%s is not installed: the firmware tests run a real MQTT broker and its clients. '
                             'Install it with: apt-get install -y %s' % (name, package))
    return path


def free_port():
    s = socket.socket()
    s.bind(('127.0.0.1', 0))
    port = s.getsockname()[1]
    s.close()
    return port


def make_test_pki(directory):
    """A throwaway CA, a server certificate for 127.0.0.1/localhost signed by it, and an unrelated CA.
    Returns a dict of file paths: ca, cert, key, other_ca, and the CAs in DER as picotool ships them to the board:
    ca_der, other_ca_der."""
    openssl = require_tool('openssl')
    p = lambda name: os.path.join(directory, name)  # noqa: E731
    ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes']

    def run(*args):
        subprocess.run([openssl] + list(args), check=True, capture_output=True, timeout=30)
    run('req', '-x509', *ec, '-keyout', p('ca.key'), '-out', p('ca.pem'), '-days', '2', '-subj', '/CN=picotool test CA')
    run('req', *ec, '-keyout', p('server.key'), '-out', p('server.csr'), '-subj', '/CN=localhost')
    with open(p('ext.cnf'), 'w') as f:
        f.write('subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n')
    run('x509', '-req', '-in', p('server.csr'), '-CA', p('ca.pem'), '-CAkey', p('ca.key'), '-CAcreateserial',
        '-out', p('server.pem'), '-days', '2', '-extfile', p('ext.cnf'))
    run('req', '-x509', *ec, '-keyout', p('other.key'), '-out', p('other-ca.pem'), '-days', '2',
        '-subj', '/CN=other CA')
    # a server certificate from the same CA for another host: verification must refuse it on 127.0.0.1
    run('req', *ec, '-keyout', p('wrong.key'), '-out', p('wrong.csr'), '-subj', '/CN=wrong.example')
    with open(p('wrong.cnf'), 'w') as f:
        f.write('subjectAltName=DNS:wrong.example\nbasicConstraints=CA:FALSE\n')
    run('x509', '-req', '-in', p('wrong.csr'), '-CA', p('ca.pem'), '-CAkey', p('ca.key'), '-CAcreateserial',
        '-out', p('wrong.pem'), '-days', '2', '-extfile', p('wrong.cnf'))
    import ssl
    for pem, der in (('ca.pem', 'ca.der'), ('other-ca.pem', 'other-ca.der')):
        with open(p(pem)) as f, open(p(der), 'wb') as out:
            out.write(ssl.PEM_cert_to_DER_cert(f.read()))
    for name in os.listdir(directory):
        os.chmod(p(name), 0o644)
    return {'ca': p('ca.pem'), 'cert': p('server.pem'), 'key': p('server.key'), 'other_ca': p('other-ca.pem'),
            'ca_der': p('ca.der'), 'other_ca_der': p('other-ca.der'), 'wrong_cert': p('wrong.pem'),
            'wrong_key': p('wrong.key')}


class Mosquitto:
    """A mosquitto broker on 127.0.0.1 only. users={'name': 'password'} turns on password auth;
    tls=True serves MQTT over TLS with a throwaway CA (self.pki has the file paths); tls='wrong-host' serves a
    certificate of that CA for another host name. pause()/resume() stop and restart it on the same port."""

    def __init__(self, users=None, tls=False):
        require_tool('mosquitto')  # fails early with the install hint
        self.dir = tempfile.mkdtemp(prefix='picotool-mosq-')
        os.chmod(self.dir, 0o755)  # mosquitto started as root drops to user 'mosquitto' and must read here
        self.port = free_port()
        lines = ['listener %d 127.0.0.1' % self.port, 'persistence false', 'log_dest stderr']
        self.pki = None
        if tls:
            self.pki = make_test_pki(self.dir)
            wrong = tls == 'wrong-host'
            lines += ['cafile %s' % self.pki['ca'], 'certfile %s' % self.pki['wrong_cert' if wrong else 'cert'],
                      'keyfile %s' % self.pki['wrong_key' if wrong else 'key']]
        if users:
            passwd_exe = require_tool('mosquitto_passwd')
            pwfile = os.path.join(self.dir, 'passwd')
            for i, (user, password) in enumerate(sorted(users.items())):
                cmd = [passwd_exe, '-b'] + (['-c'] if i == 0 else []) + [pwfile, user, password]
                subprocess.run(cmd, check=True, capture_output=True, timeout=10)
            os.chmod(pwfile, 0o644)
            lines += ['allow_anonymous false', 'password_file %s' % pwfile]
        else:
            lines.append('allow_anonymous true')
        self.conf = os.path.join(self.dir, 'mosquitto.conf')
        with open(self.conf, 'w') as f:
            f.write('\n'.join(lines) + '\n')
        self.log = open(os.path.join(self.dir, 'mosquitto.log'), 'w+')
        self.resume()

    def resume(self):
        """Start (again) on the same port; returns once it accepts connections."""
        self.proc = subprocess.Popen([require_tool('mosquitto'), '-c', self.conf], stdout=self.log,
                                     stderr=self.log)
        wait_until(self._accepts, 5.0, 'mosquitto to listen on port %d' % self.port)

    def pause(self):
        """Stop the broker (its clients see the connection close), keeping its port and files for resume()."""
        self.proc.terminate()
        self.proc.wait(5)

    def _accepts(self):
        if self.proc.poll() is not None:
            self.log.seek(0)
            raise AssertionError('mosquitto exited: %s' % self.log.read())
        try:
            socket.create_connection(('127.0.0.1', self.port), timeout=0.2).close()
            return True
        except OSError:
            return False

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self.log.close()
        shutil.rmtree(self.dir, ignore_errors=True)


class Subscriber:
    """`mosquitto_sub -d` on a topic filter; messages collect in .messages as (retain, qos, topic, payload)."""

    def __init__(self, broker, topic='#', user=None, password=None):
        cmd = [require_tool('mosquitto_sub'), '-h', '127.0.0.1', '-p', str(broker.port), '-V', 'mqttv311', '-d',
               '-q', '1', '-t', topic, '-F', 'MSG %r %q %t %p']
        if user:
            cmd += ['-u', user, '-P', password]
        if shutil.which('stdbuf'):  # mosquitto_sub's debug lines are block-buffered on a pipe
            cmd = ['stdbuf', '-oL'] + cmd
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self.subscribed = False
        self.messages = []
        self.lines = []
        threading.Thread(target=self._reader, daemon=True).start()
        try:
            wait_until(lambda: self.subscribed, 5.0, 'mosquitto_sub to subscribe')
        except AssertionError:
            self.stop()
            raise AssertionError('mosquitto_sub did not subscribe; it printed: %r' % self.lines)

    def _reader(self):
        for raw in self.proc.stdout:
            line = raw.decode('utf-8', 'replace').rstrip('\n')
            self.lines.append(line)
            if line.startswith('Subscribed'):
                self.subscribed = True
            elif line.startswith('MSG '):
                retain, qos, topic, payload = (line[4:].split(' ', 3) + [''])[:4]
                self.messages.append((retain == '1', int(qos), topic, payload))

    def wait_for(self, topic, timeout_s=5.0):
        """The first message on topic (waits for it)."""
        def find():
            for m in self.messages:
                if m[2] == topic:
                    return m
            return None
        return wait_until(find, timeout_s, 'a message on %s (got %r)' % (topic, self.messages))

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(5)
        self.proc.stdout.close()


def retained(broker, topic, user=None, password=None, timeout_s=3, cafile=None):
    """The retained payload on topic, or None (mosquitto_sub -C 1 -W; retained arrive at once)."""
    cmd = [require_tool('mosquitto_sub'), '-h', '127.0.0.1', '-p', str(broker.port), '-V', 'mqttv311', '-t', topic,
           '-C', '1', '-W', str(timeout_s), '--retained-only', '-F', '%p']
    if user:
        cmd += ['-u', user, '-P', password]
    if cafile:
        cmd += ['--cafile', cafile]
    r = subprocess.run(cmd, capture_output=True, timeout=timeout_s + 5)
    out = r.stdout.decode('utf-8').rstrip('\n')
    return out if r.returncode == 0 else None
