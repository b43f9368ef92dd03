package dev.ssosetup.ui.common;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;

import java.util.List;

/**
 * Builds, styles and lays out a small table off screen once, in an idle turn of the JavaFX thread after the step
 * views are preloaded. The first table with rows otherwise pays for loading and first running the table, row and cell
 * code on the JavaFX thread when it fills, and the first one is the login test's claims, right when its verdict
 * arrives (measured: a stall of 60-220 ms there, by {@code UiStallBench}).
 */
public final class ControlWarmup {
    private ControlWarmup() {
    }

    /** Must run on the JavaFX thread; nothing of it stays reachable. */
    public static void tables(List<String> stylesheets) {
        TableView<String[]> table = new TableView<>();
        for (int c = 0; c < 3; c++) {
            int column = c;
            TableColumn<String[], String> col = new TableColumn<>("column " + c);
            col.setCellValueFactory(v -> new ReadOnlyStringWrapper(v.getValue()[column]));
            table.getColumns().add(col);
        }
        table.setFixedCellSize(26);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        for (int r = 0; r < 12; r++) {
            table.getItems().add(new String[] {"name " + r, "a longer value for row " + r, "what it means"});
        }
        StackPane root = new StackPane(table);
        Scene scene = new Scene(root, 640, 360);
        scene.getStylesheets().setAll(stylesheets);
        root.applyCss();
        root.layout();
    }
}
