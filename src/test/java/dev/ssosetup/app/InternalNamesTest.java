package dev.ssosetup.app;

import dev.ssosetup.core.config.Samples;
import dev.ssosetup.core.provider.Preset;
import dev.ssosetup.ui.task.InlineBackgroundRunner;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
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
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No step shows an internal name (issue 16): with a complete configuration and each preset chosen in turn, every text
 * of every step (labels, buttons, choices shown, tab and column titles, prompts, tooltips) is free of enum constants
 * such as {@code CUSTOM_OIDC} and of anything spelled like one.
 */
@ExtendWith(ApplicationExtension.class)
class InternalNamesTest {
    private CompositionRoot.Gui gui;
    private Scene scene;

    @Start
    void start(Stage stage) {
        gui = CompositionRoot.forGui(url -> { });
        scene = new Scene(gui.wizardView(new InlineBackgroundRunner()), 1100, 760);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        gui.close();
    }

    @Test
    void noStepShowsAnEnumConstant(FxRobot robot) throws Exception {
        Parent content = (Parent) scene.lookup(".step-content");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> content.getChildrenUnmodifiable().size() == 5);
        List<Node> steps = List.copyOf(content.getChildrenUnmodifiable());
        List<String> found = new ArrayList<>();
        int walked = 0;
        for (Preset preset : Preset.values()) {
            robot.interact(() -> {
                var c = Samples.confidential();
                gui.state().providerProperty().set(c.provider().toBuilder().preset(preset).build());
                gui.state().keysProperty().set(c.keys());
                gui.state().idpJwksUriProperty().set(c.idpJwksUri());
            });
            WaitForAsyncUtils.waitForFxEvents();
            for (Node step : steps) {
                List<String> texts = WaitForAsyncUtils.asyncFx(() -> {
                    steps.forEach(s -> s.setVisible(s == step));
                    scene.getRoot().applyCss();
                    scene.getRoot().layout();
                    return StepTexts.texts(scene.getRoot());
                }).get();
                walked += texts.size();
                StepTexts.internalNames(texts).stream().map(t -> preset + ": " + t)
                        .filter(t -> !found.contains(t)).forEach(found::add);
            }
        }
        assertTrue(walked > 500, "the steps' texts were read: " + walked);
        assertEquals(List.of(), found);
    }
}
