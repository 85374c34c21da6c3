package dev.picotool.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Asks a person (or a script) one line at a time; a password without echo when a console is attached. */
interface Prompter {
    /** The answer, or null when the input ended. */
    String line(String prompt);

    /** The answer without echo, or null when the input ended. */
    char[] secret(String prompt);

    static Prompter console(Console c) {
        return new Prompter() {
            @Override
            public String line(String prompt) {
                return c.readLine("%s", prompt);
            }

            @Override
            public char[] secret(String prompt) {
                return c.readPassword("%s", prompt);
            }
        };
    }

    /** Longer than any answer picotool takes; a longer line is cut here (and then refused by the checks). */
    int MAX_LINE = 4096;

    /** Lines from a stream (a pipe, a test's script); the prompts go to {@code out}, answers are never echoed. */
    static Prompter stream(InputStream in, PrintWriter out) {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        return new Prompter() {
            @Override
            public String line(String prompt) {
                out.print(prompt);
                out.flush();
                String l = boundedLine(r);
                out.println();
                return l;
            }

            @Override
            public char[] secret(String prompt) {
                String l = line(prompt);
                return l == null ? null : l.toCharArray();
            }
        };
    }

    private static String boundedLine(BufferedReader r) {
        StringBuilder sb = new StringBuilder();
        try {
            for (int c = r.read(); ; c = r.read()) {
                if (c < 0) {
                    return sb.length() == 0 ? null : sb.toString();
                }
                if (c == '\n') {
                    return sb.toString();
                }
                if (c != '\r' && sb.length() <= MAX_LINE) {
                    sb.append((char) c);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
