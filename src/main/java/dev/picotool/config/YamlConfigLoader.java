package dev.picotool.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads a picotool.yaml into {@link RawConfig}: nested keys become dotted field names; unknown keys are errors. */
public final class YamlConfigLoader {
    private YamlConfigLoader() {
    }

    public static RawConfig load(Path file) {
        Object doc;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (NoSuchFileException e) {
            throw ConfigException.of("--config", "file " + file + " does not exist",
                    "check the path, or leave --config out and pass the settings as flags");
        } catch (MarkedYAMLException e) {
            String where = e.getProblemMark() == null ? "" : " at line " + (e.getProblemMark().getLine() + 1);
            throw ConfigException.of("--config", file + " is not valid YAML" + where + " (" + e.getProblem() + ")",
                    "correct the YAML syntax (indent with spaces, 'key: value')");
        } catch (YAMLException | IOException e) {
            throw ConfigException.of("--config", "cannot read " + file + " (" + e.getMessage() + ")",
                    "check the file exists and is readable");
        }
        RawConfig raw = new RawConfig();
        if (doc == null) {
            return raw;
        }
        if (!(doc instanceof Map<?, ?> map)) {
            throw ConfigException.of("--config", file + " must be a mapping of settings",
                    "start from the example in README.md");
        }
        List<ConfigError> errors = new ArrayList<>();
        flatten("", map, raw, errors);
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return raw;
    }

    private static void flatten(String prefix, Map<?, ?> map, RawConfig raw, List<ConfigError> errors) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String field = prefix + e.getKey();
            Object value = e.getValue();
            if (value instanceof Map<?, ?> nested) {
                flatten(field + ".", nested, raw, errors);
            } else if (ConfigFields.SECRETS.contains(field)) {
                errors.add(new ConfigError(field, "a password must not be written in the config file",
                        "put it in a file of its own (chmod 600) and set " + field + "_file, or set "
                                + field + "_env to the name of an environment variable"));
            } else if (!ConfigFields.FILE_FIELDS.contains(field)) {
                errors.add(new ConfigError(field, "unknown setting",
                        "use one of: " + String.join(", ", ConfigFields.FILE_FIELDS)));
            } else if (value != null) {
                raw.put(field, String.valueOf(value));
            }
        }
    }
}
