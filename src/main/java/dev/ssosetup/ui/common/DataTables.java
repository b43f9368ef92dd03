package dev.ssosetup.ui.common;

import dev.ssosetup.core.text.Messages;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What every data table of the window does alike (issue 16): columns as wide as their content (up to a limit; the
 * last takes the rest), as tall as its rows (no empty filler rows; more than {@link #MAX_ROWS} scroll), the selected
 * row's values in full in a detail area below the table (they wrap there; no tooltip per cell, see
 * docs/architecture.md "Background work"), and Ctrl+C or the context menu's Copy put the selected rows on the
 * clipboard, one line each, values separated by tabs.
 */
public final class DataTables {
    /** Rows shown before the table scrolls. */
    public static final int MAX_ROWS = 8;
    /** No column but the last grows wider than this for its content; the detail area shows the rest. */
    static final double MAX_COLUMN_WIDTH = 360;
    /** A column keeps its content's width up to this much when the table is too narrow for all. */
    static final double MIN_KEPT_WIDTH = 160;
    private static final double CELL_PADDING = 18;

    private DataTables() {
    }

    /**
     * Sets {@code table} up as described above. {@code values} gives a row's values in column order, as shown.
     *
     * @return the detail area (also put right below the table when its parent is a pane)
     */
    public static <T> Label install(TableView<T> table, Function<T, List<String>> values, Messages messages) {
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getStyleClass().add("data-table");

        Label detail = new Label();
        detail.setId(table.getId() == null ? null : table.getId() + "Detail");
        detail.getStyleClass().add("table-detail");
        detail.setWrapText(true);
        detail.setMaxWidth(Double.MAX_VALUE);
        detail.setMinHeight(Region.USE_PREF_SIZE);
        detail.setAccessibleText(messages.get("table.detail"));
        detail.visibleProperty().bind(detail.textProperty().isNotEmpty());
        detail.managedProperty().bind(detail.visibleProperty());
        InvalidationListener showSelected = o -> detail.setText(detailText(table, values));
        table.getSelectionModel().getSelectedItems().addListener(showSelected);
        table.getItems().addListener(showSelected);
        table.itemsProperty().addListener((o, was, is) -> showSelected.invalidated(o));
        if (table.getParent() instanceof Pane parent) {
            parent.getChildren().add(parent.getChildren().indexOf(table) + 1, detail);
        } else {
            table.parentProperty().addListener((o, was, is) -> {
                if (is instanceof Pane parent && !parent.getChildren().contains(detail)) {
                    parent.getChildren().add(parent.getChildren().indexOf(table) + 1, detail);
                }
            });
        }

        MenuItem copy = new MenuItem(messages.get("table.copy"));
        copy.setMnemonicParsing(true);
        copy.setAccelerator(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN));
        copy.setOnAction(e -> copySelected(table, values));
        copy.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(table.getSelectionModel()
                .getSelectedItems()));
        table.setContextMenu(new ContextMenu(copy));
        KeyCombination copyKey = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
        table.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (copyKey.match(e)) {
                copySelected(table, values);
                e.consume();
            }
        });
        String help = messages.get("table.copy.help");
        table.setAccessibleHelp(table.getAccessibleHelp() == null ? help : table.getAccessibleHelp() + " " + help);

        Runnable fit = () -> fit(table, values);
        table.getItems().addListener((ListChangeListener<T>) c -> fit.run());
        table.itemsProperty().addListener((o, was, is) -> {
            is.addListener((ListChangeListener<T>) c -> fit.run());
            fit.run();
        });
        table.skinProperty().addListener((o, was, is) -> {
            Node header = table.lookup(".column-header-background");
            if (header instanceof Region r) {
                r.heightProperty().addListener(x -> fit.run());
            }
            fit.run();
        });
        fit.run();
        return detail;
    }

    /** The selected rows as text: one line per row, each value after its column's title. */
    private static <T> String detailText(TableView<T> table, Function<T, List<String>> values) {
        List<String> lines = new ArrayList<>();
        for (T row : List.copyOf(table.getSelectionModel().getSelectedItems())) {
            if (row == null) {
                continue;
            }
            List<String> v = values.apply(row);
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < v.size() && i < table.getColumns().size(); i++) {
                parts.add(table.getColumns().get(i).getText() + ": " + v.get(i));
            }
            lines.add(String.join("\n", parts));
        }
        return String.join("\n\n", lines);
    }

    private static <T> void copySelected(TableView<T> table, Function<T, List<String>> values) {
        List<String> lines = new ArrayList<>();
        for (T row : List.copyOf(table.getSelectionModel().getSelectedItems())) {
            if (row != null) {
                lines.add(String.join("\t", values.apply(row)));
            }
        }
        if (lines.isEmpty()) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(String.join("\n", lines));
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** Column widths from the content, height from the rows. */
    private static <T> void fit(TableView<T> table, Function<T, List<String>> values) {
        Font font = cellFont(table);
        List<TableColumn<T, ?>> columns = table.getColumns();
        double[] widths = new double[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            widths[i] = textWidth(columns.get(i).getText(), font) + CELL_PADDING + 12; // room for a sort arrow
        }
        for (T row : table.getItems()) {
            List<String> v = values.apply(row);
            for (int i = 0; i < v.size() && i < widths.length; i++) {
                widths[i] = Math.max(widths[i], textWidth(v.get(i), font) + CELL_PADDING);
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            double w = Math.ceil(i == columns.size() - 1 ? widths[i] : Math.min(widths[i], MAX_COLUMN_WIDTH));
            columns.get(i).setPrefWidth(w);
            // a narrow table shrinks the long columns, never a short one (a claim's name) to "..."
            columns.get(i).setMinWidth(Math.min(w, MIN_KEPT_WIDTH));
        }
        // rows as tall as the font needs (a larger font scale must not cut the text)
        double cell = Math.max(24, Math.ceil(font.getSize() * 2));
        table.setFixedCellSize(cell);
        Node header = table.lookup(".column-header-background");
        double headerHeight = header instanceof Region r && r.getHeight() > 0 ? r.getHeight() : cell + 4;
        int rows = Math.max(1, Math.min(MAX_ROWS, table.getItems().size()));
        double insets = table.getInsets().getTop() + table.getInsets().getBottom();
        double height = Math.ceil(headerHeight + rows * cell + insets + 2);
        table.setMinHeight(Region.USE_PREF_SIZE);
        table.setPrefHeight(height);
        table.setMaxHeight(height);
    }

    private static Font cellFont(TableView<?> table) {
        Node cell = table.lookup(".table-cell");
        if (cell instanceof Labeled l && l.getFont() != null) {
            return l.getFont();
        }
        return Font.getDefault();
    }

    private static double textWidth(String s, Font font) {
        if (s == null || s.isEmpty()) {
            return 0;
        }
        Text t = new Text(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }
}
