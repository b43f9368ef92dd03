package dev.ssosetup.app;

import dev.ssosetup.core.diagnostics.LogSource;
import dev.ssosetup.infra.log.FileLog;

/**
 * The single entry point {@code sso-setup}.
 *
 * <p>No arguments: opens the wizard window. Any argument: runs the command line and never touches the display.
 * This class deliberately does not extend {@code javafx.application.Application}: with JavaFX on the class path the
 * launcher refuses such a main class, and the CLI path must not load JavaFX at all.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        StartupTimeline.mark("main");
        if (args.length == 0) {
            if (AotTraining.enabled()) { // the packaging build's training run only (ADR 0009)
                AotTraining.runCli(LogSource.none());
                if (AotTraining.cliOnly()) {
                    System.exit(0);
                }
            }
            GuiLauncher.launch(); // the window installs its log off the JavaFX thread (WizardApplication.init)
        } else {
            // the log first, so that every later failure leaves its stack trace there (never on the console)
            LogSource log = FileLog.install(FileLog.defaultFolder(),
                    java.util.Arrays.asList(args).contains("--verbose"));
            // --version alone needs no command tree; any other command builds only the subcommand it names (ADR 0034)
            int code = CompositionRoot.Cli.versionOnly(args) ? CompositionRoot.Cli.version(System.out)
                    : CompositionRoot.forCli(log).commandLineFor(args).execute(args);
            System.exit(code);
        }
    }
}
