package dev.ssosetup.ui.common;

import javafx.collections.ListChangeListener;
import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;

import java.util.ArrayList;
import java.util.List;

/**
 * Findings, verdicts and statuses a screen reader announces (issue 16). JavaFX tells the screen reader nothing when a
 * label's text or a node's accessible text changes, so a status region says so itself
 * ({@code notifyAccessibleAttributeChanged(TEXT)}) whenever its text changes. A list of findings (a box the view
 * fills with one row per finding) becomes one text region whose accessible text is all its rows' text, in order.
 */
public final class StatusRegions {
    /** The ids of every view's status regions: the frame's status line and each step's outcome, verdict, findings. */
    public static final List<String> IDS = List.of(
            "statusLabel",                                                        // the frame
            "checkStatus", "findings",                                            // Provider
            "loginStatus", "loginVerdict", "loginVerdictDetail", "loginWarnings", // Login test
            "keysStatus", "keysProgress", "keysSelfTest",                         // Keys
            "reviewReadiness", "reviewStatus", "reviewProblems",                  // Review
            "pushStatus", "pushProgressText", "pushPlanSteps", "pushIssues", "pushApplySteps", // Push
            "pushBackupFile");

    private static final String INSTALLED = "ssc.statusRegion";

    private StatusRegions() {
    }

    /** Makes each status region of {@code view} (by its id in {@link #IDS}) announce its changes. */
    public static void install(Parent view) {
        walk(view);
    }

    // through scroll panes', notification panes' and every tab's content: a view not yet shown has no skins to look up through
    private static void walk(Node node) {
        if (node.getId() != null && IDS.contains(node.getId())) {
            announce(node);
        }
        if (node instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) {
            walk(sp.getContent());
        } else if (node instanceof org.controlsfx.control.NotificationPane np && np.getContent() != null) {
            walk(np.getContent());
        } else if (node instanceof javafx.scene.control.TabPane tabs) {
            tabs.getTabs().stream().filter(t -> t.getContent() != null).forEach(t -> walk(t.getContent()));
        } else if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child);
            }
        }
    }

    /** {@code node} is read as text and tells the screen reader when that text changes. */
    public static void announce(Node node) {
        if (node.getProperties().putIfAbsent(INSTALLED, Boolean.TRUE) != null) {
            return;
        }
        node.setAccessibleRole(AccessibleRole.TEXT);
        if (node instanceof Labeled label) {
            label.textProperty().addListener((o, was, now) -> changed(node));
        } else if (node instanceof Parent parent) {
            Runnable reread = () -> {
                node.setAccessibleText(textOf(parent));
                changed(node);
            };
            parent.getChildrenUnmodifiable().addListener((ListChangeListener<Node>) c -> reread.run());
            reread.run();
        }
    }

    private static void changed(Node node) {
        node.notifyAccessibleAttributeChanged(AccessibleAttribute.TEXT);
    }

    /** The text of every label under {@code parent}, in order, one sentence each (a row's parts joined by spaces). */
    static String textOf(Parent parent) {
        List<String> rows = new ArrayList<>();
        for (Node child : parent.getChildrenUnmodifiable()) {
            List<String> parts = new ArrayList<>();
            collect(child, parts);
            if (!parts.isEmpty()) {
                rows.add(String.join(" ", parts));
            }
        }
        return String.join(". ", rows);
    }

    private static void collect(Node node, List<String> out) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
            out.add(AccessibleNames.plain(l).strip());
            return;
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, out);
            }
        }
    }
}
