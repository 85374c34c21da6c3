package dev.picotool.cli;

import static dev.picotool.config.ConfigFields.*;

import dev.picotool.config.RawConfig;
import picocli.CommandLine.Option;

/** The firmware's topics: where it publishes, and so where verify listens. */
public class TopicOptions {
    @Option(names = "--topic-internal", paramLabel = "TOPIC", description = "Default: " + DEFAULT_TOPIC_INTERNAL)
    String topicInternal;

    @Option(names = "--topic-temperature", paramLabel = "TOPIC", description = "Default: "
            + DEFAULT_TOPIC_TEMPERATURE)
    String topicTemperature;

    @Option(names = "--topic-humidity", paramLabel = "TOPIC", description = "Default: " + DEFAULT_TOPIC_HUMIDITY)
    String topicHumidity;

    @Option(names = "--topic-status", paramLabel = "TOPIC", description = "Retained online/offline. Default: "
            + DEFAULT_TOPIC_STATUS)
    String topicStatus;

    RawConfig putInto(RawConfig raw) {
        return raw.put(TOPIC_INTERNAL, topicInternal).put(TOPIC_TEMPERATURE, topicTemperature)
                .put(TOPIC_HUMIDITY, topicHumidity).put(TOPIC_STATUS, topicStatus);
    }
}
