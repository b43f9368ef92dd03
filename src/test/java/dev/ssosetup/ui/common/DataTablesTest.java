package dev.ssosetup.ui.common;

import dev.ssosetup.core.text.Messages;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The data tables (login claims, userinfo, Push diff) size their columns to the content, are as tall as their rows,
 * show the selected row in full below and copy it with Ctrl+C or the context menu (issue 16).
 */
@ExtendWith(ApplicationExtension.class)
class DataTablesTest {
    private static final String LONG = "https://idp.example.com/realms/a-realm-with-a-long-name/protocol/"
            + "openid-connect/certs?and=a&query=string&that=goes&on=and&on=and&on=for&a=while&longer=than&any=column";
    private final Messages messages = Messages.forLocale(Locale.ENGLISH);
    private TableView<List<String>> table;
    private Label detail;

    @Start
    void start(Stage stage) {
        table = new TableView<>(FXCollections.observableArrayList(
                List.of("sub", "u-42", "Subject"),
                List.of("preferred_username_of_the_operator", "alice", "User name"),
                List.of("jwks", LONG, "Where the keys are")));
        table.setId("claims");
        for (int i = 0; i < 3; i++) {
            int column = i;
            TableColumn<List<String>, String> c = new TableColumn<>(List.of("Claim", "Value", "Meaning").get(i));
            c.setCellValueFactory(r -> new ReadOnlyStringWrapper(r.getValue().get(column)));
            table.getColumns().add(c);
        }
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox box = new VBox(8, new Label("Claims"), table, new Label("below"));
        detail = DataTables.install(table, r -> r, messages);
        stage.setScene(new Scene(box, 800, 600));
        stage.show();
    }

    @Test
    void columnsFitTheirContentAndNoEmptyRowsFillTheTable(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        TableColumn<List<String>, ?> name = table.getColumns().get(0);
        double longest = new Text("preferred_username_of_the_operator").getLayoutBounds().getWidth();
        assertTrue(name.getWidth() >= longest, "the claim column shows its longest name: " + name.getWidth()
                + " < " + longest);
        long emptyRows = robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.isVisible() && r.isEmpty() && r.localToScene(r.getBoundsInLocal()).getMaxY()
                        <= table.localToScene(table.getBoundsInLocal()).getMaxY() - 2)
                .count();
        assertEquals(0, emptyRows, "no empty filler rows under the three claims");
        assertTrue(table.getHeight() < 3 * 26 + 80, "as tall as three rows and the header: " + table.getHeight());
    }

    @Test
    void theSelectedRowShowsInFullBelowTheTableAndCopies(FxRobot robot) {
        VBox box = (VBox) table.getParent();
        assertEquals(box.getChildren().indexOf(table) + 1, box.getChildren().indexOf(detail), "right below");
        assertFalse(detail.isVisible(), "nothing selected, nothing shown");
        robot.interact(() -> table.getSelectionModel().select(2));
        assertTrue(detail.isVisible());
        assertTrue(detail.getText().contains("Value: " + LONG), detail.getText());
        assertTrue(detail.isWrapText(), "a long value wraps");

        robot.interact(() -> Clipboard.getSystemClipboard().clear());
        robot.interact(table::requestFocus);
        robot.press(KeyCode.CONTROL).press(KeyCode.C).release(KeyCode.C).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("jwks\t" + LONG + "\tWhere the keys are", onFx(() -> Clipboard.getSystemClipboard().getString()));

        robot.interact(() -> {
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().selectIndices(0, 1);
            Clipboard.getSystemClipboard().clear();
        });
        MenuItem copy = table.getContextMenu().getItems().getFirst();
        assertEquals("Copy", copy.getText().replace("_", ""));
        robot.interact(copy::fire);
        assertEquals("sub\tu-42\tSubject\npreferred_username_of_the_operator\talice\tUser name",
                onFx(() -> Clipboard.getSystemClipboard().getString()));
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
