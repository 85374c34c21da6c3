"""Heap use of the firmware on the real MicroPython v1.27 VM (webassembly build, 32-bit): see firmware_heap.py.

The limits are the figures of the template-rendered firmware this design replaced (measured with the same harness
at git revision d0415ec, bench/firmware-heap --rev d0415ec): a change that makes the firmware need more RAM than it
did then must say so here. Virtual time, no wall clock: each run takes well under a second.
"""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import firmware_heap as heap  # noqa: E402

# Heap after 10 minutes (bytes above the baseline) of the firmware before app.py, per golden variant.
BEFORE = {'default': 23904, 'no-sensor-open-wifi': 21360, 'dht11-json-auth-tls': 24848}
OPTIONAL_MODULES = {'DHT22', 'tlscontext', 'hadiscovery', 'mqtterrors'}


class HeapTest(unittest.TestCase):
    def test_steady_heap_at_or_below_the_template_firmware_and_flat(self):
        for label, variant in heap.VARIANTS:
            with self.subTest(label):
                r = heap.measure(heap.device_files(variant))
                h = r['heap']
                self.assertLessEqual(h['600s'], BEFORE[variant], h)
                self.assertLessEqual(h['60s'], BEFORE[variant], h)
                self.assertLess(abs(h['600s'] - h['60s']), 1024, 'heap grows while publishing: %r' % h)
                readings = 3 if 'DHT22' in r['modules'] else 1
                self.assertEqual(r['published'], readings * 60, 'one round per 10 s for 600 s')

    def test_optional_modules_are_imported_only_when_on(self):
        files = heap.device_files('default')
        r = heap.measure(files, checkpoints_s=(30,))
        self.assertEqual(OPTIONAL_MODULES & set(r['modules']), {'DHT22', 'hadiscovery'})
        off = dict(files)
        off['settings.py'] += '\nSENSOR_TYPE = None\nHA_DISCOVERY_PREFIX = None\n'
        r_off = heap.measure(off, checkpoints_s=(30,))
        self.assertEqual(OPTIONAL_MODULES & set(r_off['modules']), set(), r_off['modules'])
        self.assertEqual(r_off['published'], 3)  # the internal temperature only, every 10 s
        # What the features cost when they are off: nothing but a few lines of app.py.
        self.assertLess(r_off['heap']['30s'], r['heap']['30s'] - 2048, (r_off['heap'], r['heap']))
        tls = heap.measure(heap.device_files('dht11-json-auth-tls'), checkpoints_s=(30,))
        self.assertEqual(OPTIONAL_MODULES & set(tls['modules']), {'DHT22', 'hadiscovery', 'tlscontext'})


if __name__ == '__main__':
    unittest.main()
