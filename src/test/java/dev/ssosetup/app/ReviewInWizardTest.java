package dev.ssosetup.app;

import dev.ssosetup.core.config.SsoConfiguration;
import dev.ssosetup.core.config.Samples;
import dev.ssosetup.ui.task.InlineBackgroundRunner;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Review step as the composition root wires it into the real wizard window. */
@ExtendWith(ApplicationExtension.class)
class ReviewInWizardTest {
    private CompositionRoot.Gui gui;
    private Scene scene;

    @Start
    void start(Stage stage) {
        gui = CompositionRoot.forGui(url -> { });
        SsoConfiguration c = Samples.confidential();
        gui.state().providerProperty().set(c.provider());
        gui.state().keysProperty().set(c.keys());
        gui.state().idpJwksUriProperty().set(c.idpJwksUri());
        scene = new Scene(gui.wizardView(new InlineBackgroundRunner()), 1100, 760);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        gui.close();
    }

    @Test
    void theReviewStepShowsTheReadyConfiguration(FxRobot robot) throws Exception {
        for (int i = 0; i < 3; i++) {
            robot.clickOn(robot.lookup("#placeholderAck").queryAll().stream()
                    .filter(n -> n.getScene() != null && n.isVisible()).findFirst().orElseThrow());
            robot.clickOn("#nextButton");
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Review", robot.lookup(".step-title").queryAs(Label.class).getText());
        Label readiness = robot.lookup("#reviewReadiness").queryAs(Label.class);
        assertTrue(readiness.getStyleClass().contains("ready"), readiness.getText());
        assertFalse(robot.lookup("#nextButton").queryButton().isDisabled(), "a ready review lets the operator on");
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage png = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        png.setRGB(0, 0, w, h, argb, 0, w);
        Path out = Path.of("target", "screenshots", "review-in-wizard.png");
        Files.createDirectories(out.getParent());
        javax.imageio.ImageIO.write(png, "png", out.toFile());
    }
}
