package dev.ssosetup.app;

import javafx.application.Application;

/** Starts the JavaFX wizard. Kept apart from {@link Main} so that the CLI path never loads JavaFX. */
final class GuiLauncher {
    private GuiLauncher() {
    }

    static void launch() {
        Application.launch(WizardApplication.class);
    }
}
