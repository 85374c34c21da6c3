package dev.picotool.cli;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Consumer;

/**
 * Catches SIGINT and SIGTERM instead of letting them end the JVM, through {@code sun.misc.Signal} (module
 * jdk.unsupported, in every JDK since 9; reached reflectively so the build has no proprietary-API warning). Without
 * it, Ctrl-C starts the JVM's shutdown at once, jSerialComm's shutdown hook closes the port under the running flash,
 * and the user reads "the board disconnected" about a board that is fine.
 */
final class SignalTrap {
    private static final String[] SIGNALS = {"INT", "TERM"};

    private SignalTrap() {
    }

    /** Routes both signals to {@code handler} (with "INT" or "TERM") until the returned handle is closed. */
    static AutoCloseable install(Consumer<String> handler) {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
            Constructor<?> named = signal.getConstructor(String.class);
            Method handle = signal.getMethod("handle", signal, handlerType);
            Method getName = signal.getMethod("getName");
            Object ours = Proxy.newProxyInstance(SignalTrap.class.getClassLoader(), new Class<?>[] {handlerType},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "handle" -> {
                            handler.accept((String) getName.invoke(args[0]));
                            yield null;
                        }
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> "picotool signal trap";
                    });
            Object[] previous = new Object[SIGNALS.length];
            for (int i = 0; i < SIGNALS.length; i++) {
                previous[i] = handle.invoke(null, named.newInstance(SIGNALS[i]), ours);
            }
            return () -> {
                for (int i = 0; i < SIGNALS.length; i++) {
                    handle.invoke(null, named.newInstance(SIGNALS[i]), previous[i]);
                }
            };
        } catch (ReflectiveOperationException | RuntimeException | LinkageError unavailable) {
            return () -> { }; // a JVM without it keeps its default: the signal ends picotool at once
        }
    }
}
