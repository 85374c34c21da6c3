"""Real MicroPython v1.27 (the npm webassembly build, 32-bit like the RP2040) run by node, for the firmware tests.

run_node(job) writes files into MicroPython's in-memory filesystem, compiles some with MicroPython's own compiler
and runs one script (or several in turn), returning node's output lines: `COMPILED <path>` or
`SYNTAXERROR <path>: <error>` per compiled file, everything the scripts printed (stderr lines prefixed
`STDERR `), then `RUN-DONE` or `RUN-CRASHED <error>`.

Needs node and tool/node_modules (`npm ci --prefix tool`, which pins the package to 1.27.0), or the path of
micropython.mjs in $PICOTOOL_MICROPYTHON_MJS.
"""
import json
import os
import shutil
import subprocess
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MJS = os.environ.get('PICOTOOL_MICROPYTHON_MJS') or os.path.join(
    REPO, 'tool', 'node_modules', '@micropython', 'micropython-webassembly-pyscript', 'micropython.mjs')

DRIVER = r'''
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
const [mjs, jobPath] = process.argv.slice(2);
const { loadMicroPython } = await import(pathToFileURL(mjs).href);
const job = JSON.parse(readFileSync(jobPath, "utf8"));
const mp = await loadMicroPython({ stdout: (l) => console.log(l), stderr: (l) => console.log("STDERR " + l) });
for (const d of job.dirs) mp.FS.mkdir(d);
for (const [p, src] of Object.entries(job.files)) mp.FS.writeFile(p, src);
for (const p of job.compile) {
  try {
    mp.runPython(`compile(open('${p}').read(), '${p}', 'exec')`);
    console.log("COMPILED " + p);
  } catch (e) {
    const lines = String(e.message || e).trim().split("\n");
    console.log("SYNTAXERROR " + p + ": " + lines[lines.length - 1]);
  }
}
// job.run: one script, or a list run one after the other in the same globals. Each is a separate top-level call,
// which matters for gc: this build only collects between calls (gc.collect() inside code just asks for it).
const scripts = job.run ? [].concat(job.run) : [];
try {
  for (const p of scripts) mp.runPython(`exec(open('${p}').read())`);
  if (scripts.length) console.log("RUN-DONE");
} catch (e) { console.log("RUN-CRASHED " + String(e.message || e).replace(/\n/g, " | ")); }
'''


def run_node(job, timeout=60):
    node = shutil.which('node')
    if not node:
        raise AssertionError('node is not installed: it runs the real MicroPython compiler for these checks')
    if not os.path.exists(MJS):
        raise AssertionError('MicroPython (npm @micropython/micropython-webassembly-pyscript 1.27.0) not found at '
                             '%s: run `npm ci` in tool/ or set PICOTOOL_MICROPYTHON_MJS' % MJS)
    tmp = tempfile.mkdtemp(prefix='picotool-mpy-')
    try:
        driver = os.path.join(tmp, 'driver.mjs')
        with open(driver, 'w') as f:
            f.write(DRIVER)
        job_path = os.path.join(tmp, 'job.json')
        with open(job_path, 'w') as f:
            json.dump(job, f)
        r = subprocess.run([node, driver, MJS, job_path], capture_output=True, timeout=timeout)
        out = r.stdout.decode('utf-8', 'replace') + r.stderr.decode('utf-8', 'replace')
        if r.returncode != 0:
            raise AssertionError('node failed (%d): %s' % (r.returncode, out))
        return out.splitlines()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
