package dev.ssosetup.app;

import dev.ssosetup.core.config.Samples;
import dev.ssosetup.core.provider.Preset;
import javafx.scene.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No step shows an internal name (issue 16): with a complete configuration and each preset chosen in turn, every text
 * of every step (labels, buttons, choices shown, tab and column titles, prompts, tooltips) is free of enum constants
 * such as {@code CUSTOM_OIDC} and of anything spelled like one.
 */
@ExtendWith(ApplicationExtension.class)
class InternalNamesTest {
    @RegisterExtension
    final WizardWindow window = new WizardWindow();

    @Test
    void noStepShowsAnEnumConstant(FxRobot robot) throws Exception {
        List<Node> steps = window.allSteps();
        List<String> found = new ArrayList<>();
        int walked = 0;
        for (Preset preset : Preset.values()) {
            robot.interact(() -> {
                var c = Samples.confidential();
                window.gui().state().providerProperty().set(c.provider().toBuilder().preset(preset).build());
                window.gui().state().keysProperty().set(c.keys());
                window.gui().state().idpJwksUriProperty().set(c.idpJwksUri());
            });
            WaitForAsyncUtils.waitForFxEvents();
            for (Node step : steps) {
                List<String> texts = WaitForAsyncUtils.asyncFx(() -> {
                    steps.forEach(s -> s.setVisible(s == step));
                    window.scene().getRoot().applyCss();
                    window.scene().getRoot().layout();
                    return StepTexts.texts(window.scene().getRoot());
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
