package dev.ssosetup.app;

import picocli.CommandLine;

/** Test access to the composition root's command line. */
public final class CompositionRootAccess {
    private CompositionRootAccess() {
    }

    public static CommandLine cli() {
        return CompositionRoot.forCli().commandLine();
    }

    /** The wizard's Keys step answers its file questions with {@code dialogs} (build the view after this). */
    public static void keysDialogs(CompositionRoot.Gui gui, dev.ssosetup.ui.keys.KeysDialogs dialogs) {
        gui.keysDialogs(dialogs);
    }
}
