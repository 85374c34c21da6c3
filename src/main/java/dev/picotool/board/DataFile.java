package dev.picotool.board;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One JSON object of the board data shipped in the jar, read with typed accessors. The data is ours, so a missing or
 * mistyped key is a picotool bug (exit 1) naming the file and the key, never a ClassCastException.
 */
final class DataFile {
    private final String file;
    private final Map<?, ?> map;

    private DataFile(String file, Map<?, ?> map) {
        this.file = file;
        this.map = map;
    }

    static DataFile load(String resource) {
        try (InputStream in = DataFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw broken(resource, "is missing from the jar");
            }
            Object doc;
            try (JsonParser p = JsonFactory.builder().enable(com.fasterxml.jackson.core.StreamReadFeature
                    .STRICT_DUPLICATE_DETECTION).build().createParser(in)) {
                doc = value(p, p.nextToken());
            }
            if (!(doc instanceof Map<?, ?> m)) {
                throw broken(resource, "is not a JSON object");
            }
            return new DataFile(resource, m);
        } catch (IOException | RuntimeException e) {
            if (e instanceof PicoToolException p) {
                throw p;
            }
            throw broken(resource, "cannot be read: " + e.getMessage());
        }
    }

    /** The JSON value starting at {@code t}: objects as maps (in file order), arrays as lists, numbers as Integer
     * when they are whole and fit, else Double. */
    private static Object value(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String key = p.currentName();
                    m.put(key, value(p, p.nextToken()));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    l.add(value(p, e));
                }
                return l;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT -> {
                return p.getNumberType() == JsonParser.NumberType.INT ? (Object) p.getIntValue() : p.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return p.getBooleanValue();
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IOException("unexpected " + t);
        }
    }

    static PicoToolException broken(String file, String problem) {
        return new PicoToolException(ExitCode.INTERNAL, "board data " + file + " " + problem,
                "this is a picotool bug: reinstall or rebuild picotool");
    }

    String str(String key) {
        return get(key, String.class);
    }

    int integer(String key) {
        return get(key, Integer.class);
    }

    double number(String key) {
        return get(key, Number.class).doubleValue();
    }

    boolean bool(String key) {
        return get(key, Boolean.class);
    }

    Optional<String> optionalStr(String key) {
        return map.get(key) == null ? Optional.empty() : Optional.of(str(key));
    }

    Optional<Integer> optionalInt(String key) {
        return map.get(key) == null ? Optional.empty() : Optional.of(integer(key));
    }

    /** A hex string such as "0x40058000" or "2E8A". */
    long hex(String key) {
        String s = str(key);
        try {
            return Long.parseLong(s.startsWith("0x") ? s.substring(2) : s, 16);
        } catch (NumberFormatException e) {
            throw broken(file, "has '" + s + "' for " + key + ", not a hex number");
        }
    }

    List<Long> hexes(String key) {
        return strings(key).stream().map(s -> {
            try {
                return Long.parseLong(s.startsWith("0x") ? s.substring(2) : s, 16);
            } catch (NumberFormatException e) {
                throw broken(file, "has '" + s + "' in " + key + ", not a hex number");
            }
        }).toList();
    }

    DataFile object(String key) {
        return new DataFile(file + " " + key, get(key, Map.class));
    }

    List<DataFile> objects(String key) {
        return list(key).stream().map(o -> {
            if (!(o instanceof Map<?, ?> m)) {
                throw broken(file, "has a non-object in " + key);
            }
            return new DataFile(file + " " + key, m);
        }).toList();
    }

    List<String> strings(String key) {
        return list(key).stream().map(o -> {
            if (!(o instanceof String s)) {
                throw broken(file, "has a non-string in " + key);
            }
            return s;
        }).toList();
    }

    boolean has(String key) {
        return map.get(key) != null;
    }

    private List<?> list(String key) {
        return get(key, List.class);
    }

    private <T> T get(String key, Class<T> type) {
        Object v = map.get(key);
        if (!type.isInstance(v)) {
            throw broken(file, v == null ? "has no " + key : "has a " + v.getClass().getSimpleName() + " for " + key
                    + ", expected " + type.getSimpleName());
        }
        return type.cast(v);
    }
}
