package dev.ssosetup.app;

import dev.ssosetup.core.provider.Deployment;
import dev.ssosetup.ui.task.InlineBackgroundRunner;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19 C in the real wizard (composition root, FXML): choosing "Collate (hosted)" at the top of the Provider step
 * takes Keys and Push out of the step rail and the step count; choosing self-hosted brings them back.
 */
@ExtendWith(ApplicationExtension.class)
class CollateWizardUiTest {
    private CompositionRoot.Gui gui;

    @Start
    void start(Stage stage) {
        gui = CompositionRoot.forGui(url -> { });
        stage.setScene(new Scene(gui.wizardView(new InlineBackgroundRunner()), 1100, 760));
        stage.show();
    }

    @AfterEach
    void stop() {
        gui.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void choosingCollateHidesKeysAndPushAndSelfHostedBringsThemBack(FxRobot robot) {
        ComboBox<Deployment> deployment = robot.lookup("#deployment").queryAs(ComboBox.class);
        assertEquals(Deployment.SELF_HOSTED, deployment.getValue());
        assertTrue(rail(robot, "keys").isVisible() && rail(robot, "push").isVisible());
        assertTrue(robot.lookup(".form-label").queryAllAs(javafx.scene.control.Label.class).stream()
                .noneMatch(l -> l.getText().equals("Collate _domain")), "self-hosted: the OpenMetadata URL again");
        assertEquals("Collate (hosted)", deployment.getConverter().toString(Deployment.COLLATE));

        robot.interact(() -> deployment.setValue(Deployment.COLLATE));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(gui.state().providerProperty().get().collate());
        assertFalse(rail(robot, "keys").isVisible(), "no Keys step for Collate");
        assertTrue(robot.lookup(".form-label").queryAllAs(javafx.scene.control.Label.class).stream()
                .anyMatch(l -> l.getText().equals("Collate _domain")), "the server field is called the Collate domain");
        assertFalse(rail(robot, "push").isVisible(), "no Push step for Collate");
        assertTrue(rail(robot, "review").isVisible());
        String counter = robot.lookup("#stepCounter").queryAs(Label.class).getText();
        assertEquals("Step 1 of 3", counter);

        robot.interact(() -> deployment.setValue(Deployment.SELF_HOSTED));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(rail(robot, "keys").isVisible() && rail(robot, "push").isVisible());
    }

    private static Node rail(FxRobot robot, String step) {
        return robot.lookup("#rail-" + step).query();
    }
}
