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
        java.util.Set<Node> labelled = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        walk(view, n -> {
            if (n instanceof Label l && l.getLabelFor() != null && l.getText() != null && !l.getText().isBlank()) {
                labelled.add(l.getLabelFor());
            }
        });
        walk(view, n -> {
            if (n instanceof Control c && !(n instanceof Label) && !(n instanceof ScrollPane)) {
                name(c, labelled.contains(c));
            }
        });
    }

    private static void walk(Node node, java.util.function.Consumer<Node> visit) {
        visit.accept(node);
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, visit);
            }
        }
        if (node instanceof ScrollPane sp && sp.getContent() != null) {
            walk(sp.getContent(), visit);
        }
        if (node instanceof org.controlsfx.control.NotificationPane np && np.getContent() != null) {
            walk(np.getContent(), visit); // its skin (and so its children) comes later
        }
        if (node instanceof javafx.scene.control.TabPane tabs) {
            tabs.getTabs().forEach(t -> {
                if (t.getContent() != null) {
                    walk(t.getContent(), visit);
                }
            });
        }
    }

    private static void name(Control c, boolean labelled) {
        Tooltip tip = c.getTooltip();
        if (tip != null && (c.getAccessibleHelp() == null || c.getAccessibleHelp().isBlank())) {
            c.setAccessibleHelp(tip.getText());
        }
        if (labelled || hasName(c)) {
            return; // a label pointing at the control names it (the screen reader reads it as "labelled by")
        }
        Label label = gridLabel(c);
        if (label == null) {
            label = precedingLabel(c);
        }
        if (label != null) {
            c.setAccessibleText(plain(label));
            // only a control the keyboard reaches gets the label's mnemonic; a progress bar just takes its name
            if (label.getLabelFor() == null && c.isFocusTraversable()) {
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

    /**
     * A label's text as shown and read out: without the mnemonic marker, which JavaFX takes to be the first
     * {@code _} ({@code "_Also write private_key.pem"} shows "Also write private_key.pem").
     */
    public static String plain(Labeled label) {
        String text = label.getText();
        int marker = text == null ? -1 : text.indexOf('_');
        return label.isMnemonicParsing() && marker >= 0 ? text.substring(0, marker) + text.substring(marker + 1)
                : text;
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
