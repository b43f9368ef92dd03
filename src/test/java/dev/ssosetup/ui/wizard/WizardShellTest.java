package dev.ssosetup.ui.wizard;

import dev.ssosetup.ui.common.ControllerFactory;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.ui.common.ViewLoader;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Walks the real wizard frame (FXML, CSS, controller) with three text steps, by keyboard and mouse. */
@ExtendWith(ApplicationExtension.class)
class WizardShellTest {
    private final TextStepViewModel first = new TextStepViewModel();
    private final TextStepViewModel second = new TextStepViewModel();
    private final TextStepViewModel third = new TextStepViewModel();
    private WizardViewModel wizard;

    @Start
    void start(Stage stage) {
        ControllerFactory controllers = new ControllerFactory();
        ViewLoader views = new ViewLoader(Messages.load(), controllers);
        String fxml = "/dev/ssosetup/ui/wizard/TextStep.fxml";
        wizard = new WizardViewModel(List.of(
                new WizardStep("provider", "wizard.step.provider", first, fxml),
                new WizardStep("login", "wizard.step.login", second, fxml),
                new WizardStep("keys", "wizard.step.keys", third, fxml)));
        controllers.register(WizardController.class, () -> new WizardController(wizard, views));
        // views are built in step order (the current one first, the others preloaded)
        java.util.Iterator<TextStepViewModel> next = List.of(first, second, third).iterator();
        controllers.register(TextStepController.class, () -> new TextStepController(next.next()));
        stage.setScene(new Scene(views.load("/dev/ssosetup/ui/wizard/WizardView.fxml")));
        stage.show();
    }

    @Test
    void nextIsEnabledOnlyWhenTheStepIsValidAndBackKeepsWhatWasTyped(FxRobot robot) {
        Button next = robot.lookup("#nextButton").queryButton();
        Button back = robot.lookup("#backButton").queryButton();
        assertTrue(next.isDisabled(), "Next must wait for a valid step");
        assertTrue(back.isDisabled(), "no Back on the first step");
        assertRail(robot, "rail-provider", "current");

        robot.clickOn(visibleTextField(robot)).write("https://idp.example.com");
        assertFalse(next.isDisabled());
        robot.type(KeyCode.ENTER); // Enter activates Next
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, wizard.currentIndexProperty().get());
        assertEquals("Login test", robot.lookup(".step-title").queryAs(Label.class).getText());
        assertRail(robot, "rail-provider", "done");
        assertRail(robot, "rail-login", "current");
        assertTrue(next.isDisabled(), "the second step is empty, so Next waits again");
        assertFalse(back.isDisabled());

        robot.clickOn(back);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, wizard.currentIndexProperty().get());
        assertEquals("https://idp.example.com", visibleTextField(robot).getText(), "typed text survives Back");
        assertFalse(next.isDisabled());
        assertRail(robot, "rail-provider", "current");
    }

    @Test
    void tabReachesTheStepFieldAndTheButtons(FxRobot robot) {
        robot.clickOn(visibleTextField(robot)).write("x");
        Node start = robot.targetWindow().getScene().getFocusOwner();
        robot.type(KeyCode.TAB);
        Node afterTab = robot.targetWindow().getScene().getFocusOwner();
        assertTrue(afterTab instanceof Button, "Tab moves from the field to a button, was " + afterTab);
        assertTrue(start instanceof TextField);
    }

    @Test
    void aStepThatBecomesInvalidLosesItsDoneMark(FxRobot robot) {
        robot.clickOn(visibleTextField(robot)).write("a");
        robot.clickOn("#nextButton");
        robot.clickOn("#backButton");
        robot.clickOn(visibleTextField(robot)).eraseText(1);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#nextButton").queryButton().isDisabled());
        robot.clickOn(visibleTextField(robot)).write("b");
        assertFalse(robot.lookup("#nextButton").queryButton().isDisabled());
    }

    @Test
    void breakingAnEarlierStepWithdrawsTheLaterMarksAndALockedStepSaysWhy(FxRobot robot) {
        robot.clickOn(visibleTextField(robot)).write("a");
        robot.clickOn("#nextButton");
        robot.clickOn(visibleTextField(robot)).write("b");
        robot.clickOn("#nextButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertRail(robot, "rail-provider", "done");
        assertRail(robot, "rail-login", "done");

        robot.clickOn("#rail-provider");
        robot.clickOn(visibleTextField(robot)).eraseText(1);
        WaitForAsyncUtils.waitForFxEvents();
        // the second step is still valid by itself, but it follows a broken one: no ✓ for either
        assertFalse(robot.lookup("#rail-login").query().getStyleClass().contains("done"),
                "a later step loses its mark when an earlier one breaks");
        assertRail(robot, "rail-keys", "locked");
        robot.clickOn("#rail-keys");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, wizard.currentIndexProperty().get(), "a locked step is not entered");
        assertEquals("To open Keys, complete Provider first.",
                robot.lookup(".status-label").queryAs(Label.class).getText(), "and the click says why");
    }

    @Test
    void theLastStepGetsItsMarkAndAFinishPage(FxRobot robot) {
        for (String text : List.of("a", "b")) {
            robot.clickOn(visibleTextField(robot)).write(text);
            robot.clickOn("#nextButton");
        }
        Button finish = robot.lookup("#finishButton").queryButton();
        assertTrue(finish.isVisible() && finish.isDisabled(), "Finish waits for the last step");
        robot.clickOn(visibleTextField(robot)).write("c");
        robot.clickOn(finish);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#finishPage").query().isVisible(), "the Finish page shows");
        assertRail(robot, "rail-keys", "done");
        assertEquals("Finished", robot.lookup(".step-title").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#finishChecklist").tryQuery().isPresent(), "with a slot for the checklist");
        robot.clickOn("#backButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#finishPage").tryQuery().isEmpty(), "Back returns to the last step");
        assertRail(robot, "rail-keys", "current");
    }

    private static TextField visibleTextField(FxRobot robot) {
        return robot.lookup(".step-text").queryAll().stream()
                .filter(n -> n.getScene() != null && n.getParent().isVisible())
                .map(TextField.class::cast)
                .findFirst().orElseThrow();
    }

    private static void assertRail(FxRobot robot, String id, String styleClass) {
        Node item = robot.lookup("#" + id).query();
        assertTrue(item.getStyleClass().contains(styleClass),
                id + " should be " + styleClass + " but has " + item.getStyleClass());
    }
}
