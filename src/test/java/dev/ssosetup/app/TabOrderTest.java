package dev.ssosetup.app;

import dev.ssosetup.ui.task.InlineBackgroundRunner;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Provider step by keyboard alone (issue 16): Tab from the first field reaches every enabled control of the step,
 * top to bottom, before it leaves the step.
 */
@ExtendWith(ApplicationExtension.class)
class TabOrderTest {
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
    void tabReachesEveryControlOfTheProviderStepInReadingOrder(FxRobot robot) {
        Parent step = (Parent) scene.lookup(".provider-scroll");
        List<Node> expected = new ArrayList<>();
        robot.interact(() -> collect(step, expected));
        assertTrue(expected.size() > 10, "the Provider step has its fields: " + expected.size());
        robot.interact(() -> expected.getFirst().requestFocus());
        Set<Node> reached = new LinkedHashSet<>();
        List<Node> order = new ArrayList<>();
        for (int i = 0; i < expected.size() * 2 + 10; i++) {
            Node focused = scene.getFocusOwner();
            if (expected.contains(focused) && reached.add(focused)) {
                order.add(focused);
            }
            if (reached.size() == expected.size()) {
                break;
            }
            robot.type(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
        }
        List<String> missing = expected.stream().filter(n -> !reached.contains(n)).map(TabOrderTest::name).toList();
        assertEquals(List.of(), missing, "Tab never reached these");
        for (int i = 1; i < order.size(); i++) {
            double before = order.get(i - 1).localToScene(order.get(i - 1).getBoundsInLocal()).getMinY();
            double now = order.get(i).localToScene(order.get(i).getBoundsInLocal()).getMinY();
            // a scroll pane moves its content as the focus goes down, so compare positions inside the content
            double b = ((ScrollPane) step).getContent().sceneToLocal(0, before).getY();
            double n = ((ScrollPane) step).getContent().sceneToLocal(0, now).getY();
            assertTrue(n >= b - 2, name(order.get(i)) + " comes after " + name(order.get(i - 1)) + " but is above it");
        }
    }

    private static String name(Node n) {
        return n.getClass().getSimpleName() + "#" + n.getId();
    }

    private static void collect(Node node, List<Node> out) {
        if (!node.isVisible() || node.isDisabled()) {
            return;
        }
        if (node instanceof Control c && c.isFocusTraversable() && !(c instanceof Label)
                && !(c instanceof ScrollPane)) {
            out.add(c);
            return;
        }
        if (node instanceof ScrollPane sp) {
            collect(sp.getContent(), out);
            return;
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, out);
            }
        }
    }
}
