package dev.picotool.verify;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Judges a board's retained Home Assistant discovery (firmware/hadiscovery.py): one document on
 * {@code <prefix>/device/<board id>/config} (device mode), or one per sensor on
 * {@code <prefix>/sensor/<board id>_<sensor>/config} (component mode). Each must be JSON whose keys Home Assistant
 * knows ({@link HaKeys}), with an origin that has a name, a device whose identifiers hold the board id, and
 * components that each have a platform and a unique id, read one of the board's verified topics, take the board's
 * status topic as their availability and expire after about three intervals. Every verified reading topic of the
 * board must be read by a component.
 */
final class DiscoveryCheck {
    /** How many problems one verdict lists before it says how many more there are. */
    private static final int SHOWN_PROBLEMS = 3;
    private static final Set<String> DOCUMENT_KEYS = HaKeys.accepted(HaKeys.SENSOR, HaKeys.DEVICE_DOCUMENT);
    private static final Set<String> COMPONENT_KEYS = HaKeys.accepted(HaKeys.SENSOR, HaKeys.COMPONENT);
    private static final Set<String> SENSOR_KEYS = HaKeys.accepted(HaKeys.SENSOR);

    /**
     * What the board's discovery must say.
     *
     * @param mode           "device" or "component" as the firmware was rendered; empty = whichever is retained
     * @param readings       the reading topics verify checks
     * @param diagnostics    the health report's topic (its diagnostic sensors read it)
     * @param interval       the readings' interval
     * @param reportInterval the health report's interval, when known
     */
    record Expect(String prefix, Optional<String> mode, List<TopicPattern> readings, TopicPattern status,
                  Optional<TopicPattern> diagnostics, Duration interval, Optional<Duration> reportInterval) {
        Expect {
            readings = List.copyOf(readings);
        }
    }

    private final Expect expect;
    private final Pattern device;
    private final Pattern sensor;

    DiscoveryCheck(Expect expect) {
        this.expect = expect;
        String prefix = Pattern.quote(expect.prefix());
        this.device = Pattern.compile(prefix + "/device/([0-9a-f]{16})/config");
        this.sensor = Pattern.compile(prefix + "/sensor/([0-9a-f]{16})_([A-Za-z0-9_-]+)/config");
    }

    /** Where discovery documents are retained: what to subscribe to. */
    List<String> filters() {
        return List.of(expect.prefix() + "/device/+/config", expect.prefix() + "/sensor/+/config");
    }

