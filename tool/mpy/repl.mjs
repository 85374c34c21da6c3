#!/usr/bin/env node
// repl.mjs: the real MicroPython v1.27 REPL (webassembly build) on stdin/stdout, byte for byte.
// Started by tool/micropython-repl, which puts it behind a pseudo-terminal; usable alone with pipes.
//
// Every stdin byte goes to MicroPython's event-driven REPL (shared/runtime/pyexec.c via replProcessChar)
// and every byte it prints goes to stdout, except for the three adaptations below. Each one stands in for
// the part of a real board (its main loop or its stdout driver) that the webassembly port does not have;
// none of them changes what MicroPython itself computes.
//
// 1. Raw-paste request. At the raw REPL prompt with an empty line, the host's raw-paste request
//    \x05 A \x01 (Ctrl-E, 'A', Ctrl-A) makes the event-driven REPL hang for good (it has no raw-paste
//    reader). We swallow those three bytes and answer R \x00 then > ourselves: what firmware that does
//    not support the sub-command sends (serial-protocol.md section 2), so a host falls back to classic
//    raw mode. Other \x05 X \x01 sub-commands go to the real REPL, which answers R \x00 > itself.
// 2. Soft reset. Ctrl-D on an empty line (raw or friendly REPL) and SystemExit make the REPL return
//    PYEXEC_FORCED_EXIT (0x100) and print nothing more: a board's main loop would reboot MicroPython.
//    We do that: print "MPY: soft reboot\r\n" (the rp2 port's text, ports/rp2/main.c), start a fresh
//    MicroPython instance (new heap, globals and modules) carrying the in-memory filesystem over, run
//    boot.py and, in the friendly REPL only, main.py (as rp2 does), then let the new REPL print its own
//    prompt ("raw REPL; CTRL-B to exit\r\n>" in raw mode, the banner and ">>> " otherwise).
// 3. Newlines. This port writes print() output with a bare \n, while a board's stdout driver turns every
//    \n into \r\n (mp_hal_stdout_tx_strn_cooked). We turn a \n that does not follow \r into \r\n; text the
//    REPL already prints as \r\n (prompts, tracebacks) is left alone. Only print('a\r\n') differs: a board
//    sends a\r\r\n, we send a\r\n. --raw-newlines turns this off.
// Not adapted: Ctrl-C cannot interrupt running code here: the REPL runs the code synchronously, so no
//    stdin byte is read until it finishes (a `while True: pass` never returns).
import { writeSync } from "node:fs";
import { loadMicroPython } from "@micropython/micropython-webassembly-pyscript/micropython.mjs";

const CTRL_A = 0x01, CTRL_B = 0x02, CTRL_C = 0x03, CTRL_D = 0x04, CTRL_E = 0x05;
const PYEXEC_FORCED_EXIT = 0x100;
const RAW_BANNER = Buffer.from("raw REPL; CTRL-B to exit\r\n");
const FRIENDLY_BANNER = Buffer.from('Type "help()" for more information.\r\n');
const RAW_PASTE_NOT_SUPPORTED = Buffer.from([0x52, 0x00, 0x3e]);   // "R", 0x00, then the ">" prompt
const cook = !process.argv.includes("--raw-newlines");

let mp = null;
let muted = false;          // true while we set up a fresh instance and discard what it prints
let outBuf = [];            // bytes printed during the current step, written out in one chunk
let prevOut = -1;           // last byte written, for the \n -> \r\n rule
let tail = Buffer.alloc(0); // last output bytes, to see which REPL we are in
let raw = false;            // in the raw REPL
let rawLineLen = 0;         // bytes in the raw REPL's line buffer (mirrors pyexec.c)
let held = [];              // possible raw-paste request being collected
let skip = [];              // bytes expected next that are not passed on (see softReset)

