package dev.ssosetup.ui.common;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Cell;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Region;

/**
 * No label of a step is cut off, at the window's minimum size or a large font (issue 16): buttons and links keep the
 * width of their text, labels and check boxes wrap onto more lines and keep the height that needs. Applied once to
 * each step view by the wizard frame; views that build rows later set the same on those rows.
 */
public final class WholeText {
    private WholeText() {
    }

    public static void install(Parent view) {
        walk(view);
    }

    private static void walk(Node node) {
        if (node instanceof Cell<?>) {
            return; // table and list cells: the table shows the selected row in full (DataTables)
        }
        if (node instanceof Labeled l) {
            keepWhole(l);
        }
        if (node instanceof javafx.scene.control.ChoiceBox<?> || node instanceof javafx.scene.control.ComboBoxBase<?>) {
            Region r = (Region) node;
            if (r.getMinWidth() == Region.USE_COMPUTED_SIZE) {
                r.setMinWidth(Region.USE_PREF_SIZE); // the chosen value whole
            }
        }
        // a control's own parts (its skin) are its business; containers are walked below
        if (node instanceof Parent p && !(node instanceof javafx.scene.control.Control)) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child);
            }
        }
        if (node instanceof ScrollPane sp && sp.getContent() != null) {
            walk(sp.getContent());
        }
        if (node instanceof org.controlsfx.control.NotificationPane np && np.getContent() != null) {
            walk(np.getContent());
        }
        if (node instanceof TabPane tabs) {
            tabs.getTabs().forEach(t -> {
                if (t.getContent() != null) {
                    walk(t.getContent());
                }
            });
        }
    }

    /** Buttons and links as wide as their text; labels, check boxes and radio buttons wrap. */
    public static void keepWhole(Labeled l) {
        if (l instanceof Button || l instanceof Hyperlink || l instanceof ButtonBase && !(l instanceof CheckBox)
                && !(l instanceof RadioButton)) {
            if (l.getMinWidth() == Region.USE_COMPUTED_SIZE) {
                l.setMinWidth(Region.USE_PREF_SIZE);
            }
        } else if (l instanceof Label || l instanceof CheckBox || l instanceof RadioButton) {
            l.setWrapText(true);
            if (l.getMinHeight() == Region.USE_COMPUTED_SIZE) {
                l.setMinHeight(Region.USE_PREF_SIZE);
            }
        }
    }
}
