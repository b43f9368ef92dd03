package dev.ssosetup.app;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.controlsfx.control.decoration.Decoration;
import org.controlsfx.control.decoration.Decorator;
import org.controlsfx.control.decoration.GraphicDecoration;
import org.junit.jupiter.api.Test;
import dev.ssosetup.testsupport.Screenshots;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ControlsFX's validation marks (ADR 0017) on the real wizard: a field the view model finds wrong gets an error
 * decoration beside its inline message, loses it once fixed, and the window's root stays the wizard's own (ControlsFX
 * would otherwise put its decoration pane in its place).
 */
@ExtendWith(ApplicationExtension.class)
class FieldDecorationsUiTest {
    @RegisterExtension
    final WizardWindow window = new WizardWindow();

    @Test
    void aWrongProviderFieldIsMarkedUntilItIsFixed(FxRobot robot) throws Exception {
        TextField issuer = robot.lookup("#issuer").queryAs(TextField.class);
        robot.interact(() -> issuer.setText("not a url"));
        WaitForAsyncUtils.waitForFxEvents();
        Label error = robot.lookup("#issuerError").queryAs(Label.class);
        assertTrue(error.isVisible() && !error.getText().isEmpty(), "the view model finds the issuer wrong");
        assertTrue(marked(issuer), "and ControlsFX marks the field");
        var image = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> window.scene().snapshot(null)).get();
        Screenshots.save(image, java.nio.file.Path.of("target/screenshots/provider-marked.png"));
        robot.interact(() -> issuer.setText("https://idp.example.com/realms/demo"));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(error.isVisible());
        assertFalse(marked(issuer), "fixed: the mark goes");
        assertSame(window.root(), window.scene().getRoot(), "the window's root is still the wizard's");
    }

    @Test
    void aPlanWithoutServerOrTokenMarksBothPushFields(FxRobot robot) throws Exception {
        window.allSteps();
        TextField server = (TextField) onFx("#pushServerUrl");
        TextField token = (TextField) onFx("#pushToken");
        Button plan = (Button) onFx("#pushPlan");
        robot.interact(() -> {
            server.setText("not a server");
            plan.fire();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(marked(server), "the server address is wrong");
        robot.interact(() -> {
            server.setText("https://openmetadata.example.com");
            token.setText("");
            plan.fire();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(marked(server), "fixed");
        assertTrue(marked(token), "the token is missing");
        assertSame(window.root(), window.scene().getRoot());
    }

    /**
     * The node with {@code selector}, looked up on the JavaFX thread (the preloaded Push view is attached there while
     * the wizard still warms up other controls: a lookup from the test thread raced with it once).
     */
    private javafx.scene.Node onFx(String selector) throws Exception {
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(() -> window.root().lookup(selector) != null).get());
        return WaitForAsyncUtils.asyncFx(() -> window.root().lookup(selector)).get();
    }

    private static boolean marked(javafx.scene.Node field) {
        List<Decoration> d = Decorator.getDecorations(field);
        return d != null && d.stream().anyMatch(GraphicDecoration.class::isInstance);
    }
}
