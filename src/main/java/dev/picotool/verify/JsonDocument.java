package dev.picotool.verify;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A retained JSON document from a board (its health report, its Home Assistant discovery) read with jackson-core
 * into plain values: {@link Map} (keys in order), {@link List}, {@link String}, {@link Long} or {@link Double},
 * {@link Boolean}, and {@code null}. Nothing from the broker is trusted to be small, shallow or well-formed: the
 * answer is a document or a {@link Problem} in words.
 */
final class JsonDocument {
    /** Discovery documents are about 2 KB, health reports about 300 bytes; nesting is 3 levels deep. */
    static final int MAX_BYTES = PahoBrokerEvents.MAX_PAYLOAD_BYTES;
    private static final int MAX_NESTING = 16;
    private static final int SHOWN_ERROR_CHARS = 80;
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING)
                    .maxStringLength(MAX_BYTES).maxNumberLength(64).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** Why a payload is not the JSON object it should be, in words. */
    static final class Problem extends Exception {
        Problem(String message) {
            super(message, null, false, false);
        }
    }

    private JsonDocument() {
    }

    /** The payload as a JSON object. */
    static Map<String, Object> object(byte[] payload) throws Problem {
        if (payload.length == 0) {
            throw new Problem("empty payload");
        }
        if (payload.length > MAX_BYTES) {
            throw new Problem("longer than " + MAX_BYTES + " bytes");
        }
        try (JsonParser p = JSON.createParser(payload)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new Problem("not a JSON object");
            }
            Map<String, Object> doc = readObject(p);
            if (p.nextToken() != null) {
                throw new Problem("invalid JSON: more after the object");
            }
            return doc;
        } catch (JsonProcessingException e) { // syntax, duplicate keys, nesting and size limits
            throw new Problem("invalid JSON: " + shorten(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new Problem("invalid JSON: " + shorten(String.valueOf(e.getMessage())));
        }
    }

    private static Map<String, Object> readObject(JsonParser p) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            out.put(name, value(p));
        }
        return out;
    }

    private static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT:
                return readObject(p);
            case START_ARRAY:
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(p));
                }
                return list;
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? (Object) p.getDoubleValue()
                        : (Object) p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    /** The first of {@code keys} the object has (an abbreviation or the full name), with its value. */
    static Optional<Map.Entry<String, Object>> first(Map<String, Object> object, String... keys) {
        for (String k : keys) {
            if (object.containsKey(k)) {
                return Optional.of(new java.util.AbstractMap.SimpleImmutableEntry<>(k, object.get(k)));
            }
        }
        return Optional.empty();
    }

    /** A value as a short text for messages. */
    static String shown(Object v) {
        String s = v == null ? "null" : v instanceof String text ? "\"" + text + "\"" : String.valueOf(v);
        return shorten(s);
    }

    private static String shorten(String s) {
        String one = s.lines().findFirst().orElse("");
        return one.length() <= SHOWN_ERROR_CHARS ? one : one.substring(0, SHOWN_ERROR_CHARS) + "…";
    }
}
