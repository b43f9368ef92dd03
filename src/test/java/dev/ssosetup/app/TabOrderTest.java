package dev.ssosetup.app;

import dev.ssosetup.bench.StepTour;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
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
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every step by keyboard alone (issue 16): in each of the five steps, with the state an operator has there (provider
 * checked, login test passed, keys generated, review rendered, configuration pushed), Tab from the step's first
 * control reaches every enabled control of the step, top to bottom, and each of them has a name a screen reader says.
 */
@ExtendWith(ApplicationExtension.class)
class TabOrderTest {
    private StepTour tour;
    private Scene scene;

    @Start
    void start(Stage stage) {
        tour = new StepTour();
        scene = new Scene(tour.view(), 1100, 760);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        tour.close();
    }

    @Test
    void tabReachesEveryControlOfEveryStepInReadingOrder(FxRobot robot) throws Exception {
        Parent content = (Parent) scene.lookup(".step-content");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> content.getChildrenUnmodifiable().size() == 5);
        List<String> problems = new ArrayList<>();
        for (int step = 0; step < StepTour.STEPS.size(); step++) {
            tour.to(step, robot);
            String title = tour.title(step);
            problems.addAll(walkWithTab(robot, content, title));
            if (step == 0) { // the findings are one text region a screen reader reads, and so is the outcome
                assertAnnounced(robot, "#findings", "insecure-endpoint");
                assertAnnounced(robot, "#checkStatus", "warning");
            } else if (step == 1) {
                assertAnnounced(robot, "#loginVerdict", "");
            } else if (step == 4) {
                assertAnnounced(robot, "#pushApplySteps", "");
            }
        }
        assertEquals(List.of(), problems);
    }

    /** {@code query}'s node is read as text, and that text (not empty) contains {@code part}. */
    private static void assertAnnounced(FxRobot robot, String query, String part) {
        Node node = robot.lookup(query).query();
        Object[] read = new Object[2];
        robot.interact(() -> {
            read[0] = node.queryAccessibleAttribute(javafx.scene.AccessibleAttribute.ROLE);
            read[1] = node.queryAccessibleAttribute(javafx.scene.AccessibleAttribute.TEXT);
        });
        assertEquals(javafx.scene.AccessibleRole.TEXT, read[0], query);
        String text = String.valueOf(read[1]);
        assertTrue(read[1] != null && !text.isBlank() && text.toLowerCase(java.util.Locale.ROOT).contains(part),
                query + " reads '" + text + "', expected it to say " + part);
    }

    private List<String> walkWithTab(FxRobot robot, Parent content, String title) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Parent step = WaitForAsyncUtils.asyncFx(() -> (Parent) content.getChildrenUnmodifiable().stream()
                .filter(Node::isVisible).findFirst().orElseThrow()).get();
        List<Node> expected = new ArrayList<>();
        Map<Node, List<Object[]>> top = new IdentityHashMap<>();
        robot.interact(() -> {
            collect(step, expected);
            expected.forEach(n -> top.put(n, place(n)));
        });
        assertTrue(expected.size() >= 3, title + " has its controls: " + expected.size());
        List<String> problems = new ArrayList<>();
        for (Node n : expected) {
            if (!hasName(n)) {
                problems.add(title + ": " + name(n) + " has no accessible name");
            }
        }
        robot.interact(() -> expected.getFirst().requestFocus());
        Set<Node> reached = new LinkedHashSet<>();
        for (int i = 0; i < expected.size() * 2 + 12 && reached.size() < expected.size(); i++) {
            Node focused = scene.getFocusOwner();
            if (expected.contains(focused)) {
                reached.add(focused);
            }
            robot.type(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
        }
        expected.stream().filter(n -> !reached.contains(n))
                .forEach(n -> problems.add(title + ": Tab never reaches " + name(n)));
        List<Node> order = new ArrayList<>(reached);
        for (int i = 1; i < order.size(); i++) {
            if (above(top.get(order.get(i)), top.get(order.get(i - 1)))) {
                problems.add(title + ": " + name(order.get(i)) + " comes after " + name(order.get(i - 1))
                        + " but is above it");
            }
        }
        return problems;
    }

    /**
     * Where a control is, however far its scroll panes are scrolled: from the window inwards, each scroll pane it is
     * in paired with the top of the next one (or of the control) inside that scroll pane's content.
     */
    private static List<Object[]> place(Node n) {
        List<Object[]> out = new ArrayList<>();
        Node inner = n;
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane sp && sp.getContent() != null) {
                Bounds b = inner.localToScene(inner.getBoundsInLocal());
                out.addFirst(new Object[] {sp, sp.getContent().sceneToLocal(0, b.getMinY()).getY()});
                inner = sp;
            }
        }
        out.addFirst(new Object[] {null, inner.localToScene(inner.getBoundsInLocal()).getMinY()});
        return out;
    }

    /** Whether place {@code a} is above place {@code b}: compared in the innermost scroll pane they share. */
    private static boolean above(List<Object[]> a, List<Object[]> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()) && a.get(i)[0] == b.get(i)[0]; i++) {
            double ya = (double) a.get(i)[1];
            double yb = (double) b.get(i)[1];
            if (Math.abs(ya - yb) > 2) {
                return ya < yb;
            }
        }
        return false;
    }

    private static boolean hasName(Node n) {
        if (n.getAccessibleText() != null && !n.getAccessibleText().isBlank()) {
            return true;
        }
        if (n instanceof javafx.scene.control.Labeled l) {
            return l.getText() != null && !l.getText().isBlank();
        }
        // a field's TEXT is what is typed into it, not its name: its name comes from a label pointing at it
        return n.queryAccessibleAttribute(javafx.scene.AccessibleAttribute.LABELED_BY) != null;
    }

    private static String name(Node n) {
        return n.getClass().getSimpleName() + "#" + n.getId()
                + (n instanceof javafx.scene.control.Labeled l ? " '" + l.getText() + "'" : "");
    }

    /** The enabled, shown controls Tab should reach, in scene-graph order; a tab pane and its open tab's controls. */
    private static void collect(Node node, List<Node> out) {
        if (!node.isVisible() || node.isDisabled()) {
            return;
        }
        if (node instanceof TabPane tabs) {
            out.add(tabs);
            var open = tabs.getSelectionModel().getSelectedItem();
            if (open != null && open.getContent() != null) {
                collect(open.getContent(), out);
            }
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
