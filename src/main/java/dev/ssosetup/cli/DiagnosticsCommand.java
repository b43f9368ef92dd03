package dev.ssosetup.cli;

import dev.ssosetup.core.diagnostics.Diagnostics;
import dev.ssosetup.core.diagnostics.LogSource;
import dev.ssosetup.core.text.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code sso-setup diagnostics}: what to paste into a support request (versions, the log's tail, redacted). */
@Command(name = "diagnostics", mixinStandardHelpOptions = true, resourceBundle = Messages.BUNDLE,
        description = {"${bundle:cli.help.diagnostics.description.0}", "${bundle:cli.help.diagnostics.description.1}"})
public final class DiagnosticsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private final LogSource log;

    public DiagnosticsCommand(LogSource log) {
        this.log = log;
    }

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(Diagnostics.collect(VersionProvider.version(), "", log).text());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
