package dev.picotool.cli;

import dev.picotool.TerminalText;
import dev.picotool.ExitCode;
import dev.picotool.PicoToolException;
import dev.picotool.config.ConfigError;
import dev.picotool.config.ConfigException;
import dev.picotool.config.ConfigValidator;
import dev.picotool.config.Origin;
import dev.picotool.config.RawSettings;
import dev.picotool.config.RawValue;
import dev.picotool.setup.AnswerSecrets;
import dev.picotool.setup.SecretsFile;
import dev.picotool.setup.WifiNetworks;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@code init}'s questions, ESPHome's wizard being the model: each with a default, each answer checked as it is typed
 * by the same rules and messages as {@code validate} ({@link ConfigValidator#problemsWith}), passwords asked without
 * echo and bound for owner-only files. Settings given as flags are not asked; with {@code --yes} nothing is.
 */
final class InitWizard {
    static final String WIFI_SSID = "wifi.ssid";
    static final String WIFI_OPEN = "wifi.open";
    static final String WIFI_PASSWORD = "wifi.password";
    static final String BROKER = "mqtt.broker";
    static final String MQTT_USER = "mqtt.username";
    static final String MQTT_PASSWORD = "mqtt.password";
    static final String SENSOR = "sensor.type";
    static final String PIN = "sensor.pin";
    static final String INTERVAL = "interval";
    static final String DISCOVERY = "home_assistant.discovery";
    private static final String FILE = "_file";
    private static final String ENV = "_env";

    private final Prompter in;
    private final PrintWriter out;
    private final ConfigValidator validator;
    private final AnswerSecrets secrets;
    private final Path secretsDir;
    private final Path home;
    /** The flags, then the answers: key (as in the YAML) to value. */
    private final Map<String, RawValue> answers = new LinkedHashMap<>();
    /** Secrets files to write once every answer is in: file → the setting whose password it holds. */
    private final Map<Path, String> pending = new LinkedHashMap<>();

    InitWizard(Prompter in, PrintWriter out, ConfigValidator validator, AnswerSecrets secrets, Path secretsDir,
               Path home, RawSettings flags) {
        this.in = in;
        this.out = out;
        this.validator = validator;
        this.secrets = secrets;
        this.secretsDir = secretsDir;
        this.home = home;
        flags.asMap().forEach((k, v) -> {
            if (!k.endsWith("_prompt")) { // --wifi-password (ask): the questions ask anyway
                answers.put(k, v);
            }
        });
    }

    /** The answers so far as settings, as validate would read them. */
    private RawSettings current() {
        RawSettings r = new RawSettings();
        answers.forEach((k, v) -> r.put(k, v.text(), v.origin()));
        return r;
    }

    private boolean has(String key) {
        return answers.containsKey(key);
    }

    private Optional<String> text(String key) {
        return Optional.ofNullable(answers.get(key)).map(RawValue::text);
    }

    private void put(String key, String value) {
        answers.put(key, new RawValue(value, Origin.flag("init")));
    }

    /** The settings to write, and the password files they name (with the passwords, in {@link AnswerSecrets}). */
    record Result(RawSettings settings, Map<Path, String> secretFiles) {
    }

    Result ask(boolean interactive, Supplier<WifiNetworks.Scan> networks, List<String> lan) {
        refuseBadFlags();
        if (interactive) {
            out.println("A few questions, then the settings file is written. Enter takes the [default].");
            WifiNetworks.Scan scan = has(WIFI_SSID) ? WifiNetworks.Scan.NONE : networks.get();
            setting(WIFI_SSID, "Wi-Fi network (2.4 GHz) the Pico joins", scan.active().or(() -> scan.ssids().stream()
                    .findFirst()), scan.ssids(), "networks this computer sees");
            wifiPassword();
            setting(BROKER, "MQTT broker, as the Pico reaches it", lan.stream().findFirst(), lan.stream().map(a -> a
                    + "   (this computer: run `picotool broker` here, or Mosquitto)").toList(), "this computer");
            mqttLogin();
            setting(SENSOR, "Sensor: dht22, dht11 or none", Optional.of("dht22"), List.of(), "");
            if (!text(SENSOR).orElse("").equalsIgnoreCase("none")) {
                setting(PIN, "Sensor data pin (GPn)", Optional.of("GP15"), List.of(), "");
            }
            setting(INTERVAL, "Seconds between readings", Optional.of("10"), List.of(), "");
            yesNo(DISCOVERY, "Announce the sensors to Home Assistant (MQTT discovery)?", true);
        } else {
            defaults();
        }
        validator.validate(current());
        return new Result(current(), pending);
    }

    /** A value given as a flag that validate would refuse is reported before any question. */
    private void refuseBadFlags() {
        List<ConfigError> bad = new ArrayList<>();
        for (String key : answers.keySet()) {
            String setting = key.endsWith(FILE) || key.endsWith(ENV) ? key.substring(0, key.lastIndexOf('_')) : key;
            bad.addAll(validator.problemsWith(current(), setting));
        }
        if (!bad.isEmpty()) {
            throw new ConfigException(bad.stream().distinct().toList());
        }
    }

    /** --yes: what the questions would have defaulted to, and a password from PICOTOOL_WIFI_PASSWORD kept in a file. */
    private void defaults() {
        putIfAbsent(SENSOR, "dht22");
        if (!text(SENSOR).orElse("").equalsIgnoreCase("none")) {
            putIfAbsent(PIN, "GP15");
        }
        putIfAbsent(INTERVAL, "10");
        putIfAbsent(DISCOVERY, "true");
        boolean open = text(WIFI_OPEN).map(v -> v.equals("true")).orElse(false);
        if (!open && !sourceGiven(WIFI_PASSWORD)) {
            secrets.env("PICOTOOL_WIFI_PASSWORD").filter(p -> !p.isEmpty()).ifPresent(p ->
                    keepTyped(WIFI_PASSWORD, "wifi", text(WIFI_SSID).orElse("network"), p.toCharArray()));
        }
    }

    private void putIfAbsent(String key, String value) {
        if (!has(key)) {
            put(key, value);
        }
    }

    private boolean sourceGiven(String secret) {
        return has(secret + FILE) || has(secret + ENV) || has(secret + "_prompt");
    }

    /** Asks until the answer passes the setting's checks; a number picks one of {@code choices}. */
    private void setting(String key, String question, Optional<String> dflt, List<String> choices, String listTitle) {
        if (has(key)) {
            out.println(question + ": " + TerminalText.escape(text(key).get()) + " (given)");
            return;
        }
        if (!choices.isEmpty()) {
            out.println(question + ". " + capitalised(listTitle) + ":");
            for (int i = 0; i < choices.size(); i++) {
                out.printf("  %d) %s%n", i + 1, TerminalText.escape(choices.get(i)));
            }
        }
        String prompt = (choices.isEmpty() ? question : "Type a number or a name") + dflt.map(d -> " ["
                + TerminalText.escape(d) + "]").orElse("") + ": ";
        while (true) {
            String line = answer(prompt);
            // a network name is taken exactly as typed (spaces are allowed in SSIDs); other answers are trimmed
            String typed = key.equals(WIFI_SSID) && !line.isBlank() ? line : line.strip();
            String value = typed.isEmpty() ? dflt.orElse("") : choice(typed, choices);
            if (value.isEmpty()) {
                out.println("  an answer is needed here");
                continue;
            }
            if (accepted(key, value)) {
                return;
            }
        }
    }

    private void yesNo(String key, String question, boolean dflt) {
        if (has(key)) {
            out.println(question + " " + TerminalText.escape(text(key).get()) + " (given)");
            return;
        }
        while (true) {
            String typed = answer(question + " (yes/no) [" + (dflt ? "yes" : "no") + "]: ").strip()
                    .toLowerCase(Locale.ROOT);
            String value = typed.isEmpty() ? String.valueOf(dflt) : typed.matches("y|yes|true") ? "true"
                    : typed.matches("n|no|false") ? "false" : typed;
            if (accepted(key, value)) {
                return;
            }
        }
    }

    private void wifiPassword() {
        if (has(WIFI_OPEN) || sourceGiven(WIFI_PASSWORD)) {
            return;
        }
        String ssid = text(WIFI_SSID).orElse("network");
        password(WIFI_PASSWORD, "wifi", ssid, "Wi-Fi password for '" + TerminalText.escape(ssid) + "' (Enter for an "
                + "open network): ", () -> accepted(WIFI_OPEN, "true"));
    }

    private void mqttLogin() {
        if (has(MQTT_USER)) {
            return;
        }
        String user;
        do {
            user = answer("MQTT user name (Enter for a broker without login): ").strip();
        } while (!user.isEmpty() && !accepted(MQTT_USER, user));
        if (user.isEmpty() || sourceGiven(MQTT_PASSWORD)) {
            return;
        }
        password(MQTT_PASSWORD, "mqtt", user + "@" + text(BROKER).orElse("broker"), "MQTT password for "
                + TerminalText.escape(user) + ": ", () -> {
                    out.println("  the broker's user needs its password here");
                    return false;
                });
    }

    /** Asks until validate takes the password; {@code whenEmpty} handles Enter alone (true: done). */
    private void password(String secret, String kind, String label, String prompt, BooleanSupplier whenEmpty) {
        while (true) {
            char[] pw = secret(prompt);
            if (pw.length == 0) {
                if (whenEmpty.getAsBoolean()) {
                    return;
                }
                continue;
            }
            Path file = keepTyped(secret, kind, label, pw);
            List<ConfigError> problems = validator.problemsWith(current(), secret);
            if (problems.isEmpty()) {
                return;
            }
            problems.forEach(p -> out.println("  " + TerminalText.escape(p.toString())));
            pending.remove(file);
            answers.remove(secret + FILE);
        }
    }

    /** The password goes to AnswerSecrets under the file it will be written to, and the settings name that file. */
    private Path keepTyped(String secret, String kind, String label, char[] password) {
        Path file = secretsDir.resolve(SecretsFile.name(kind, label)).toAbsolutePath().normalize();
        secrets.typed(file, password);
        Arrays.fill(password, '\0');
        put(secret + FILE, SecretsFile.reference(file, home));
        pending.put(file, secret);
        return file;
    }

    /** The candidate value is kept when validate would take it; else its messages are shown and false returned. */
    private boolean accepted(String key, String value) {
        RawValue before = answers.get(key);
        put(key, value);
        List<ConfigError> problems = validator.problemsWith(current(), key);
        if (problems.isEmpty()) {
            return true;
        }
        if (before == null) {
            answers.remove(key);
        } else {
            answers.put(key, before);
        }
        problems.forEach(p -> out.println("  " + TerminalText.escape(p.toString())));
        return false;
    }

    private String answer(String prompt) {
        String line = in.line(prompt);
        if (line == null) {
            throw ended();
        }
        return line;
    }

    private char[] secret(String prompt) {
        char[] pw = in.secret(prompt);
        if (pw == null) {
            throw ended();
        }
        return pw;
    }

    private static PicoToolException ended() {
        return new PicoToolException(ExitCode.USAGE, "the input ended before every question was answered; nothing "
                + "was written", "answer the questions, or pass the settings as flags with --yes");
    }

    private static String choice(String typed, List<String> choices) {
        if (typed.matches("\\d{1,3}")) {
            int n = Integer.parseInt(typed);
            if (n >= 1 && n <= choices.size()) {
                String c = choices.get(n - 1);
                int gap = c.indexOf("   (");
                return gap < 0 ? c : c.substring(0, gap);
            }
        }
        return typed;
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