// Output leaves synchronously while code runs: the REPL runs code synchronously, so anything queued for
// the event loop would only go out after the code finished. Bytes are batched up to the next "\n", the
// raw REPL's "OK" (sent before the code runs, as a board does), 4 KB or 5 ms, and after each input byte.
function writeOut(chunk) {
  let off = 0;
  while (off < chunk.length) {
    try {
      off += writeSync(1, chunk, off);
    } catch (e) {
      if (e.code !== "EAGAIN") throw e;   // stdout pipe full and non-blocking: wait for the reader
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}

let lastFlush = 0;
function emit(byte) {
  if (muted) return;
  if (skip.length) {
    const expected = skip.shift();
    if (byte === expected) return;
    skip = [];
  }
  const prev = prevOut;
  if (cook && byte === 0x0a && prev !== 0x0d) outBuf.push(0x0d);
  outBuf.push(byte);
  prevOut = byte;
  if (byte === 0x0a || (byte === 0x4b && prev === 0x4f) || outBuf.length >= 4096
      || performance.now() - lastFlush >= 5) flush();
}

function flush() {
  lastFlush = performance.now();
  if (!outBuf.length) return;
  const chunk = Buffer.from(outBuf);
  outBuf = [];
  // Which REPL prints which banner is fixed by pyexec.c: follow it to know the mode.
  tail = Buffer.concat([tail, chunk]).subarray(-64);
  const r = tail.lastIndexOf(RAW_BANNER), f = tail.lastIndexOf(FRIENDLY_BANNER);
  if (r >= 0 || f >= 0) {
    raw = r > f;
    if (raw) rawLineLen = 0;  // a fresh raw prompt: pyexec.c has just reset the line buffer
    tail = tail.subarray(Math.max(r + RAW_BANNER.length, f + FRIENDLY_BANNER.length));
  }
  writeOut(chunk);
}

async function newInstance() {
  return loadMicroPython({
    linebuffer: false,
    stdout: (b) => emit(b[0]),
    stderr: (b) => emit(b[0]),
  });
}

// The filesystem lives in the instance's memory: copy it over on a soft reset (a board's flash survives).
function snapshotFs(FS, dir = "/", list = []) {
  for (const name of FS.readdir(dir)) {
    if (name === "." || name === "..") continue;
    const path = (dir === "/" ? "" : dir) + "/" + name;
    if (path === "/dev" || path === "/proc") continue;
    const st = FS.lstat(path);
    const e = { path, mode: st.mode, mtime: st.mtime };
    if (FS.isLink(st.mode)) e.link = FS.readlink(path);
    else if (FS.isDir(st.mode)) e.dir = true;
    else e.data = FS.readFile(path);
    list.push(e);
    if (e.dir) snapshotFs(FS, path, list);
  }
  return list;
}

function restoreFs(FS, list) {
  for (const e of list) {
    try {
      if (e.dir) FS.mkdir(e.path, e.mode & 0o7777);
      else if (e.link !== undefined) FS.symlink(e.link, e.path);
      else { FS.writeFile(e.path, e.data); FS.chmod(e.path, e.mode & 0o7777); }
    } catch (err) { /* already there (/tmp, /home) */ }
  }
  // Times last, deepest first: writing a file updates its directory's time.
  for (const e of [...list].reverse()) {
    try { if (e.link === undefined) FS.utime(e.path, e.mtime, e.mtime); } catch (err) { /* keep going */ }
  }
}

// Runs boot.py / main.py like pyexec_file_if_exists: traceback as the board prints it, minus our own
// <stdin> frame that the board would not have.
// The helper's own imports are taken back out of sys.modules, so the new instance starts clean.
const RUN_FILE = `
def _mk():
    before = list(__import__('sys').modules)
    import sys, io
    for k in ('sys', 'io'):
        if k not in before and k in sys.modules:
            del sys.modules[k]
    def run(name):
        try:
            src = open(name).read()
        except OSError:
            return
        try:
            exec(compile(src, name, 'exec'), {'__name__': '__main__', '__file__': name})
        except BaseException as e:
            b = io.StringIO()
            sys.print_exception(e, b)
            lines = b.getvalue().split('\\n')[:-1]
            print(''.join(l + '\\n' for l in lines if not l.startswith('  File "<stdin>"')), end='')
    return run
_run_file = _mk()
del _mk
`;

async function softReset() {
  const wasRaw = raw;
  // The REPL has already printed its own "\r\n" (Ctrl-D) or "\x04\x04" (SystemExit), as on rp2.
  for (const b of Buffer.from("MPY: soft reboot\n")) emit(b);
  flush();
  const files = snapshotFs(mp.FS);
  muted = true;
  mp = await newInstance();
  restoreFs(mp.FS, files);
  mp.replInit();                         // friendly banner, discarded
  if (wasRaw) mp.replProcessChar(CTRL_A); // back into the raw REPL, discarded
  mp.runPython(RUN_FILE);
  muted = false;
  const run = mp.globals.get("_run_file");
  run("boot.py");
  if (!wasRaw) run("main.py");
  mp.globals.delete("_run_file");
  flush();
  // The event-driven init prints the friendly banner the way Ctrl-B does, "\r\n" first; rp2's REPL loop
  // starts straight with the banner after a soft reset, so that first "\r\n" is not passed on.
  if (!wasRaw) skip = [0x0d, 0x0a];
  mp.replInit();                         // prints the prompt of the mode we are in
  rawLineLen = 0;
  flush();
}

// One byte to the real REPL; returns true when a soft reset is due.
function toRepl(byte) {
  const ret = mp.replProcessChar(byte);
  if (raw) {
    if (byte === CTRL_A || byte === CTRL_C || byte === CTRL_D) rawLineLen = 0;
    else if (byte !== CTRL_B) rawLineLen++;
  }
  flush();
  return (ret & PYEXEC_FORCED_EXIT) !== 0;
}

async function input(byte) {
  if (held.length === 0 && byte === CTRL_E && raw && rawLineLen === 0) { held.push(byte); return; }
  if (held.length === 1 && byte === 0x41) { held.push(byte); return; }          // "A"
  if (held.length === 2 && byte === CTRL_A) {                                     // whole request
    held = [];
    writeOut(RAW_PASTE_NOT_SUPPORTED);
    prevOut = 0x3e;
    return;
  }
  const bytes = held.concat([byte]);
  held = [];
  for (const b of bytes) if (toRepl(b)) await softReset();
}

// Input arrives in chunks; bytes are handled strictly one after another, soft resets included.
const queue = [];
let pumping = false;
async function pump() {
  if (pumping) return;
  pumping = true;
  while (queue.length) {
    const chunk = queue.shift();
    for (const byte of chunk) await input(byte);
  }
  pumping = false;
}

// A failure of the runtime itself (not a Python exception, those are printed by the REPL) ends the peer;
// tool/micropython-repl reports that node exited.
process.on("unhandledRejection", (e) => { process.stderr.write("repl.mjs: " + (e && e.stack || e) + "\n"); process.exit(1); });
mp = await newInstance();
mp.replInit();
flush();
process.stdin.on("data", (chunk) => { queue.push(chunk); pump(); });
process.stdin.on("end", () => process.exit(0));
