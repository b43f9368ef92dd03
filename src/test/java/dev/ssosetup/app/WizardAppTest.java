package dev.ssosetup.app;

import dev.ssosetup.ui.task.InlineBackgroundRunner;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
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

/** The wizard as the composition root builds it: five steps in order, the first one current, icons present. */
@ExtendWith(ApplicationExtension.class)
class WizardAppTest {
    private CompositionRoot.Gui gui;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        gui = CompositionRoot.forGui(url -> { });
        stage.setScene(new Scene(gui.wizardView(new InlineBackgroundRunner())));
        stage.setTitle(gui.messages().get("app.title"));
        stage.getIcons().addAll(WizardApplication.icons());
        stage.show();
    }

    @AfterEach
    void close() {
        gui.close();
    }

    @Test
    void showsTheFiveStepsWithTheFirstOneCurrent(FxRobot robot) throws Exception {
        List<String> ids = List.of("rail-provider", "rail-login", "rail-keys", "rail-review", "rail-push");
        List<String> titles = List.of("Provider", "Login test", "Keys", "Review", "Push");
        for (int i = 0; i < ids.size(); i++) {
            Node item = robot.lookup("#" + ids.get(i)).query();
            assertEquals(titles.get(i), ((Label) item.lookup(".rail-title")).getText());
            assertEquals(i == 0, item.getStyleClass().contains("current"), ids.get(i));
        }
        assertEquals("SSO Setup Console", stage.getTitle());
        assertTrue(robot.lookup("#nextButton").queryButton().isDisabled());
        assertFalse(stage.getIcons().isEmpty());
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get();
        assertTrue(image.getWidth() > 600 && image.getHeight() > 400, "the window renders at a usable size");
    }
}
