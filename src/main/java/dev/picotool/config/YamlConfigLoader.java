package dev.picotool.config;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a picotool.yaml strictly: only its node tree is used, never SnakeYAML's YAML 1.1 type guessing, so every value
 * is the text the user wrote ({@code pin: 015} stays "015", {@code ssid: NO} stays "NO", {@code 12:30} stays "12:30")
 * until the setting's own type reads it. Nested keys become dotted keys; unknown keys, duplicates, lists, tags and
 * inline passwords are errors that name {@code file:line:column}, reported together with the values' own problems.
 */
public final class YamlConfigLoader {
    /** Far more than any settings file; a bigger file is the wrong file. */
    static final int MAX_BYTES = 256 * 1024;

    private YamlConfigLoader() {
    }

    public static RawSettings load(Path file) {
        byte[] bytes;
        try {
            bytes = LimitedFile.read(file, MAX_BYTES);
        } catch (LimitedFile.Unreadable e) {
            throw ConfigException.of("--config", file + " " + e.getMessage(), e.fix());
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ConfigException.of("--config", file + " is not UTF-8 text", "save it as UTF-8");
        }
        Node root;
        try {
            // The composer alone: the node tree with marks, no SnakeYAML type resolution, no object construction.
            LoaderOptions options = options();
            root = new Composer(new ParserImpl(new StreamReader(new StringReader(text)), options), new Resolver(),
                    options).getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = m == null ? file.toString() : file + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1);
            throw new ConfigException(List.of(new ConfigError("--config", "not valid YAML (" + problem(e.getProblem()) + ")",
                    "correct the YAML syntax (indent with spaces, 'key: value')", where)));
        } catch (YAMLException e) {
            throw ConfigException.of("--config", file + " is not valid YAML (" + problem(e.getMessage()) + ")",
                    "correct the YAML syntax");
        }
        RawSettings raw = new RawSettings();
        if (root == null) {
            return raw;
        }
        List<ConfigError> errors = new ArrayList<>();
        if (root instanceof MappingNode map) {
            new Walk(file, raw, errors).mapping("", map);
        } else {
            errors.add(new ConfigError("--config", "must be a mapping of settings (key: value lines)",
                    "start from the example in README.md", where(file, root)));
        }
        errors.forEach(raw::addError);
        return raw;
    }

    /**
     * SnakeYAML's description of a syntax error without the file's own text (an alias name, a quoted token): the file
     * may hold a password in the wrong place, and an error message must not repeat it.
     */
    static String problem(String snakeYaml) {
        if (snakeYaml == null) {
            return "syntax error";
        }
        return snakeYaml.replaceAll("'[^']*'|\"[^\"]*\"", "'…'").replaceAll("(alias|anchor|tag|handle) \\S+", "$1")
                .lines().findFirst().orElse("syntax error");
    }

    private static LoaderOptions options() {
        LoaderOptions o = new LoaderOptions();
        o.setAllowDuplicateKeys(true); // reported by us, with both lines
        o.setMaxAliasesForCollections(10);
        o.setNestingDepthLimit(20);
        o.setCodePointLimit(MAX_BYTES);
        o.setAllowRecursiveKeys(false);
        return o;
    }

    static String where(Path file, Node n) {
        Mark m = n.getStartMark();
        return file + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1);
    }

    private static String firstChild(String group) {
        return Schema.fileKeys().stream().filter(k -> k.startsWith(group + ".")).findFirst().orElse(group)
                .substring(group.length() + 1);
    }

    /** One pass over the node tree, collecting every problem. */
    private record Walk(Path file, RawSettings raw, List<ConfigError> errors) {
        void mapping(String prefix, MappingNode map) {
            Map<String, Node> seen = new HashMap<>();
            for (NodeTuple t : map.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode k)) {
                    errors.add(new ConfigError(prefix.isEmpty() ? "--config" : prefix.substring(0, prefix.length() - 1),
                            "a key must be a plain name", "write key: value", where(file, t.getKeyNode())));
                    continue;
                }
                String key = prefix + k.getValue();
                Node earlier = seen.putIfAbsent(key, k);
                if (earlier != null) {
                    errors.add(new ConfigError(UnknownKeys.shown(key), "is set twice, at line " + (earlier.getStartMark().getLine() + 1)
                            + " and line " + (k.getStartMark().getLine() + 1), "keep one of them",
                            where(file, k)));
                    continue;
                }
                value(key, k, t.getValueNode());
            }
        }

        private void value(String key, ScalarNode keyNode, Node v) {
            if (Schema.secretOf(key + SecretResolver.ENV).isPresent()) {
                errors.add(new ConfigError(key, "a password must not be written in the config file (the value is "
                        + "not shown)", "put it in a file of its own (chmod 600) and set " + key + "_file, or set "
                        + key + "_env to the name of an environment variable", where(file, keyNode)));
            } else if (Schema.isGroup(key)) {
                if (v instanceof MappingNode nested) {
                    mapping(key + ".", nested);
                } else {
                    errors.add(new ConfigError(key, "is a group of settings, not a value", "write its settings "
                            + "indented below it, e.g. " + key + ":\n  " + firstChild(key) + ": VALUE", where(file, v)));
                }
            } else if (!Schema.fileKeys().contains(key)) {
                errors.add(new ConfigError(UnknownKeys.shown(key), "unknown setting", UnknownKeys.fix(key),
                        where(file, keyNode)));
            } else if (v instanceof ScalarNode s) {
                scalar(key, s);
            } else {
                String kind = v instanceof SequenceNode ? "a list" : "a group of settings";
                errors.add(new ConfigError(key, "expected one value, found " + kind, "write " + key.replaceAll(
                        ".*\\.", "") + ": VALUE", where(file, v)));
            }
        }

        private void scalar(String key, ScalarNode s) {
            Tag tag = s.getTag();
            if (!tag.getValue().startsWith(Tag.PREFIX) || tag.equals(Tag.BINARY)) {
                errors.add(new ConfigError(key, "has a YAML tag (" + tag.getValue() + ")", "write the plain value",
                        where(file, s)));
                return;
            }
            if (s.getValue().isEmpty() && s.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN) {
                return; // "key:" with nothing after it: not set
            }
            raw.put(key, s.getValue(), Origin.file(file, s.getStartMark().getLine() + 1,
                    s.getStartMark().getColumn() + 1));
        }
    }
}
