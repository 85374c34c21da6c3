#!/usr/bin/env node
// check-server.mjs: the real MicroPython v1.27 compiler as a long-lived referee for the Java tests.
//
// Protocol: JSON lines. One request per stdin line, one response per stdout line, in request order.
// The first stdout line is {"ready":true}. Every response line is pure ASCII (non-ASCII is \u-escaped),
// so the reader may use any charset. The process exits 0 on stdin EOF.
//
//   {"id":1,"op":"compile","name":"main.py","source":"..."}
//     -> {"id":1,"ok":true}
//     -> {"id":1,"ok":false,"error":"SyntaxError: invalid syntax","line":12}      ("line" only when reported)
//   {"id":2,"op":"exec","name":"settings.py","source":"...","names":["WIFI_SSID","MQTT_PORT"]}
//     -> {"id":2,"ok":true,"values":{"WIFI_SSID":{"type":"str","utf8hex":"4c6162"},
//                                    "MQTT_PORT":{"type":"int","value":"1883"}}}
//     value shapes: {"type":"str","utf8hex":HEX-OF-UTF8}  {"type":"int","value":DECIMAL}
//                   {"type":"float","value":MICROPYTHON-REPR}  {"type":"bool","value":true|false}
//                   {"type":"NoneType"}  {"type":"missing"} (name not defined)  {"type":T,"repr":REPR}
//     -> {"id":2,"ok":false,"error":"ZeroDivisionError: divide by zero","line":3}
//   "name" is optional (default "<string>"); it is the file name MicroPython puts in the traceback.
//   When the executed code printed something, the response also carries "stdout":TEXT.
//   A malformed request gets {"id":<id or null>,"ok":false,"error":"bad request: ..."}.
//
// Isolation: each request compiles and runs in a fresh globals dict; modules it imported are dropped
// from sys.modules and builtins it added or replaced (via a source that names `builtins`) are restored
// afterwards, so one request cannot affect the next. The source travels as a JS string property of a
// module registered with registerJsModule (never spliced into Python text), so NUL, U+2028, backslashes,
// quotes and emoji survive. A source with a lone UTF-16 surrogate is refused as a bad request.
// Limits: MicroPython here runs synchronously, so a source that loops forever (or calls input()) blocks
// the server; the client must apply its own timeout and restart the process. Floats are doubles here
// (rp2 uses single precision floats), so a float "value" may carry more digits than a Pico would print.
// After an "internal" error (the wasm runtime itself failed) the server answers once and exits with 2.
import { createInterface } from "node:readline";
import { loadMicroPython } from "@micropython/micropython-webassembly-pyscript/micropython.mjs";

// Python side, defined once. Results come back as a JSON text built by MicroPython's json module
// (which escapes NUL); strings are never returned raw because the JS bridge truncates at NUL.
const HELPER = String.raw`
import _picotool_req as _R, sys, io, json, binascii, builtins, re

# MicroPython keeps builtins replaced or added through the builtins module in a hidden override dict
# that getattr/dir do not show, so keep the pristine objects and a way to find names a request added.
_PT_BUILTINS = {k: getattr(builtins, k) for k in dir(builtins)}
_PT_NON_IDENT = re.compile('[^A-Za-z0-9_]+')

def _pt_restore_builtins(source):
    for k in _PT_BUILTINS:
        setattr(builtins, k, _PT_BUILTINS[k])
    for k in set(_PT_NON_IDENT.split(source)):
        if k and k not in _PT_BUILTINS and not k[0].isdigit():
            try:
                eval(k, {})
            except BaseException:
                continue
            try:
                delattr(builtins, k)
            except BaseException:
                pass

def _pt_error(e, name):
    buf = io.StringIO()
    sys.print_exception(e, buf)
    lines = buf.getvalue().split('\n')
    if lines and lines[-1] == '':
        lines.pop()
    i = 1 if lines and lines[0].startswith('Traceback ') else 0
    line = None
    marker = '  File "' + name + '", line '
    while i < len(lines) and lines[i].startswith('  File "'):
        if lines[i].startswith(marker):
            digits = lines[i][len(marker):].split(',')[0]
            if digits.isdigit():
                line = int(digits)
        i += 1
    return '\n'.join(lines[i:]), line

def _pt_value(v):
    t = type(v)
    if v is None:
        return {'type': 'NoneType'}
    if t is bool:
        return {'type': 'bool', 'value': v}
    if t is int:
        return {'type': 'int', 'value': str(v)}
    if t is float:
        return {'type': 'float', 'value': repr(v)}
    if t is str:
        return {'type': 'str', 'utf8hex': binascii.hexlify(v.encode()).decode()}
    try:
        r = repr(v)
    except BaseException as e:
        r = '<repr failed: ' + _pt_error(e, '')[0] + '>'
    return {'type': t.__name__, 'repr': r}

def _pt_module_name(name):
    if name == 'main.py':
        return '__main__'
    return name[:-3] if name.endswith('.py') else name

def _pt_request(op, names):
    name = _R.name
    source = _R.source
    modules = list(sys.modules.keys())
    res = {'ok': True}
    try:
        code = compile(source, name, 'exec')
        if op == 'exec':
            g = {'__name__': _pt_module_name(name)}
            exec(code, g)
            res['values'] = {n: (_pt_value(g[n]) if n in g else {'type': 'missing'}) for n in names}
    except BaseException as e:
        msg, line = _pt_error(e, name)
        res = {'ok': False, 'error': msg}
        if line is not None:
            res['line'] = line
    finally:
        for k in list(sys.modules.keys()):
            if k not in modules:
                del sys.modules[k]
        # Only code that names the builtins module can change it (checked textually, cheaply).
        if 'builtins' in source:
            _pt_restore_builtins(source)
    return json.dumps(res)
`;

