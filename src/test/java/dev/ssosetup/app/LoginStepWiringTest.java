package dev.ssosetup.app;

import dev.ssosetup.ui.common.Messages;
import dev.ssosetup.ui.task.InlineBackgroundRunner;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The composition root puts the real Login test step second in the wizard, with Next closed until a login passed. */
@ExtendWith(ApplicationExtension.class)
class LoginStepWiringTest {
    private CompositionRoot.Gui gui;
    private Scene scene;

    @Start
    void start(Stage stage) {
        gui = new CompositionRoot.Gui(new CompositionRoot.Services(), Messages.load(), url -> { });
        scene = new Scene(gui.wizardView(new InlineBackgroundRunner()), 1100, 820);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theLoginStepFollowsTheProviderStepAndStartsInvalid(FxRobot robot) throws Exception {
        if (robot.lookup("#placeholderAck").tryQuery().isPresent()) {
            robot.clickOn("#placeholderAck");
        }
        robot.clickOn("#nextButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#loginStart").tryQuery().isPresent(), "the Login test view is shown");
        assertTrue(robot.lookup("#nextButton").queryAs(Button.class).isDisabled(), "no Next before a passed login");
        assertTrue(robot.lookup("#loginVerdict").queryAs(Label.class).getText().contains("No login test"));
        WritableImage[] image = new WritableImage[1];
        WaitForAsyncUtils.asyncFx(() -> image[0] = scene.getRoot().snapshot(null, null)).get();
        int w = (int) image[0].getWidth();
        int h = (int) image[0].getHeight();
        var png = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                png.setRGB(x, y, image[0].getPixelReader().getArgb(x, y));
            }
        }
        Files.createDirectories(Path.of("target"));
        javax.imageio.ImageIO.write(png, "png", Path.of("target", "wizard-login-step.png").toFile());
        robot.interact(gui::close);
    }
}
