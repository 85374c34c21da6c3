package dev.picotool.cli;

import dev.picotool.TerminalText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Usage errors in words, without repeating what might be a password: a value typed after the wrong option (or an
 * option name with {@code =secret} glued to it) is named by its kind and position, never printed back.
 */
final class UsageErrors {
    private static final Pattern COMMAND_WORD = Pattern.compile("[a-z][a-z-]{0,19}");

    private UsageErrors() {
    }

    static String describe(ParameterException ex) {
        if (!(ex instanceof UnmatchedArgumentException u)) {
            return TerminalText.escape(ex.getMessage());
        }
        List<String> parts = new ArrayList<>();
        boolean hasSubcommands = !u.getCommandLine().getSubcommands().isEmpty();
        for (String token : u.getUnmatched()) {
            if (token.startsWith("-")) {
                String name = token.split("=", 2)[0];
                parts.add("unknown option " + TerminalText.escape(name) + (token.contains("=") ? " (its value is not "
                        + "shown)" : ""));
            } else if (hasSubcommands && COMMAND_WORD.matcher(token).matches()) {
                parts.add("unknown command '" + token + "'");
            } else {
                parts.add("an unexpected argument (not shown, in case it is a password: values of secrets are "
                        + "passed with -env or -file options)");
            }
        }
        List<String> suggestions = u.getSuggestions();
        String hint = suggestions.isEmpty() ? "" : "; did you mean " + String.join(" or ", suggestions.stream()
                .limit(3).toList()) + "?";
        return String.join(", ", parts) + hint;
    }
}
