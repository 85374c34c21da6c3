"""Heap use of the firmware on the real MicroPython v1.27 VM (webassembly build, 32-bit): see firmware_heap.py.

The limits are the figures measured when the real-world features went in (identity placeholders, device-based
Home Assistant discovery with the birth-message subscription, the health report, the status LED, the watchdog,
calibration; git branch realworld, tool/bench/firmware-heap) plus half a KiB: a change that makes the firmware need
more RAM than that must say so here, with the figures in firmware/README.md. Those features added about 6.5 KiB
over the firmware before them (22.3 KiB steady, default configuration). Virtual time, no wall clock: each run takes
well under a second.
"""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import firmware_heap as heap  # noqa: E402

# Heap after 10 minutes (bytes above the baseline) as measured, plus 512 bytes, per golden variant. The default
# configuration has every feature on but TLS and JSON; the TLS variant has everything on.
LIMIT = {'default': 29888 + 512, 'no-sensor-open-wifi': 27808 + 512, 'dht11-json-auth-tls': 30816 + 512}
OPTIONAL_MODULES = {'DHT22', 'tlscontext', 'hadiscovery', 'mqtterrors', 'diagnostics', 'statusled'}
ALL_OFF = '\nSENSOR_TYPE = None\nHA_DISCOVERY_PREFIX = None\nDIAGNOSTICS_INTERVAL_S = 0\nSTATUS_LED = False\n'



class HeapTest(unittest.TestCase):
    def test_steady_heap_within_the_measured_limits_and_flat(self):
        for label, variant in heap.VARIANTS:
            with self.subTest(label):
                r = heap.measure(heap.device_files(variant))
                h = r['heap']
                self.assertLessEqual(h['600s'], LIMIT[variant], h)
                self.assertLessEqual(h['60s'], LIMIT[variant], h)
                self.assertLess(abs(h['600s'] - h['60s']), 1024, 'heap grows while publishing: %r' % h)
                readings = 3 if 'DHT22' in r['modules'] else 1
                self.assertEqual(r['published'], readings * 60, 'one round per 10 s for 600 s')

    def test_optional_modules_are_imported_only_when_on(self):
        files = heap.device_files('default')
        r = heap.measure(files, checkpoints_s=(30,))
        self.assertEqual(OPTIONAL_MODULES & set(r['modules']), {'DHT22', 'hadiscovery', 'diagnostics', 'statusled'})
        off = dict(files)
        off['settings.py'] += ALL_OFF
        r_off = heap.measure(off, checkpoints_s=(30,))
        self.assertEqual(OPTIONAL_MODULES & set(r_off['modules']), set(), r_off['modules'])
        self.assertEqual(r_off['published'], 3)  # the internal temperature only, every 10 s
        # What the features cost when they are off: nothing but a few lines of app.py.
        self.assertLess(r_off['heap']['30s'], r['heap']['30s'] - 4096, (r_off['heap'], r['heap']))
        tls = heap.measure(heap.device_files('dht11-json-auth-tls'), checkpoints_s=(30,))
        self.assertEqual(OPTIONAL_MODULES & set(tls['modules']),
                         {'DHT22', 'hadiscovery', 'tlscontext', 'diagnostics', 'statusled'})


if __name__ == '__main__':
    unittest.main()
