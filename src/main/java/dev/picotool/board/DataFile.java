package dev.picotool.board;

import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

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
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            Object doc = new Yaml(new SafeConstructor(options)).load(in);
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
