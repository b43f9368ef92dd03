package dev.ssosetup.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.List;
import java.util.stream.Collectors;

/**
 * picocli's own usage errors in the command line's language (ADR 0020): a missing required option and an unknown
 * option or argument, the two an operator meets most. Others (and the commands' own, already in the language) are
 * printed as picocli words them. Then picocli's suggestions and the usage, exit 2, as picocli does.
 */
public final class ParseErrors implements CommandLine.IParameterExceptionHandler {
    private final CliMessages messages;

    public ParseErrors(CliMessages messages) {
        this.messages = messages;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        cl.getErr().println(describe(ex));
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, cl.getErr());
        cl.usage(cl.getErr());
        return ExitCodes.USAGE;
    }

    String describe(CommandLine.ParameterException ex) {
        if (ex instanceof CommandLine.MissingParameterException missing && !missing.getMissing().isEmpty()
                && missing.getMissing().stream().allMatch(a -> a.isOption() && a.group() == null)) {
            List<ArgSpec> specs = missing.getMissing();
            String names = specs.stream().map(a -> "'" + (a instanceof OptionSpec o
                    ? o.longestName() + (o.arity().max() > 0 ? "=" + o.paramLabel() : "") : a.paramLabel()) + "'")
                    .collect(Collectors.joining(", "));
            return messages.get("cli.parse.missing", specs.size(), names);
        }
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            List<String> words = unmatched.getUnmatched();
            return messages.get("cli.parse.unknown", words.size(),
                    words.stream().map(w -> "'" + w + "'").collect(Collectors.joining(", ")));
        }
        return ex.getMessage();
    }
}
