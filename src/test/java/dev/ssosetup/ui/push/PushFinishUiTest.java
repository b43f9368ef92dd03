package dev.ssosetup.ui.push;

import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.provider.ProviderSettings;
import dev.ssosetup.core.push.DesiredConfiguration;
import dev.ssosetup.core.push.LockoutEvidence;
import dev.ssosetup.core.push.LockoutGuard;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.infra.common.LocalOperatorFiles;
import dev.ssosetup.infra.net.JdkHttpGatewayFactory;
import dev.ssosetup.infra.push.FileBackupStore;
import dev.ssosetup.testing.Settings;
import dev.ssosetup.testserver.PushFixture;
import dev.ssosetup.ui.common.ControllerFactory;
import dev.ssosetup.ui.common.ViewLoader;
import dev.ssosetup.ui.task.InlineBackgroundRunner;
import dev.ssosetup.ui.wizard.FinishSummary;
import dev.ssosetup.ui.wizard.WizardController;
import dev.ssosetup.ui.wizard.WizardStep;
import dev.ssosetup.ui.wizard.WizardViewModel;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static dev.ssosetup.testserver.PushFixture.ADMIN_TOKEN;
import static dev.ssosetup.testserver.PushFixture.CLIENT_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16: after Apply the Push step (the last one) is complete: Finish marks it ✓ and shows the summary, where the
 * backup is and the post-push checklist as the push checked it. The real wizard frame with the real Push view against
 * the OpenMetadata test server.
 */
@ExtendWith(ApplicationExtension.class)
class PushFinishUiTest {
    private static PushFixture fx;
    private static Path backups;
    private final Messages messages = Messages.forLocale(Locale.ENGLISH);
    private final ProviderSettings provider = Settings.publicClient("https://idp.example.com", "om-client")
            .admins("alice").domain("example.com", false).build();
    private PushViewModel push;

    @BeforeAll
    static void servers() throws IOException {
        fx = new PushFixture();
        backups = Files.createTempDirectory("push-finish-backups");
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Start
    void start(Stage stage) {
        fx.om.clearFaults();
        fx.om.store(fx.om.basicConfiguration());
        push = new PushViewModel(new JdkHttpGatewayFactory(), new LocalOperatorFiles(), new FileBackupStore(backups), Clock.systemUTC(),
                () -> Optional.of(new DesiredConfiguration(fx.confidentialBody(), Secret.of(CLIENT_SECRET))),
                new SimpleObjectProperty<>(LockoutEvidence.none()), id -> { }, new InlineBackgroundRunner(), messages);
        WizardViewModel wizard = new WizardViewModel(List.of(
                new WizardStep("push", "wizard.step.push", push, "/dev/ssosetup/ui/push/PushView.fxml")));
        ControllerFactory controllers = new ControllerFactory();
        ViewLoader views = new ViewLoader(messages, controllers);
        controllers.register(PushController.class, () -> new PushController(push, messages));
        controllers.register(WizardController.class, () -> new WizardController(wizard, views)
                .withFinishSummary(() -> FinishSummary.of(provider, push.results().backupFileProperty().get(), push.results().checklist(),
                        messages)));
        stage.setScene(new Scene(views.load("/dev/ssosetup/ui/wizard/WizardView.fxml"), 1100, 780));
        stage.show();
    }

    private void fire(FxRobot robot, String id) {
        Button b = robot.lookup(id).queryButton();
        robot.interact(b::fire);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void afterApplyFinishShowsTheSummaryTheBackupAndTheChecklist(FxRobot robot) {
        robot.interact(() -> {
            robot.lookup("#pushServerUrl").queryAs(TextField.class).setText(fx.om.baseUrl());
            robot.lookup("#pushToken").queryAs(PasswordField.class).setText(ADMIN_TOKEN);
        });
        fire(robot, "#pushPlan");
        robot.interact(() -> robot.lookup("#pushConfirmation").queryAs(TextField.class)
                .setText(LockoutGuard.CONFIRMATION_PHRASE));
        Button finish = robot.lookup("#finishButton").queryButton();
        assertTrue(finish.isDisabled(), "nothing applied yet");
        fire(robot, "#pushApply");
        assertTrue(push.results().appliedProperty().get(), push.status().statusProperty().get());
        assertFalse(finish.isDisabled(), "applied: the step is complete");

        fire(robot, "#finishButton");
        assertTrue(robot.lookup("#rail-push").query().getStyleClass().contains("done"), "the last step gets its \u2713");
        assertTrue(robot.lookup("#finishPage").query().isVisible());
        String backup = robot.lookup("#finishBackup").queryAs(TextField.class).getText();
        assertEquals(push.results().backupFileProperty().get(), backup);
        assertTrue(backup.startsWith(backups.toString()) && Files.exists(Path.of(backup)), backup);
        List<String> checklist = robot.lookup("#finishChecklist").queryAs(VBox.class).getChildren().stream()
                .map(n -> ((Label) n).getText()).toList();
        assertEquals(push.results().checklist().size(), checklist.size(), checklist::toString);
        assertTrue(checklist.size() >= 4, checklist::toString);
        assertTrue(checklist.stream().anyMatch(l -> l.contains("Basic-auth admin")), checklist::toString);
        assertTrue(checklist.stream().allMatch(l -> l.startsWith("\u2610 ") || l.startsWith("\u2611 ")),
                checklist::toString);
        Node summary = robot.lookup(".finish-summary").query();
        assertTrue(summary.lookupAll(".finish-value").stream().anyMatch(n -> ((TextField) n).getText()
                .equals("example.com")), "the summary names the principal domain");
    }
}
