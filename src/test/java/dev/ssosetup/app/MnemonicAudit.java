package dev.ssosetup.app;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What Alt shows in the window as it is now: every button (links aside: they repeat per item and Tab reaches them)
 * and every field label (a label pointing at a control) that is on screen, with the key its mnemonic takes. A
 * mnemonic is the character after the first {@code _} of a text the control parses for mnemonics, the way JavaFX reads
 * it; two on screen at once with the same key clash (Alt+key then only moves between them).
 */
final class MnemonicAudit {
    private MnemonicAudit() {
    }

    /**
     * The mnemonic key of a text ({@code "_Next"} is N), or 0 when it has none. JavaFX takes the first {@code _} as
     * the marker and shows any later one as it is ({@code "_Also write private_key.pem"} is A).
     */
    static char key(String text) {
        int i = text == null ? -1 : text.indexOf('_');
        return i < 0 || i == text.length() - 1 ? 0 : Character.toUpperCase(text.charAt(i + 1));
    }

    /** A button or a field label: what must carry a mnemonic. */
    static boolean needsMnemonic(Node n) {
        if (n instanceof Hyperlink || n instanceof MenuButton) {
            return false;
        }
        if (n instanceof ButtonBase b) {
            return b.getText() != null && !b.getText().isBlank();
        }
        // a field label: it names a control the keyboard reaches that has no text of its own
        return n instanceof Label l && l.getLabelFor() instanceof javafx.scene.control.Control c
                && !(c instanceof Labeled) && c.isFocusTraversable()
                && l.getText() != null && !l.getText().isBlank();
    }

    /** What Alt+key reaches: a label's control, else the button itself. */
    private static Node target(Node n) {
        return n instanceof Label l && l.getLabelFor() != null ? l.getLabelFor() : n;
    }

    static String describe(Labeled l) {
        return l.getClass().getSimpleName() + (l.getId() == null ? "" : "#" + l.getId()) + " '" + l.getText() + "'";
    }

    /**
     * The problems of what is on screen now: a button or field label without a mnemonic, and every key taken by
     * more than one of them (the menu bar's menus count too).
     */
    static List<String> problemsOnScreen(Scene scene) {
        Map<Character, List<String>> byKey = new LinkedHashMap<>();
        Map<Character, List<Node>> targets = new LinkedHashMap<>();
        Map<Character, List<Node>> sections = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        walk(scene.getRoot(), true, n -> {
            if (n instanceof MenuBar bar) {
                for (Menu m : bar.getMenus()) {
                    if (m.isVisible()) {
                        char k = m.isMnemonicParsing() ? key(m.getText()) : 0;
                        if (k == 0) {
                            problems.add("menu '" + m.getText() + "' has no mnemonic");
                        } else {
                            byKey.computeIfAbsent(k, x -> new ArrayList<>()).add("menu '" + m.getText() + "'");
                        }
                    }
                }
            }
            if (needsMnemonic(n)) {
                Labeled l = (Labeled) n;
                char k = l.isMnemonicParsing() ? key(l.getText()) : 0;
                if (k == 0) {
                    problems.add(describe(l) + " has no mnemonic");
                } else if (!targets.computeIfAbsent(k, x -> new ArrayList<>()).contains(target(n))) {
                    targets.get(k).add(target(n));
                    byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(describe(l));
                    sections.computeIfAbsent(k, x -> new ArrayList<>()).add(section(n));
                }
            }
        });
        byKey.forEach((k, owners) -> {
            List<Node> in = sections.getOrDefault(k, List.of());
            boolean menu = owners.size() > in.size();
            boolean clash = owners.size() > 1
                    && (menu || in.contains(null) || in.stream().distinct().count() < in.size());
            if (clash) {
                problems.add("Alt+" + k + " is taken by " + owners);
            }
        });
        return problems;
    }

    /**
     * The part of the window a control's mnemonic must be unique in: its section of the Provider step (a
     * {@code form-section}: that step has more labelled controls than there are keys, so a key may come back in
     * another section, where Alt+key then moves between them), else its whole step; null for the frame (menus, Back,
     * Next), whose keys no step may take.
     */
    private static Node section(Node n) {
        Node step = null;
        for (Node p = n; p != null; p = p.getParent()) {
            if (p.getStyleClass().contains("form-section")) {
                return p;
            }
            if (p.getParent() != null && p.getParent().getStyleClass().contains("step-content")) {
                step = p;
                break;
            }
        }
        return step;
    }

    /** Buttons and field labels of {@code view} without a mnemonic, shown or hidden (every state of the step). */
    static List<String> withoutMnemonic(Parent view) {
        List<String> problems = new ArrayList<>();
        walk(view, false, n -> {
            if (needsMnemonic(n)) {
                Labeled l = (Labeled) n;
                if (!l.isMnemonicParsing() || key(l.getText()) == 0) {
                    problems.add(describe(l) + " has no mnemonic");
                }
            }
        });
        return problems;
    }

    /** All mnemonic keys on screen now, for a failure message. */
    static String onScreen(Scene scene) {
        List<String> all = new ArrayList<>();
        walk(scene.getRoot(), true, n -> {
            if (needsMnemonic(n) && ((Labeled) n).isMnemonicParsing() && key(((Labeled) n).getText()) != 0) {
                all.add(key(((Labeled) n).getText()) + "=" + ((Labeled) n).getText());
            }
        });
        all.sort(String::compareTo);
        return String.join(", ", all).toLowerCase(Locale.ROOT).replace("=", ": ");
    }

    private static void walk(Node node, boolean shownOnly, Consumer<Node> visit) {
        if (shownOnly && !node.isVisible()) {
            return;
        }
        visit.accept(node);
        if (node instanceof ScrollPane sp && sp.getContent() != null) {
            walk(sp.getContent(), shownOnly, visit);
        }
        if (node instanceof TabPane tabs && !shownOnly) {
            tabs.getTabs().forEach(t -> {
                if (t.getContent() != null) {
                    walk(t.getContent(), false, visit);
                }
            });
        }
        if (node instanceof Parent p && !(node instanceof ScrollPane) && !(node instanceof MenuBar)) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, shownOnly, visit);
            }
        }
    }
}
