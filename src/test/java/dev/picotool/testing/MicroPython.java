package dev.picotool.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real MicroPython v1.27 (the webassembly build from npm) as a referee: compiles sources with MicroPython's own
 * compiler and executes settings to read values back. One long-lived node process (tool/mpy/check-server.mjs) for
 * the whole test run, since starting node per check would take most of the suite's time.
 */
public final class MicroPython implements AutoCloseable {
    private static MicroPython shared;

    private final Process process;
    private final Writer in;
    private final BufferedReader out;
    private int nextId = 1;

    private MicroPython() throws IOException {
        var server = Repo.tool("mpy/check-server.mjs");
        if (!Files.isDirectory(Repo.tool("node_modules/@micropython"))) {
            throw new IllegalStateException("MicroPython (npm) is not installed: run `npm ci --prefix tool` "
                    + "(tool/test does this)");
        }
        process = new ProcessBuilder("node", server.toString()).redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String ready = out.readLine();
        if (ready == null || !ready.contains("\"ready\"")) {
            throw new IllegalStateException("check-server did not start: " + ready);
        }
    }

    /** The process shared by all tests of this JVM (closed at JVM exit). */
    public static synchronized MicroPython shared() {
        if (shared == null) {
            try {
                shared = new MicroPython();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /** Empty when MicroPython's compiler accepts the source, else its error (e.g. "SyntaxError: ... line 12"). */
    public synchronized String compileError(String name, String source) {
        String reply = request("{\"op\":\"compile\",\"name\":" + Json.str(name) + ",\"source\":" + Json.str(source)
                + "}");
        if (reply.contains("\"ok\":true")) {
            return "";
        }
        return reply;
    }

    /**
     * Executes the source and returns each named global: str values exactly (decoded from UTF-8 hex), others as
     * their JSON description.
     */
    public synchronized Map<String, Object> exec(String source, List<String> names) {
        StringBuilder req = new StringBuilder("{\"op\":\"exec\",\"source\":").append(Json.str(source))
                .append(",\"names\":[");
        for (int i = 0; i < names.size(); i++) {
            req.append(i > 0 ? "," : "").append(Json.str(names.get(i)));
        }
        String reply = request(req.append("]}").toString());
        if (!reply.contains("\"ok\":true")) {
            throw new AssertionError("MicroPython could not execute the source: " + reply);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (String name : names) {
            values.put(name, Json.value(reply, name));
        }
        return values;
    }

    private String request(String bodyWithoutId) {
        int id = nextId++;
        try {
            in.write("{\"id\":" + id + "," + bodyWithoutId.substring(1) + "\n");
            in.flush();
            String line = out.readLine();
            if (line == null) {
                throw new IllegalStateException("check-server exited");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        process.destroy();
    }

    /** Just enough JSON for this protocol, so the tests need no JSON library. */
    static final class Json {
        private static final Pattern HEX = Pattern.compile("\"utf8hex\"\\s*:\\s*\"([0-9a-fA-F]*)\"");

        static String str(String s) {
            StringBuilder sb = new StringBuilder("\"");
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"' || c == '\\') {
                    sb.append('\\').append(c);
                } else if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) || c == '\u2028' || c == '\u2029') {
                    sb.append(String.format("\\u%04x", (int) c));
                } else {
                    sb.append(c);
                }
            }
            return sb.append('"').toString();
        }

        /** The value object of one name in an exec reply: a String for str, else the raw JSON object text. */
        static Object value(String reply, String name) {
            int at = reply.indexOf(str(name) + ":");
            if (at < 0) {
                throw new AssertionError("no value for " + name + " in " + reply);
            }
            int start = reply.indexOf('{', at);
            int end = reply.indexOf('}', start);
            String obj = reply.substring(start, end + 1);
            Matcher m = HEX.matcher(obj);
            if (obj.contains("\"type\":\"str\"") && m.find()) {
                return new String(HexFormat.of().parseHex(m.group(1)), StandardCharsets.UTF_8);
            }
            return obj.replace(" ", "");
        }
    }
}
