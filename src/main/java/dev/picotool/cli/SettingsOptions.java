package dev.picotool.cli;

import dev.picotool.config.ConfigException;
import dev.picotool.config.ConfigFiles;
import dev.picotool.config.ConfigValidator;
import dev.picotool.config.Origin;
import dev.picotool.config.PicoConfig;
import dev.picotool.config.RawSettings;
import dev.picotool.config.Schema;
import dev.picotool.config.Setting;
import dev.picotool.config.Use;
import dev.picotool.config.YamlConfigLoader;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The settings as a command's flags and {@code --config} file, built from the {@link Schema}: one flag per setting
 * (plus {@code -env}/{@code -file} forms for secrets), nothing written twice. Flags override the file.
 */
class SettingsOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "YAML file with the settings (flags override "
            + "it). Default: ./picotool.yaml, then ~/.config/picotool/picotool.yaml, when present.")
    Path configFile;

    private final Use use;
    private final RawSettings flags = new RawSettings();
    private String inlinePassword;
    private Optional<Path> usedFile = Optional.empty();

    public SettingsOptions() {
        this(Use.FIRMWARE);
    }

    SettingsOptions(Use use) {
        this.use = use;
    }

    /** Called by picocli with the command this mixin belongs to: adds one option per setting of the schema. */
    @Spec(Spec.Target.MIXEE)
    void addSettingOptions(CommandSpec command) {
        for (Setting<?> s : Schema.ALL) {
            if (s.usedFor(use) && !s.flags().isEmpty()) {
                if (s.isSecret()) {
                    addSecret(command, s);
                } else {
                    command.addOption(option(s));
                }
            }
        }
    }

    private OptionSpec option(Setting<?> s) {
        String[] names = s.flags().toArray(String[]::new);
        if (s.isBoolean()) {
            return OptionSpec.builder(names).negatable(true).arity("0").type(Boolean.class).description(s.help())
                    .setter(store(s.key(), s.flags().get(0))).build();
        }
        return OptionSpec.builder(names).paramLabel(s.label()).arity("1").type(String.class).description(s.help())
                .setter(store(s.key(), s.flags().get(0))).build();
    }

    /** {@code --wifi-password} (ask; a value is refused), {@code --wifi-password-env NAME}, {@code -file PATH}. */
    private void addSecret(CommandSpec command, Setting<?> s) {
        String flag = s.flags().get(0);
        command.addOption(OptionSpec.builder(flag).arity("0..1").paramLabel("-").type(String.class)
                .description(s.help() + " A value here is refused: it would land in shell history and `ps`.")
                .setter(new ISetter() {
                    @Override
                    public <T> T set(T value) {
                        if (value != null) {
                            if (!value.toString().isEmpty()) {
                                inlinePassword = flag;
                            } else {
                                flags.put(s.key() + "_prompt", "ask", Origin.flag(flag));
                            }
                        }
                        return null;
                    }
                }).build());
        command.addOption(OptionSpec.builder(flag + "-env").paramLabel("NAME").type(String.class)
                .description("Read it from environment variable NAME.").setter(store(s.key() + "_env", flag + "-env"))
                .build());
        command.addOption(OptionSpec.builder(flag + "-file").paramLabel("PATH").type(String.class)
                .description("Read it from the first line of the file PATH.")
                .setter(store(s.key() + "_file", flag + "-file")).build());
    }

    private ISetter store(String key, String flag) {
        return new ISetter() {
            @Override
            public <T> T set(T value) {
                if (value != null) {
                    flags.put(key, value.toString(), Origin.flag(flag));
                }
                return null;
            }
        };
    }

    /** The settings from the file with the flags laid over them. */
    RawSettings raw(ConfigFiles files) {
        if (inlinePassword != null) {
            throw ConfigException.of(inlinePassword, "a password on the command line ends up in shell history and "
                    + "in `ps` output (it is not shown here)", "use " + inlinePassword + "-env NAME, "
                    + inlinePassword + "-file PATH, or " + inlinePassword + " alone to be asked");
        }
        usedFile = files.choose(Optional.ofNullable(configFile));
        RawSettings fromFile = usedFile.map(YamlConfigLoader::load).orElseGet(RawSettings::new);
        return fromFile.overriddenBy(flags);
    }

    /** The flags alone, no file ({@code init} writes the file {@code --config} names). */
    RawSettings flagsOnly() {
        if (inlinePassword != null) {
            raw(ConfigFiles.none());
        }
        return new RawSettings().overriddenBy(flags);
    }

    /** The validated settings for this command's use. */
    PicoConfig load(ConfigValidator validator, ConfigFiles files) {
        return validator.validate(raw(files), use);
    }

    /** The settings file that was read, after {@link #raw}: given, found by default, or none. */
    Optional<Path> usedFile() {
        return usedFile;
    }
}
