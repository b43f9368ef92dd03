package dev.ssosetup.app;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Walks a step's scene graph for what the operator reads (issue 16 layout and wording tests). */
final class StepTexts {
    private StepTexts() {
    }

    /** Visits every node under {@code node} that is shown: a scroll pane's content and every tab's content too. */
    static void walk(Node node, Consumer<Node> visit) {
        if (!node.isVisible()) {
            return;
        }
        visit.accept(node);
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, visit);
            }
        }
        if (node instanceof ScrollPane sp && sp.getContent() != null && sp.getContent().getParent() == null) {
            walk(sp.getContent(), visit);
        }
    }

    /** Every text shown under {@code root}: labels, buttons, tab titles, column titles, prompt texts. */
    static List<String> texts(Node root) {
        List<String> texts = new ArrayList<>();
        walk(root, n -> {
            if (n instanceof Labeled l && l.getText() != null) {
                texts.add(l.getText());
            }
            if (n instanceof TabPane tabs) {
                tabs.getTabs().stream().map(Tab::getText).forEach(texts::add);
            }
            if (n instanceof javafx.scene.control.TableView<?> t) {
                t.getColumns().forEach(c -> texts.add(c.getText()));
            }
            if (n instanceof javafx.scene.control.TextInputControl t && t.getPromptText() != null) {
                texts.add(t.getPromptText());
            }
            if (n instanceof Control c && c.getTooltip() != null) {
                texts.add(c.getTooltip().getText());
            }
        });
        return texts;
    }

    /**
     * Labels whose text is cut (the skin shows less than the text: an ellipsis) and controls that reach outside the
     * window, or outside the scroll pane that holds them, sideways. Table cells are left out: a table shows the
     * selected row in full below it.
     */
    static List<String> cutOrOutside(Node root, Scene scene) {
        List<String> found = new ArrayList<>();
        walk(root, n -> {
            if (n instanceof IndexedCell<?> || inCell(n)) {
                return;
            }
            if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty() && l.getWidth() > 0) {
                Node shown = l.lookup(".text");
                if (shown instanceof Text t && t.getParent() == l) {
                    String expected = l.isMnemonicParsing() ? l.getText().replaceFirst("_(?=.)", "") : l.getText();
                    if (!t.getText().replace("\n", " ").strip().equals(expected.replace("\n", " ").strip())
                            && !t.getText().replace("\n", "").equals(expected.replace("\n", "").replace(" ", ""))
                            && !sameWords(t.getText(), expected)) {
                        found.add(describe(n) + " shows '" + t.getText() + "' of '" + expected + "'");
                    }
                }
            }
            if (n instanceof Control c && c.getWidth() > 0) {
                Bounds b = c.localToScene(c.getLayoutBounds());
                double right = scene.getWidth();
                for (Parent p = c.getParent(); p != null; p = p.getParent()) {
                    if (p instanceof ScrollPane sp) {
                        right = Math.min(right, sp.localToScene(sp.getLayoutBounds()).getMaxX());
                        break;
                    }
                }
                boolean tabHeader = n.getParent() != null && inTabHeaders(n); // they scroll, with a menu of all
                if (!tabHeader && (b.getMinX() < -0.5 || b.getMaxX() > right + 0.5)) {
                    found.add(describe(n) + " outside the window: x " + Math.round(b.getMinX()) + ".."
                            + Math.round(b.getMaxX()) + " of " + Math.round(right));
                }
            }
        });
        return found;
    }

    /** Enum constants the operator must never read as such (they have words: "Custom OpenID Connect" ...). */
    private static final List<Class<? extends Enum<?>>> INTERNAL = List.of(
            dev.ssosetup.core.provider.Preset.class, dev.ssosetup.core.provider.Deployment.class,
            dev.ssosetup.core.provider.ClientType.class, dev.ssosetup.core.provider.ClientAuthMethod.class,
            dev.ssosetup.core.provider.ResponseType.class, dev.ssosetup.core.provider.OpenMetadataVersion.class,
            dev.ssosetup.core.config.HelmChartVersion.class, dev.ssosetup.core.common.Severity.class,
            dev.ssosetup.core.session.ThemeChoice.class, dev.ssosetup.core.push.ServerState.class,
            dev.ssosetup.core.push.PushStep.class, dev.ssosetup.core.login.FailureStage.class,
            dev.ssosetup.core.login.RedirectHost.class, dev.ssosetup.core.keys.KeySize.class);
    /** SCREAMING_SNAKE words: how a constant looks. */
    private static final java.util.regex.Pattern CONSTANT = java.util.regex.Pattern.compile(
            "\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");

    /** The internal names among {@code texts}: enum constants of the core, or anything that looks like one. */
    static List<String> internalNames(List<String> texts) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (Class<? extends Enum<?>> e : INTERNAL) {
            for (Enum<?> c : e.getEnumConstants()) {
                names.add(c.name());
            }
        }
        List<String> found = new ArrayList<>();
        for (String t : texts) {
            if (t == null) {
                continue;
            }
            var m = CONSTANT.matcher(t);
            while (m.find()) {
                found.add(m.group() + " in '" + t + "'");
            }
            for (String word : t.split("[^A-Za-z0-9_]+")) {
                if (names.contains(word) && !CONSTANT.matcher(word).matches()) {
                    found.add(word + " in '" + t + "'");
                }
            }
        }
        return found;
    }

    /** A wrapped label's text node holds its words with line breaks instead of spaces. */
    private static boolean sameWords(String shown, String expected) {
        return shown.split("\\s+").length == expected.split("\\s+").length
                && String.join(" ", shown.split("\\s+")).equals(String.join(" ", expected.split("\\s+")));
    }

    private static boolean inTabHeaders(Node n) {
        for (Parent p = n.getParent(); p != null; p = p.getParent()) {
            if (p.getStyleClass().contains("tab-header-area")) {
                return true;
            }
        }
        return false;
    }

    private static boolean inCell(Node n) {
        for (Parent p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof IndexedCell<?>) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Node n) {
        String text = n instanceof Labeled l ? " '" + l.getText() + "'" : "";
        return n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId()) + text;
    }
}
