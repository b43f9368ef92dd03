package dev.ssosetup.ui.push;

import dev.ssosetup.core.provider.ProviderSettings;
import dev.ssosetup.core.push.LockoutEvidence;
import dev.ssosetup.core.push.LockoutGuard;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.testing.Settings;
import dev.ssosetup.ui.common.ControllerFactory;
import dev.ssosetup.ui.common.ViewLoader;
import dev.ssosetup.ui.wizard.FinishSummary;
import dev.ssosetup.ui.wizard.WizardController;
import dev.ssosetup.ui.wizard.WizardStep;
import dev.ssosetup.ui.wizard.WizardViewModel;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import dev.ssosetup.testserver.PushServers;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static dev.ssosetup.testserver.PushFixture.ADMIN_TOKEN;
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
    @RegisterExtension
    static final PushServers fx = new PushServers();
    private final Messages messages = Messages.forLocale(Locale.ENGLISH);
    private final ProviderSettings provider = Settings.publicClient("https://idp.example.com", "om-client")
            .admins("alice").domain("example.com", false).build();
    private PushViewModel push;

    @Start
    void start(Stage stage) {
        push = PushStepRig.viewModel(fx.backups(), PushStepRig.desired(fx::confidentialBody),
                new SimpleObjectProperty<>(LockoutEvidence.none()), id -> { }, messages);
        WizardViewModel wizard = new WizardViewModel(List.of(
                new WizardStep("push", "wizard.step.push", push, PushStepRig.VIEW)));
        ControllerFactory controllers = PushStepRig.controllers(push, messages);
        ViewLoader views = new ViewLoader(messages, controllers);
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
        PushStepRig.connect(robot, fx.om.baseUrl(), ADMIN_TOKEN);
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
        assertTrue(backup.startsWith(fx.backups().toString()) && Files.exists(Path.of(backup)), backup);
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
