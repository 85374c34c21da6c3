package dev.picotool.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.picotool.config.Placeholders;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Topic settings with the board's placeholders: what verify subscribes to, and whose each topic is. */
class TopicPatternTest {
    static final String A = "e6614103e7a1b2c3";
    static final String B = "e66141040b0c0d0e";

    @Test
    void idLevelsAreSubscribedWithPlusAndMatchedBackToTheirBoard() {
        TopicPattern p = TopicPattern.of("pico/{id}/status", "Pico W {id4}");

        assertThat(p.filter()).isEqualTo("pico/+/status");
        assertThat(p.perBoard()).isTrue();
        assertThat(p.match("pico/" + A + "/status")).contains(Optional.of(TopicPattern.Board.of(A)));
        assertThat(p.match("pico/" + B + "/status").orElseThrow().orElseThrow().id()).contains(B);
        for (String other : java.util.List.of("pico/status", "pico/" + A + "/status/x", "pico/kitchen/status",
                "pico/" + A.toUpperCase() + "/status", "pico/e661/status")) {
            assertThat(p.match(other)).as(other).isEmpty();
        }
        assertThat(p.forBoard(A)).isEqualTo(Placeholders.expand("pico/{id}/status", A, "x"));
    }

    @Test
    void aPlaceholderInsideALevelSubscribesTheWholeLevel() {
        TopicPattern p = TopicPattern.of("pico-{id4}/t", "x");

        assertThat(p.filter()).isEqualTo("+/t");
        assertThat(p.hasWholeId()).isFalse();
        assertThat(p.match("pico-b2c3/t")).contains(Optional.of(new TopicPattern.Board(Optional.empty(), "b2c3")));
        assertThat(p.match("kitchen/t")).isEmpty();
        assertThat(p.shownFor(new TopicPattern.Board(Optional.empty(), "b2c3"))).isEqualTo("pico-b2c3/t");
    }

    @Test
    void idAndId4MustBeTheSameBoard() {
        TopicPattern p = TopicPattern.of("{id}/x-{id4}", "x");

        assertThat(p.filter()).isEqualTo("+/+");
        assertThat(p.match(A + "/x-b2c3")).isPresent();
        assertThat(p.match(A + "/x-0d0e")).isEmpty();
    }

    @Test
    void nameIsTheDeviceNameAsTheBoardFillsItIn() {
        TopicPattern withId = TopicPattern.of("home/{name}/t", "Kitchen {id4}");
        assertThat(withId.filter()).isEqualTo("home/+/t");
        assertThat(withId.match("home/Kitchen b2c3/t").orElseThrow().orElseThrow().id4()).isEqualTo("b2c3");
        assertThat(withId.match(Placeholders.expand("home/{name}/t", A, "Kitchen {id4}"))).isPresent();

        TopicPattern fixed = TopicPattern.of("home/{name}/t", "Kitchen");
        assertThat(fixed.perBoard()).isFalse();
        assertThat(fixed.filter()).isEqualTo("home/Kitchen/t");
        assertThat(fixed.match("home/Kitchen/t")).contains(Optional.empty());

        assertThatThrownBy(() -> TopicPattern.of("home/{name}/t", "A+B")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("contains + or #");
    }

    @Test
    void aTopicWithoutPlaceholdersIsEveryBoardsAndMatchedExactly() {
        TopicPattern p = TopicPattern.of("pico/temperature/dht22", "Pico W {id4}");

        assertThat(p.perBoard()).isFalse();
        assertThat(p.filter()).isEqualTo("pico/temperature/dht22");
        assertThat(p.match("pico/temperature/dht22")).contains(Optional.empty());
        assertThat(p.match("pico/temperature/dht2")).isEmpty();
    }

    @Test
    void regexCharactersInTopicsAreText() {
        TopicPattern p = TopicPattern.of("a.b/(x)*/{id}/$?", "x");

        assertThat(p.match("a.b/(x)*/" + A + "/$?")).isPresent();
        assertThat(p.match("aXb/(x)*/" + A + "/$?")).isEmpty();
    }
}
