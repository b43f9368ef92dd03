package dev.ssosetup.testsupport;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TitledPane;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Every text a scene graph shows the operator, hidden parts included: labels and buttons, tooltips, prompt texts,
 * choices of combo and choice boxes, tabs, table headers, menus and accessible texts. Each entry says where it is.
 */
public final class SceneText {
    /** A text and where it was found ("Label#issuerError text"). */
    public record Shown(String text, String where) {
    }

    private final List<Shown> shown = new ArrayList<>();
    private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Predicate<Node> skip;

    private SceneText(Predicate<Node> skip) {
        this.skip = skip;
    }

    /** The texts under {@code root}; {@code skip} leaves out a node and everything below it. */
    public static List<Shown> of(Node root, Predicate<Node> skip) {
        SceneText t = new SceneText(skip);
        t.walk(root);
        return List.copyOf(t.shown);
    }

    public static List<Shown> of(Node root) {
        return of(root, n -> false);
    }

    private void add(String text, Object owner, String what) {
        if (text != null && !text.isBlank()) {
            String name = owner.getClass().getSimpleName();
            if (owner instanceof Node n && n.getId() != null) {
                name += "#" + n.getId();
            }
            shown.add(new Shown(text, name + " " + what));
        }
    }

    private void tooltip(Tooltip tip, Object owner) {
        if (tip != null) {
            add(tip.getText(), owner, "tooltip");
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void walk(Node node) {
        if (node == null || !seen.add(node) || skip.test(node)) {
            return;
        }
        add(node.getAccessibleText(), node, "accessibleText");
        add(node.getAccessibleHelp(), node, "accessibleHelp");
        if (node instanceof Labeled l) {
            add(l.getText(), l, "text");
            walk(l.getGraphic());
        }
        if (node instanceof Control c) {
            tooltip(c.getTooltip(), c);
        }
        if (node instanceof TextInputControl t) {
            add(t.getPromptText(), t, "promptText");
        }
        if (node instanceof ComboBoxBase<?> b) {
            add(b.getPromptText(), b, "promptText");
        }
        if (node instanceof ComboBox c) {
            StringConverter conv = c.getConverter();
            for (Object item : c.getItems()) {
                add(conv == null ? String.valueOf(item) : conv.toString(item), c, "choice");
            }
        }
        if (node instanceof ChoiceBox c) {
            StringConverter conv = c.getConverter();
            for (Object item : c.getItems()) {
                add(conv == null ? String.valueOf(item) : conv.toString(item), c, "choice");
            }
        }
        if (node instanceof TabPane p) {
            for (Tab tab : p.getTabs()) {
                add(tab.getText(), p, "tab");
                tooltip(tab.getTooltip(), p);
                walk(tab.getGraphic());
                walk(tab.getContent());
            }
        }
        if (node instanceof TitledPane p) {
            walk(p.getContent());
        }
        if (node instanceof ScrollPane p) {
            walk(p.getContent());
        }
        if (node instanceof SplitPane p) {
            p.getItems().forEach(this::walk);
        }
        if (node instanceof TableView<?> t) {
            t.getColumns().forEach(c -> column(c, t));
            if (t.getPlaceholder() != null) {
                walk(t.getPlaceholder());
            }
        }
        if (node instanceof MenuBar bar) {
            bar.getMenus().forEach(m -> menu(m, bar));
        }
        if (node instanceof MenuButton b) {
            b.getItems().forEach(m -> menu(m, b));
        }
        if (node instanceof Control c && c.getContextMenu() != null) {
            c.getContextMenu().getItems().forEach(m -> menu(m, c));
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(this::walk);
        }
    }

    private void column(TableColumnBase<?, ?> column, Object owner) {
        add(column.getText(), owner, "column");
        column.getColumns().forEach(c -> column(c, owner));
    }

    private void menu(MenuItem item, Object owner) {
        add(item.getText(), owner, "menu item " + item.getId());
        if (item instanceof Menu m) {
            m.getItems().forEach(i -> menu(i, owner));
        }
        walk(item.getGraphic());
    }
}
