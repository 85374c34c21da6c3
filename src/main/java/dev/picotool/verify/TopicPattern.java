package dev.picotool.verify;

import dev.picotool.config.Placeholders;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A topic setting as verify listens to it. The board fills in {@code {id}}, {@code {id4}} and {@code {name}} when it
 * starts (firmware/app.py, {@link Placeholders#expand}), so verify subscribes with {@code +} in every level that holds
 * one of them ({@code pico/{id}/status} → {@code pico/+/status}, {@code pico-{id4}/t} → {@code +/t}) and matches each
 * topic that arrives against a pattern, which also says whose it is. {@code {name}} is the device name, itself with
 * {@code {id}}/{@code {id4}} filled in: a name without them is the same on every board, so it is matched as text.
 */
final class TopicPattern {
    /** What {@code machine.unique_id()} becomes on the board: lower-case hex (app.py, binascii.hexlify). */
    private static final String ID = "(?<id>[0-9a-f]{16})";
    private static final String ID4 = "(?<id4>[0-9a-f]{4})";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{id}|\\{id4}");

    /** Whose a topic is: the whole board id, or only its last 4 hex digits when the topic holds just {@code {id4}}. */
    record Board(Optional<String> id, String id4) {
        static Board of(String id) {
            return new Board(Optional.of(id), id.substring(id.length() - 4));
        }
    }

    private final String template;
    private final String expanded;
    private final String filter;
    private final Pattern pattern;
    private final boolean hasId;

    private TopicPattern(String template, String expanded, String filter, Pattern pattern, boolean hasId) {
        this.template = template;
        this.expanded = expanded;
        this.filter = filter;
        this.pattern = pattern;
        this.hasId = hasId;
    }

    /**
     * @param template   a topic setting, placeholders and all
     * @param deviceName the device-name setting ({@code {name}} in a topic is this, as the board fills it in)
     * @throws IllegalArgumentException when {@code {name}} would put MQTT's wildcards into the topic
     */
    static TopicPattern of(String template, String deviceName) {
        String expanded = template.replace(Placeholders.NAME, deviceName);
        if (template.contains(Placeholders.NAME) && (deviceName.contains("+") || deviceName.contains("#"))) {
            throw new IllegalArgumentException("the topic " + template + " holds {name}, and the device name '"
                    + deviceName + "' contains + or #, which no topic may hold");
        }
        if (!PLACEHOLDER.matcher(expanded).find()) {
            return new TopicPattern(template, expanded, expanded, null, false);
        }
        List<String> levels = new ArrayList<>();
        for (String level : expanded.split("/", -1)) {
            levels.add(PLACEHOLDER.matcher(level).find() ? "+" : level);
        }
        StringBuilder regex = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(expanded);
        int at = 0;
        boolean id = false;
        boolean id4 = false;
        while (m.find()) {
            regex.append(Pattern.quote(expanded.substring(at, m.start())));
            if (m.group().equals(Placeholders.ID)) {
                regex.append(id ? "\\k<id>" : ID);
                id = true;
            } else {
                regex.append(id4 ? "\\k<id4>" : ID4);
                id4 = true;
            }
            at = m.end();
        }
        regex.append(Pattern.quote(expanded.substring(at)));
        return new TopicPattern(template, expanded, String.join("/", levels), Pattern.compile(regex.toString()), id);
    }

    /** The topic setting as written. */
    String template() {
        return template;
    }

    /** What to subscribe to. */
    String filter() {
        return filter;
    }

    /** True when the topic is each board's own; false when every board publishes to the same one. */
    boolean perBoard() {
        return pattern != null;
    }

    /** True when the topic tells the whole board id, not only its last 4 digits. */
    boolean hasWholeId() {
        return hasId;
    }

    /**
     * Whether {@code topic} is this one, and whose: empty when it is not; a board when it is and the topic is each
     * board's own; {@code Optional.of(Optional.empty())} when it is the one topic every board shares.
     */
    Optional<Optional<Board>> match(String topic) {
        if (pattern == null) {
            return topic.equals(expanded) ? Optional.of(Optional.empty()) : Optional.empty();
        }
        Matcher m = pattern.matcher(topic);
        if (!m.matches()) {
            return Optional.empty();
        }
        String id = hasId ? m.group("id") : null;
        String id4 = expanded.contains(Placeholders.ID4) ? m.group("id4") : null;
        if (id != null && id4 != null && !id.endsWith(id4)) {
            return Optional.empty(); // {id} and {id4} of two different boards: no board publishes that
        }
        return Optional.of(Optional.of(id != null ? Board.of(id) : new Board(Optional.empty(), id4)));
    }

    /** The topic of this board as far as it is known: with only the last 4 digits, {@code {id}} stays. */
    String shownFor(Board b) {
        return b.id().map(this::forBoard).orElse(expanded.replace(Placeholders.ID4, b.id4()));
    }

    /** The topic of the board with this id, as it fills it in. */
    String forBoard(String boardId) {
        return expanded.replace(Placeholders.ID4, boardId.substring(boardId.length() - 4))
                .replace(Placeholders.ID, boardId);
    }

    @Override
    public String toString() {
        return template;
    }
}
