package dev.picotool.testing;

import dev.picotool.broker.EmbeddedBroker;
import dev.picotool.config.Secret;
import java.util.Optional;

/** picotool's own {@link EmbeddedBroker} on 127.0.0.1, restartable on the same port. */
public final class EmbeddedTestBroker implements TestBroker {
    private final EmbeddedBroker.Options options;
    private EmbeddedBroker broker;

    private EmbeddedTestBroker(EmbeddedBroker.Options options) {
        this.broker = EmbeddedBroker.start(options);
        this.options = new EmbeddedBroker.Options(options.bind(), broker.port(), options.username(),
                options.password());
    }

    public static EmbeddedTestBroker anonymous() {
        return new EmbeddedTestBroker(EmbeddedBroker.Options.anonymous("127.0.0.1", 0));
    }

    public static EmbeddedTestBroker withPassword(String user, String password) {
        return new EmbeddedTestBroker(new EmbeddedBroker.Options("127.0.0.1", 0, Optional.of(user),
                Optional.of(new Secret(password.toCharArray(), "test"))));
    }

    @Override
    public int port() {
        return options.port();
    }

    @Override
    public void restart() {
        broker.close();
        broker = EmbeddedBroker.start(options);
    }

    @Override
    public void close() {
        broker.close();
    }

    @Override
    public String toString() {
        return "embedded broker on " + address();
    }
}
