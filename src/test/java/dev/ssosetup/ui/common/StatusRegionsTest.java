package dev.ssosetup.ui.common;

import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Status regions are read as text, and a list of findings reads as all its rows (issue 16). */
@ExtendWith(ApplicationExtension.class)
class StatusRegionsTest {
    // built in start(): a control made before the toolkit runs breaks every later test in the JVM
    private Label status;
    private VBox findings;
    private Label other;

    @Start
    void start(Stage stage) {
        status = new Label("Checking…");
        findings = new VBox();
        other = new Label("Issuer");
        status.setId("checkStatus");
        findings.setId("findings");
        other.setId("issuerLabel");
        VBox form = new VBox(other, status, findings);
        ScrollPane view = new ScrollPane(form); // the step views scroll: regions inside are found before any skin
        StatusRegions.install(view);
        stage.setScene(new Scene(view, 300, 200));
        stage.show();
    }

    @Test
    void aFindingsListReadsAsItsRowsAndFollowsThem(FxRobot robot) {
        assertEquals(AccessibleRole.TEXT, findings.getAccessibleRole());
        assertEquals("", text(robot));
        robot.interact(() -> findings.getChildren().addAll(
                new HBox(new Label("⚠  Warning"), new Label("insecure-endpoint"), new Label("Plain http.")),
                new HBox(new Label("✖  Error"), new Label("no-jwks"), new Button("_Fix it"))));
        assertEquals("⚠  Warning insecure-endpoint Plain http.. ✖  Error no-jwks Fix it", text(robot));
        robot.interact(() -> findings.getChildren().clear());
        assertEquals("", text(robot), "no stale findings are read after they are gone");
    }

    @Test
    void aStatusLabelIsReadAsItsCurrentText(FxRobot robot) {
        robot.interact(() -> status.setText("No errors (2 warnings): the provider can be used."));
        Object[] read = new Object[1];
        robot.interact(() -> read[0] = status.queryAccessibleAttribute(AccessibleAttribute.TEXT));
        assertEquals("No errors (2 warnings): the provider can be used.", read[0]);
        assertEquals(AccessibleRole.TEXT, status.getAccessibleRole());
        assertEquals(Boolean.TRUE, status.getProperties().get("ssc.statusRegion"));
        assertNull(other.getProperties().get("ssc.statusRegion"), "only the listed regions announce");
    }

    private String text(FxRobot robot) {
        String[] out = new String[1];
        robot.interact(() -> out[0] = (String) findings.queryAccessibleAttribute(AccessibleAttribute.TEXT));
        return out[0] == null ? "" : out[0];
    }
}
