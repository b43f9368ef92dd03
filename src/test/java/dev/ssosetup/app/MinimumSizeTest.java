package dev.ssosetup.app;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
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
 * At the window's minimum size (900 x 620) the frame's text is not cut: the rail, the step header and the buttons
 * show their whole text and stay inside the window (issue 16). At 150% font scale every step, filled with a complete
 * sample configuration, shows every label whole (no ellipsis) and keeps every control inside the window.
 */
@ExtendWith(ApplicationExtension.class)
class MinimumSizeTest {
    @RegisterExtension
    final WizardWindow window = WizardWindow.sized(900, 620);

    @Test
    void nothingOfTheFrameIsCutAtTheMinimumSize(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = new ArrayList<>();
        robot.interact(() -> {
            Parent root = window.scene().getRoot();
            root.applyCss();
            root.layout();
            for (String selector : List.of(".rail-title", ".rail-app-title", ".step-title", ".step-counter",
                    ".status-label", "#backButton", "#nextButton")) {
                for (Node n : root.lookupAll(selector)) {
                    Labeled l = (Labeled) n;
                    if (!l.isVisible() || l.getText() == null || l.getText().isEmpty()) {
                        continue;
                    }
                    Bounds b = l.localToScene(l.getBoundsInLocal());
                    boolean inside = b.getMinX() >= 0 && b.getMaxX() <= window.scene().getWidth() + 0.5
                            && b.getMaxY() <= window.scene().getHeight() + 0.5;
                    boolean whole = l.isWrapText() || l.getWidth() + 0.5 >= l.prefWidth(-1);
                    if (!inside || !whole) {
                        cut.add(selector + " '" + l.getText() + "' width " + l.getWidth() + " < " + l.prefWidth(-1)
                                + (inside ? "" : " (outside the window)"));
                    }
                }
            }
        });
        assertEquals(List.of(), cut);
        Button next = robot.lookup("#nextButton").queryButton();
        assertTrue(next.localToScene(next.getBoundsInLocal()).getMaxX() <= 900.5);
    }

    @Test
    void atOneAndAHalfTimesTheFontNoStepCutsTextOrLeavesTheWindow(FxRobot robot) throws Exception {
        List<Node> steps = window.allSteps();
        robot.interact(() -> {
            window.fillWithSample();
            window.scene().getRoot().setStyle("-fx-font-size: 150%;");
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = new ArrayList<>();
        for (Node step : steps) {
            cut.addAll(WaitForAsyncUtils.asyncFx(() -> {
                steps.forEach(s -> s.setVisible(s == step));
                window.scene().getRoot().applyCss();
                window.scene().getRoot().layout();
                return StepTexts.cutOrOutside(step, window.scene());
            }).get());
        }
        assertEquals(List.of(), cut);
    }
}
