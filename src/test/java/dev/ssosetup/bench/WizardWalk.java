package dev.ssosetup.bench;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Walks the real wizard as an operator does (typing, clicking, waiting for background work that runs on the app's
 * own runner), for the canary test, the UI stall benchmark and the memory figure. Steps that are still placeholders
 * are acknowledged and passed.
 */
public final class WizardWalk {
    private final FxRobot robot;

    public WizardWalk(FxRobot robot) {
        this.robot = robot;
    }

    public void fill(String id, String text) {
        TextField field = robot.lookup("#" + id).queryAs(TextField.class);
        robot.interact(field::requestFocus);
        robot.interact(() -> field.setText(""));
        robot.write(text);
    }

    /** A confidential client of the provider at {@code issuer}, with {@code secret} typed in. */
    public void fillProvider(String issuer, String secret) {
        fill("providerName", "Local test IdP");
        fill("issuer", issuer);
        @SuppressWarnings("unchecked")
        ComboBox<Object> type = robot.lookup("#clientType").queryAs(ComboBox.class);
        robot.interact(() -> type.setValue(type.getItems().stream()
                .filter(t -> t.toString().toUpperCase().contains("CONFIDENTIAL")).findFirst()
                .orElse(type.getItems().get(1))));
        fill("clientId", "openmetadata");
        fill("clientSecret", secret);
        fill("serverUrl", "http://localhost:8585");
        fill("adminPrincipals", "admin");
    }

    /** Clicks "Check provider" and waits until the check has ended and Next follows it. */
    public void checkProvider() {
        Button check = robot.lookup("#checkButton").queryButton();
        robot.interact(check::fire); // no pointer travel: only the app's own work lands on the FX thread
        waitFor(60, "the provider check to end", () -> !robot.lookup("#nextButton").queryButton().isDisabled());
    }

    public String stepTitle() {
        return robot.lookup(".step-title").queryAs(Label.class).getText();
    }

    /** Presses Next until the step titled {@code title}, acknowledging placeholder steps on the way. */
    public void nextUntil(String title) {
        for (int i = 0; i < 6 && !title.equals(stepTitle()); i++) {
            robot.lookup("#placeholderAck").queryAll().stream()
                    .filter(n -> n.getScene() != null && n.isVisible() && n.getParent() != null)
                    .filter(n -> !((javafx.scene.control.CheckBox) n).isSelected())
                    .findFirst().ifPresent(n -> robot.interact(() -> ((javafx.scene.control.CheckBox) n).setSelected(true)));
            Button next = robot.lookup("#nextButton").queryButton();
            waitFor(30, "Next to be enabled on " + stepTitle(), () -> !next.isDisabled());
            click("#nextButton");
            WaitForAsyncUtils.waitForFxEvents();
        }
        if (!title.equals(stepTitle())) {
            throw new AssertionError("did not reach " + title + "; stuck at " + stepTitle());
        }
    }

    public void click(String query) {
        Node node = robot.lookup(query).query();
        robot.interact(node::requestFocus);
        robot.clickOn(node);
    }

    public static void waitFor(int seconds, String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
                java.util.concurrent.atomic.AtomicBoolean ok = new java.util.concurrent.atomic.AtomicBoolean();
                WaitForAsyncUtils.asyncFx(() -> ok.set(condition.getAsBoolean())).get();
                return ok.get();
            });
        } catch (TimeoutException e) {
            throw new AssertionError("waited " + seconds + " s for " + what);
        }
    }
}