const req = { name: "<string>", source: "" };
let captured = [];
const mp = await loadMicroPython({
  heapsize: 8 * 1024 * 1024,
  linebuffer: false,
  stdout: (b) => captured.push(b[0]),
  stderr: (b) => captured.push(b[0]),
});
mp.registerJsModule("_picotool_req", req);
mp.runPython(HELPER);
const pyRequest = mp.globals.get("_pt_request");

// Pure-ASCII JSON: escape everything outside 0x20..0x7e that JSON.stringify left raw.
function send(obj) {
  const text = JSON.stringify(obj).replace(/[\u007f-\uffff]/g,
    (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
  process.stdout.write(text + "\n");
}

let currentId = null;
let failed = false;         // the runtime failed: answer nothing more

function handle(line) {
  let r;
  currentId = null;
  try {
    r = JSON.parse(line);
  } catch (e) {
    return { id: null, ok: false, error: "bad request: " + e.message };
  }
  const id = r && typeof r === "object" && "id" in r ? r.id : null;
  currentId = id;
  if (!r || typeof r !== "object" || (r.op !== "compile" && r.op !== "exec")) {
    return { id, ok: false, error: "bad request: op must be \"compile\" or \"exec\"" };
  }
  if (typeof r.source !== "string") return { id, ok: false, error: "bad request: source must be a string" };
  // A lone UTF-16 surrogate cannot be UTF-8 encoded; the wasm string copy would mangle it silently.
  if (!r.source.isWellFormed()) return { id, ok: false, error: "bad request: source contains a lone surrogate" };
  const names = r.op === "exec" ? (r.names ?? []) : [];
  if (!Array.isArray(names) || !names.every((n) => typeof n === "string")) {
    return { id, ok: false, error: "bad request: names must be an array of strings" };
  }
  req.name = typeof r.name === "string" ? r.name : "<string>";
  req.source = r.source;
  captured = [];
  const result = JSON.parse(pyRequest(r.op, names));
  const out = { id, ok: result.ok };
  for (const k of ["error", "line", "values"]) if (k in result) out[k] = result[k];
  if (captured.length) out.stdout = Buffer.from(captured).toString("utf8");
  captured = [];
  return out;
}

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
rl.on("line", (line) => {
  if (failed || line.trim() === "") return;
  try {
    send(handle(line));
  } catch (e) {
    // Not a Python exception (those are answered above): the wasm runtime itself failed, so it can
    // no longer be trusted. Answer, then exit non-zero so the client starts a fresh server.
    send({ id: currentId, ok: false, error: "internal: " + (e && e.message ? e.message : String(e)) });
    failed = true;
    rl.close();
    process.stdin.destroy();
  }
});
// Let node end by itself once stdout is drained, so no answer is cut off.
rl.on("close", () => { process.exitCode = failed ? 2 : 0; });
send({ ready: true });
