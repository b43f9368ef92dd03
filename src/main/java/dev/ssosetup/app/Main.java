package dev.ssosetup.app;

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
        if (args.length == 0) {
            GuiLauncher.launch();
        } else {
            int code = CompositionRoot.forCli().commandLine().execute(args);
            System.exit(code);
        }
    }
}
