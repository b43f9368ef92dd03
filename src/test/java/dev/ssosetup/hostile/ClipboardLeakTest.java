package dev.ssosetup.hostile;

import dev.ssosetup.app.CompositionRoot;
import dev.ssosetup.bench.WizardWalk;
import dev.ssosetup.core.provider.MockIdp;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TabPane;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The clipboard half of the canary test: the real wizard (composition root, the app's own background runner), a
 * confidential client with a canary secret typed into the Provider step, checked against a local provider, walked to
 * Review; every "Copy" (callback URL, each format) puts text on the system clipboard that must not hold the canary
 * unless the operator ticked "include the secret". Logs and printed output of the whole walk are searched too.
 */
@ExtendWith(ApplicationExtension.class)
class ClipboardLeakTest {
    private final MockIdp idp = new MockIdp();
    private final LeakCapture capture = new LeakCapture();
    private final Canaries canaries = new Canaries().add("client secret", SecretLeakTest.CLIENT_SECRET);
    private CompositionRoot.Gui gui;

    @Start
    void start(Stage stage) {
        gui = CompositionRoot.forGui(url -> { }).keysDialogs(new dev.ssosetup.testing.FolderKeysDialogs(keysFolder()));
        stage.setScene(new Scene(gui.wizardView(), 1100, 760));
        stage.show();
    }

    @AfterEach
    void stop() {
        gui.close();
        idp.close();
        capture.close();
    }

    private String clipboard(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
    }

    @Test
    void copiedTextNeverHoldsTheSecretUnlessAskedFor(FxRobot robot) throws Exception {
        WizardWalk walk = new WizardWalk(robot);
        walk.fillProvider(idp.issuer(), SecretLeakTest.CLIENT_SECRET);
        List<String> leaks = new ArrayList<>();
        walk.click("#copyCallback");
        leaks.addAll(canaries.find("clipboard after Copy callback", clipboard(robot)));
        walk.checkProvider();
        walk.nextUntil("Login test");
        walk.passLoginTest(); // the confidential client's secret goes to the token endpoint here
        walk.click("#loginCopyReport");
        String report = clipboard(robot);
        assertFalse(report == null || report.isBlank(), "Copy report put the report on the clipboard");
        leaks.addAll(canaries.find("clipboard after Copy report (login test)", report));
        walk.click("#loginCopyUrl");
        leaks.addAll(canaries.find("clipboard after Copy URL (login test)", clipboard(robot)));
        walk.nextUntil("Review");
        // the outputs render in the background: copy once they are there
        Node readiness = robot.lookup("#reviewReadiness").query();
        WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS,
                () -> readiness.getStyleClass().contains("ready"));

        TabPane tabs = robot.lookup("#reviewTabs").queryAs(TabPane.class);
        List<String> copyIds = new ArrayList<>();
        for (int i = 1; i < tabs.getTabs().size(); i++) {
            int index = i;
            robot.interact(() -> tabs.getSelectionModel().select(index));
            Node copy = tabs.getTabs().get(i).getContent().lookup("Button");
            for (Node b : tabs.getTabs().get(i).getContent().lookupAll(".button")) {
                if (b.getId() != null && b.getId().startsWith("copy-")) {
                    copy = b;
                }
            }
            copyIds.add(copy.getId());
            walk.click("#" + copy.getId());
            String copied = clipboard(robot);
            assertFalse(copied == null || copied.isBlank(), "Copy put text on the clipboard: " + copy.getId());
            leaks.addAll(canaries.find("clipboard after " + copy.getId(), copied));
        }
        assertFalse(copyIds.isEmpty(), "Review offers copy buttons");
        // what was printed or logged up to here; after the operator asks for the secret below, Review shows it on
        // screen on purpose (and JavaFX's own FINER CSS trace, which only this capture turns on, names the text)
        leaks.addAll(canaries.find("System.out", capture.stdout()));
        leaks.addAll(canaries.find("System.err", capture.stderr()));
        leaks.addAll(canaries.find("java.util.logging", capture.logs()));

        // positive control: the operator asks for the secret, and json then carries it
        CheckBox include = robot.lookup("#reviewIncludeSecret").queryAs(CheckBox.class);
        robot.interact(() -> include.setSelected(true));
        robot.interact(() -> tabs.getSelectionModel().select(1));
        walk.click("#copy-json");
        assertFalse(canaries.find("clipboard", clipboard(robot)).isEmpty(),
                "with the secret asked for, the copied json holds it (the search works)");

        String ourLog = capture.logs().lines().filter(l -> l.matches("^\\w+ dev\\.ssosetup.*"))
                .collect(java.util.stream.Collectors.joining("\n"));
        leaks.addAll(canaries.find("the app's own log records", ourLog));
        assertEquals(List.of(), leaks, "canaries leaked; copy buttons pressed: " + copyIds);
    }

    /** Where the Keys step exports during the walk (Next waits until the keys are on disk). */
    private static java.nio.file.Path keysFolder() {
        try {
            return java.nio.file.Files.createTempDirectory("walk-keys");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
