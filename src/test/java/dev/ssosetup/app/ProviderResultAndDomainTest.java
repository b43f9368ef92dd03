package dev.ssosetup.app;

import dev.ssosetup.core.login.LoginAttempt;
import dev.ssosetup.core.login.LoginTestResult;
import dev.ssosetup.core.login.OpenMetadataPreview;
import dev.ssosetup.core.provider.MockIdp;
import dev.ssosetup.core.provider.ProviderSettings;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16 in the real wizard: the check's result is brought into view and focused, the principal domain is required
 * and offered from the login test, and a "Go to" link focuses the exact field.
 */
@ExtendWith(ApplicationExtension.class)
class ProviderResultAndDomainTest {
    @AutoClose
    private final MockIdp idp = new MockIdp();
    @RegisterExtension
    final WizardWindow window = new WizardWindow();

    private void fill(FxRobot robot, String id, String text) {
        TextField field = robot.lookup("#" + id).queryAs(TextField.class);
        robot.interact(() -> field.setText(text));
    }

    private void fillWithoutDomain(FxRobot robot) {
        WizardWindow.providerForm(idp.issuer(), "alice").forEach((id, text) -> fill(robot, id, text));
    }

    private void check(FxRobot robot) {
        robot.interact(() -> robot.lookup("#checkButton").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean inViewport(ScrollPane scroll, Node node) {
        Bounds viewport = scroll.localToScene(scroll.getLayoutBounds());
        Bounds shown = node.localToScene(node.getLayoutBounds());
        return shown.getMinY() >= viewport.getMinY() - 1 && shown.getMinY() < viewport.getMaxY();
    }

    @Test
    void theCheckResultIsScrolledIntoViewAndFocused(FxRobot robot) {
        fillWithoutDomain(robot);
        ScrollPane scroll = robot.lookup(".provider-scroll").queryAs(ScrollPane.class);
        robot.interact(() -> scroll.setVvalue(0));
        check(robot);
        Label status = robot.lookup("#checkStatus").queryAs(Label.class);
        assertTrue(status.getText().startsWith("No errors"), status.getText());
        assertEquals(status, window.scene().getFocusOwner(), "the result takes the focus: seen, and read by a screen reader");
        assertTrue(inViewport(scroll, status), "the result is in view");
        assertTrue(inViewport(scroll, robot.lookup("#findings").query()), "and so are the findings");
    }

    @Test
    void thePrincipalDomainIsRequiredAndTheLoginTestOffersTheUsersDomain(FxRobot robot) {
        fillWithoutDomain(robot);
        check(robot);
        Button next = robot.lookup("#nextButton").queryButton();
        assertTrue(next.isDisabled(), "a clean check, but no principal domain");
        Label error = robot.lookup("#principalDomainError").queryAs(Label.class);
        assertTrue(error.isVisible() && error.getText().contains("e.g. example.com"), error.getText());
        Button use = robot.lookup("#useSuggestedDomain").queryButton();
        assertFalse(use.isVisible(), "nothing to offer before a login test");

        ProviderSettings s = window.gui().state().providerProperty().get();
        Map<String, Object> claims = Map.of("sub", "7", "email", "alice@example.com");
        robot.interact(() -> window.gui().state().loginResultProperty().set(new LoginTestResult.Passed(new LoginAttempt(
                Instant.now(), s, s.issuer(), "http://127.0.0.1:1/callback", s.scopes(), 0), claims, Map.of(),
                OpenMetadataPreview.of(s, claims, Map.of()), List.of())));
        assertTrue(use.isVisible());
        assertEquals("Use example.com from alice@example.com", use.getText());
        robot.interact(use::fire);
        assertEquals("example.com", robot.lookup("#principalDomain").queryAs(TextField.class).getText());
        assertEquals("example.com", window.gui().state().providerProperty().get().principalDomain());
        assertFalse(error.isVisible());
        assertFalse(use.isVisible(), "offered only while it differs");
        assertFalse(next.isDisabled(), "the step is complete now");
    }

    @Test
    void aGoToLinkFocusesTheExactFieldNotTheFirst(FxRobot robot) {
        fillWithoutDomain(robot);
        fill(robot, "principalDomain", "example.com");
        check(robot);
        robot.interact(() -> robot.lookup("#nextButton").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("login", window.gui().state() != null ? currentStep(robot) : "", "moved on to the login test");
        // what the Review and Push links send (core.push.WizardLocation): step and field
        robot.interact(() -> window.gui().state().goToStep("provider/adminPrincipals"));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("provider", currentStep(robot));
        Node focused = window.scene().getFocusOwner();
        assertEquals("adminPrincipals", focused == null ? null : focused.getId());
        assertTrue(inViewport(robot.lookup(".provider-scroll").queryAs(ScrollPane.class), focused),
                "scrolled to it");
    }

    private static String currentStep(FxRobot robot) {
        return robot.lookup(".rail-item.current").query().getId().substring("rail-".length());
    }
}
