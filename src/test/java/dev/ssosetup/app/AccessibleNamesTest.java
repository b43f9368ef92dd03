package dev.ssosetup.app;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every control a keyboard can reach in every step has a name a screen reader can say (issue 16): its own text, an
 * accessible text, or a label pointing at it ({@code labelFor}).
 */
@ExtendWith(ApplicationExtension.class)
class AccessibleNamesTest {
    @RegisterExtension
    final WizardWindow window = new WizardWindow();

    @Test
    void everyFocusableControlOfEveryStepHasAnAccessibleName(FxRobot robot) throws Exception {
        window.allSteps(); // the wizard preloads every step's view into the scene once the window is up
        WaitForAsyncUtils.waitForFxEvents();
        List<String> nameless = WaitForAsyncUtils.asyncFx(() -> {
            Map<Node, String> labelled = new IdentityHashMap<>();
            walk(window.scene().getRoot(), n -> {
                if (n instanceof Label l && l.getLabelFor() != null && !l.getText().isBlank()) {
                    labelled.put(l.getLabelFor(), l.getText());
                }
            });
            List<String> missing = new ArrayList<>();
            walk(window.scene().getRoot(), n -> {
                if (n instanceof Control c && c.isFocusTraversable() && !(c instanceof ScrollPane)
                        && !(c instanceof Label) && name(c, labelled).isBlank()) {
                    missing.add(c.getClass().getSimpleName() + "#" + c.getId() + " in " + step(c));
                }
            });
            return missing;
        }).get();
        assertEquals(List.of(), nameless);
    }

    private static String name(Control c, Map<Node, String> labelled) {
        if (c.getAccessibleText() != null && !c.getAccessibleText().isBlank()) {
            return c.getAccessibleText();
        }
        if (c instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
            return l.getText();
        }
        if (labelled.containsKey(c)) {
            return labelled.get(c);
        }
        if (c instanceof TextInputControl t && t.getPromptText() != null) {
            return "";
        }
        if (c instanceof ComboBoxBase<?>) {
            return "";
        }
        return "";
    }

    private static String step(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p.getParent() != null && p.getParent().getStyleClass().contains("step-content")) {
                return p.getStyleClass().toString();
            }
        }
        return "the frame";
    }

    private static void walk(Node node, java.util.function.Consumer<Node> visit) {
        visit.accept(node);
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, visit);
            }
        }
    }
}
