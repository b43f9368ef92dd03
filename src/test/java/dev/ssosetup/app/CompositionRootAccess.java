package dev.ssosetup.app;

import picocli.CommandLine;

/** Test access to the composition root's command line. */
public final class CompositionRootAccess {
    private CompositionRootAccess() {
    }

    public static CommandLine cli() {
        return CompositionRoot.forCli().commandLine();
    }
}