    /** The board a discovery topic belongs to; empty for other topics. */
    Optional<String> boardOf(String topic) {
        Matcher m = device.matcher(topic);
        if (m.matches()) {
            return Optional.of(m.group(1));
        }
        m = sensor.matcher(topic);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Where this board's documents are, in words for a missing one. */
    String where(String boardId) {
        String d = expect.prefix() + "/device/" + boardId + "/config";
        String c = expect.prefix() + "/sensor/" + boardId + "_…/config";
        return expect.mode().map(m -> m.equals("component") ? c : d).orElse(d + " or " + c);
    }

    /** The verdict on this board's documents (topic → payload, empty payloads already left out). */
    Verdict judge(String boardId, Map<String, byte[]> documents) {
        Map<String, Map<String, Object>> components = new LinkedHashMap<>();
        String problems = problems(boardId, documents, components);
        String mode = documents.containsKey(expect.prefix() + "/device/" + boardId + "/config") ? "device document"
                : "per-sensor documents";
        return Verdict.of(problems, mode + ", " + components.size() + (components.size() == 1 ? " sensor" : " sensors")
                + " on " + String.join(", ",
                components.values().stream().map(c -> text(c, "stat_t").map(t -> withBase(c, t)).orElse(""))
                        .distinct().toList()));
    }

    private String problems(String boardId, Map<String, byte[]> documents,
                            Map<String, Map<String, Object>> components) {
        List<String> problems = new ArrayList<>();
        String deviceTopic = expect.prefix() + "/device/" + boardId + "/config";
        boolean deviceMode = documents.containsKey(deviceTopic);
        boolean componentMode = documents.keySet().stream().anyMatch(t -> sensor.matcher(t).matches());
        if (!deviceMode && !componentMode) {
            return "no discovery document retained on " + where(boardId) + ": is discovery on (--ha-discovery)?";
        }
        if (deviceMode && componentMode) {
            problems.add("both a device document and per-sensor documents are retained, so Home Assistant gets "
                    + "each sensor twice: clear them with `picotool ha remove --board " + boardId + "` and restart "
                    + "the board");
        }
        expect.mode().filter(m -> m.equals("device") ? !deviceMode : !componentMode).ifPresent(m -> problems.add(
                "the settings say " + m + " mode, but no " + m + " document is retained (" + where(boardId) + ")"));
        documents.forEach((topic, payload) -> {
            Matcher m = sensor.matcher(topic);
            boolean isDevice = topic.equals(deviceTopic);
            if (!isDevice && !m.matches()) {
                return;
            }
            Map<String, Object> doc;
            try {
                doc = JsonDocument.object(payload);
            } catch (JsonDocument.Problem e) {
                problems.add(topic + ": " + e.getMessage());
                return;
            }
            String where = isDevice ? "the device document" : "sensor '" + m.group(2) + "'";
            unknownKeys(doc, isDevice ? DOCUMENT_KEYS : SENSOR_KEYS, where, problems);
            origin(doc, where, problems);
            device(doc, boardId, where, problems);
            if (!isDevice) {
                components.put(m.group(2), doc);
                return;
            }
            Object cmps = JsonDocument.first(doc, HaKeys.both(HaKeys.DEVICE_DOCUMENT, "cmps")).map(Map.Entry::getValue)
                    .orElse(null);
            if (!(cmps instanceof Map<?, ?> map) || map.isEmpty()) {
                problems.add(where + " has no components ('cmps')");
                return;
            }
            map.forEach((key, c) -> {
                if (!(c instanceof Map<?, ?> component)) {
                    problems.add("component '" + key + "' is not an object");
                    return;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> merged = new LinkedHashMap<>(shared(doc));
                merged.putAll((Map<String, Object>) component);
                unknownKeys((Map<String, Object>) component, COMPONENT_KEYS, "component '" + key + "'", problems);
                if (!(JsonDocument.first(merged, HaKeys.both(HaKeys.COMPONENT, "p")).map(Map.Entry::getValue)
                        .orElse(null) instanceof String p) || p.isEmpty()) {
                    problems.add("component '" + key + "' has no platform ('p')");
                }
                components.put(String.valueOf(key), merged);
            });
        });
        // What is missing first: it says most about a document that points elsewhere.
        Set<String> read = new LinkedHashSet<>();
        components.values().forEach(c -> text(c, "stat_t").ifPresent(t -> read.add(withBase(c, t))));
        expect.readings().stream().map(r -> r.forBoard(boardId)).filter(t -> !read.contains(t))
                .forEach(t -> problems.add("no sensor reads " + t));
        components.forEach((key, c) -> component(key, c, boardId, problems));
        return summary(problems);
    }

    /** One sensor: unique id, state topic, availability, expiry. */
    private void component(String key, Map<String, Object> c, String boardId, List<String> problems) {
        String where = "component '" + key + "'";
        if (text(c, "uniq_id").filter(s -> !s.isEmpty()).isEmpty()) {
            problems.add(where + " has no unique id ('uniq_id')");
        }
        Optional<String> state = text(c, "stat_t").map(t -> withBase(c, t));
        Set<String> readings = new LinkedHashSet<>();
        expect.readings().forEach(r -> readings.add(r.forBoard(boardId)));
        Optional<String> report = expect.diagnostics().map(d -> d.forBoard(boardId));
        if (state.isEmpty()) {
            problems.add(where + " has no state topic ('stat_t')");
        } else if (!readings.contains(state.get()) && !report.equals(state)) {
            List<String> known = new ArrayList<>(readings);
            report.ifPresent(known::add);
            problems.add(where + " reads '" + state.get() + "', which is none of this board's topics ("
                    + String.join(", ", known) + ")");
        }
        String status = expect.status().forBoard(boardId);
        if (!availability(c).contains(status)) {
            problems.add(where + " does not take its availability from the status topic " + status + " ('avty_t' is "
                    + availability(c).stream().findFirst().map(JsonDocument::shown).orElse("missing") + ")");
        }
        boolean fromReport = report.isPresent() && report.equals(state);
        Optional<Duration> every = fromReport ? expect.reportInterval() : Optional.of(expect.interval());
        Object expire = JsonDocument.first(c, HaKeys.both(HaKeys.SENSOR, "exp_aft")).map(Map.Entry::getValue)
                .orElse(null);
        if (expire == null) {
            problems.add(where + " has no expire_after: it would show its last value for ever after the board stops");
        } else if (!(expire instanceof Long seconds) || seconds <= 0) {
            problems.add(where + ": expire_after is " + JsonDocument.shown(expire) + ", expected whole seconds");
        } else if (every.isPresent() && !aboutThree(seconds, every.get())) {
            problems.add(where + ": expire_after is " + seconds + " s, expected about 3 intervals of "
                    + Durations.text(every.get()) + " (" + Durations.text(every.get().multipliedBy(3)) + ")");
        }
    }

    /** 2.5 to 3.5 intervals: hadiscovery.py gives 3 intervals rounded up to whole seconds. */
    private static boolean aboutThree(long seconds, Duration interval) {
        BigDecimal i = BigDecimal.valueOf(interval.toMillis()).movePointLeft(3);
        BigDecimal low = i.multiply(BigDecimal.valueOf(2.5)).setScale(0, RoundingMode.FLOOR);
        BigDecimal high = i.multiply(BigDecimal.valueOf(3.5)).setScale(0, RoundingMode.CEILING);
        BigDecimal s = BigDecimal.valueOf(seconds);
        return s.compareTo(low) >= 0 && s.compareTo(high) <= 0;
    }

    /** The availability topics: avty_t, or the topics of an availability list. */
    private static List<String> availability(Map<String, Object> c) {
        List<String> out = new ArrayList<>();
        text(c, "avty_t").ifPresent(t -> out.add(withBase(c, t)));
        Object list = JsonDocument.first(c, HaKeys.both(HaKeys.SENSOR, "avty")).map(Map.Entry::getValue).orElse(null);
        if (list instanceof List<?> entries) {
            for (Object e : entries) {
                if (e instanceof Map<?, ?> m && (m.containsKey("t") ? m.get("t") : m.get("topic")) instanceof String t) {
                    out.add(withBase(c, t));
                }
            }
        }
        return out;
    }

    /** The keys of a device document that its components share (all but the device-level blocks). */
    private static Map<String, Object> shared(Map<String, Object> doc) {
        Map<String, Object> out = new LinkedHashMap<>(doc);
        List.of(HaKeys.both(HaKeys.DEVICE_DOCUMENT, "cmps")).forEach(out::remove);
        return out;
    }

    private static void unknownKeys(Map<String, Object> doc, Set<String> accepted, String where,
                                    List<String> problems) {
        doc.keySet().stream().filter(k -> !accepted.contains(k)).forEach(k -> problems.add(where + " has the key '"
                + k + "', which Home Assistant does not know (it ignores it)"));
    }

    private static void origin(Map<String, Object> doc, String where, List<String> problems) {
        block(doc, "o", "origin", HaKeys.ORIGIN, where, problems).ifPresentOrElse(m -> {
            if (!(m.get("name") instanceof String name) || name.isEmpty()) {
                problems.add(where + "'s origin ('o') has no name");
            }
        }, () -> problems.add(where + " has no origin ('o'), which device discovery requires"));
    }

    private static void device(Map<String, Object> doc, String boardId, String where, List<String> problems) {
        block(doc, "dev", "device", HaKeys.DEVICE, where, problems).ifPresentOrElse(m -> {
            Object ids = JsonDocument.first(m, HaKeys.both(HaKeys.DEVICE, "ids")).map(Map.Entry::getValue)
                    .orElse(null);
            if (!(ids instanceof List<?> list ? list.contains(boardId) : boardId.equals(ids))) {
                problems.add(where + "'s device identifiers ('ids') do not hold the board id " + boardId);
            }
        }, () -> problems.add(where + " has no device ('dev')"));
    }

    /** A nested block ({@code o}, {@code dev}) as an object whose keys are checked against its table; empty if none. */
    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> block(Map<String, Object> doc, String key, String name,
                                                       Map<String, String> table, String where,
                                                       List<String> problems) {
        Object b = JsonDocument.first(doc, HaKeys.both(HaKeys.SENSOR, key)).map(Map.Entry::getValue).orElse(null);
        if (!(b instanceof Map<?, ?>)) {
            return Optional.empty();
        }
        Map<String, Object> m = (Map<String, Object>) b;
        unknownKeys(m, HaKeys.accepted(table), where + "'s " + name, problems);
        return Optional.of(m);
    }

    /** A text value by its abbreviation or full name. */
    private static Optional<String> text(Map<String, Object> c, String abbreviation) {
        return JsonDocument.first(c, HaKeys.both(HaKeys.SENSOR, abbreviation)).map(Map.Entry::getValue)
                .filter(String.class::isInstance).map(String.class::cast);
    }

    /** Home Assistant's {@code ~}: a topic starting or ending with it has the base topic there. */
    private static String withBase(Map<String, Object> c, String topic) {
        if (!(c.get("~") instanceof String base)) {
            return topic;
        }
        return topic.startsWith("~") ? base + topic.substring(1) : topic.endsWith("~")
                ? topic.substring(0, topic.length() - 1) + base : topic;
    }

    private static String summary(List<String> problems) {
        if (problems.size() <= SHOWN_PROBLEMS) {
            return String.join("; ", problems);
        }
        return String.join("; ", problems.subList(0, SHOWN_PROBLEMS)) + " (and " + (problems.size() - SHOWN_PROBLEMS)
                + " more)";
    }
}
