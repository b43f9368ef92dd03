package dev.ssosetup.ui.wizard;

import dev.ssosetup.core.text.Messages;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import java.util.Map;

/** The page after the last step: what was set up, where the backup is, and what to check next. */
final class FinishPage {
    private FinishPage() {
    }

    static Node build(FinishSummary summary, Messages messages) {
        Label intro = new Label(messages.get("finish.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add("finish-intro");
        intro.setAccessibleRole(AccessibleRole.TEXT);

        GridPane grid = new GridPane();
        grid.getStyleClass().add("finish-summary");
        grid.setHgap(16);
        grid.setVgap(6);
        int row = 0;
        for (Map.Entry<String, String> e : summary.rows()) {
            Label name = new Label(e.getKey());
            name.getStyleClass().add("finish-label");
            grid.addRow(row++, name, value(e.getValue(), e.getKey()));
        }

        Label backupTitle = new Label(messages.get("finish.backup.title"));
        backupTitle.getStyleClass().add("finish-heading");
        Node backup = summary.backupFile().isBlank()
                ? wrapped(messages.get("finish.backup.none"))
                : value(summary.backupFile(), messages.get("finish.backup.title"));
        if (!summary.backupFile().isBlank()) {
            backup.setId("finishBackup");
        }

        Label checkTitle = new Label(messages.get("finish.checklist.title"));
        checkTitle.getStyleClass().add("finish-heading");
        VBox checklist = new VBox(4);
        checklist.setId("finishChecklist"); // the slot the post-push checklist fills (issue 18)
        for (FinishSummary.Item item : summary.checklist()) {
            Label line = wrapped((item.done() ? "\u2611 " : "\u2610 ") + item.text());
            line.getStyleClass().add(item.done() ? "finish-done" : "finish-open");
            line.setAccessibleText(messages.get(item.done() ? "finish.checklist.done" : "finish.checklist.open",
                    item.text()));
            checklist.getChildren().add(line);
        }
        if (summary.checklist().isEmpty()) {
            checklist.getChildren().add(wrapped(messages.get("finish.checklist.default")));
        }

        VBox page = new VBox(12, intro, grid, backupTitle, backup, checkTitle, checklist);
        page.getStyleClass().add("finish-page");
        page.setFocusTraversable(false);
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.setId("finishPage");
        scroll.getStyleClass().add("finish-scroll");
        return scroll;
    }

    /** A read-only field: the value can be selected and copied, and a screen reader names it. */
    private static TextField value(String text, String name) {
        TextField field = new TextField(text);
        field.setEditable(false);
        field.getStyleClass().add("finish-value");
        field.setAccessibleText(name + ": " + text);
        field.setPrefColumnCount(Math.max(20, Math.min(60, text.length())));
        return field;
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }
}
