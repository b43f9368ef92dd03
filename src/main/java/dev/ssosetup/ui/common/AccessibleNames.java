package dev.ssosetup.ui.common;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;

import java.util.List;

/**
 * Gives every focusable control of a view the name a screen reader says and a label that points at it (issue 16).
 * A control keeps a name it has (its own text, an accessible text, a label's {@code labelFor}); otherwise the name is
 * the label in column 0 of its form-grid row, else the nearest label before it in its container, and the label then
 * points at the control ({@code labelFor}: the label's mnemonic focuses it). A tooltip becomes the accessible help.
 */
public final class AccessibleNames {
    private AccessibleNames() {
    }

    public static void install(Parent view) {
        walk(view);
    }

    private static void walk(Node node) {
        if (node instanceof Control c && !(node instanceof Label) && !(node instanceof ScrollPane)) {
            name(c);
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child);
            }
        }
        if (node instanceof ScrollPane sp && sp.getContent() != null) {
            walk(sp.getContent());
        }
        if (node instanceof org.controlsfx.control.NotificationPane np && np.getContent() != null) {
            walk(np.getContent()); // its skin (and so its children) comes later
        }
        if (node instanceof javafx.scene.control.TabPane tabs) {
            tabs.getTabs().forEach(t -> {
                if (t.getContent() != null) {
                    walk(t.getContent());
                }
            });
        }
    }

    private static void name(Control c) {
        Tooltip tip = c.getTooltip();
        if (tip != null && (c.getAccessibleHelp() == null || c.getAccessibleHelp().isBlank())) {
            c.setAccessibleHelp(tip.getText());
        }
        if (hasName(c)) {
            return;
        }
        Label label = gridLabel(c);
        if (label == null) {
            label = precedingLabel(c);
        }
        if (label != null) {
            c.setAccessibleText(label.getText().replace("_", ""));
            if (label.getLabelFor() == null) {
                label.setLabelFor(c);
            }
        } else if (tip != null) {
            c.setAccessibleText(tip.getText());
        } else if (c instanceof javafx.scene.control.TabPane tabs) {
            // a tab strip without a heading is named by its tabs
            c.setAccessibleText(String.join(", ", tabs.getTabs().stream().map(t -> t.getText().replace("_", ""))
                    .toList()));
        }
    }

    private static boolean hasName(Control c) {
        return c.getAccessibleText() != null && !c.getAccessibleText().isBlank()
                || c instanceof Labeled l && l.getText() != null && !l.getText().isBlank();
    }

    /** The label in column 0 of the control's row, when the control (or its box) sits in a form grid. */
    private static Label gridLabel(Node c) {
        for (Node cell = c; cell != null && cell.getParent() != null; cell = cell.getParent()) {
            if (cell.getParent() instanceof GridPane grid) {
                Integer row = GridPane.getRowIndex(cell);
                int r = row == null ? 0 : row;
                for (Node n : grid.getChildren()) {
                    Integer nr = GridPane.getRowIndex(n);
                    Integer nc = GridPane.getColumnIndex(n);
                    if (n != cell && (nr == null ? 0 : nr) == r && (nc == null ? 0 : nc) == 0
                            && n instanceof Label l && !l.getText().isBlank()) {
                        return l;
                    }
                }
                return null;
            }
        }
        return null;
    }

    /** The nearest label before the control (or one of its containers) among its siblings. */
    private static Label precedingLabel(Node c) {
        for (Node cell = c; cell != null && cell.getParent() != null; cell = cell.getParent()) {
            List<Node> siblings = cell.getParent().getChildrenUnmodifiable();
            for (int i = siblings.indexOf(cell) - 1; i >= 0; i--) {
                if (siblings.get(i) instanceof Label l && !l.getText().isBlank()
                        && !l.getStyleClass().contains("help-text")) {
                    return l;
                }
            }
        }
        return null;
    }
}
