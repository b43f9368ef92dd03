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
        fillProvider(issuer, secret, "http://localhost:8585");
    }

    /** The same, for the OpenMetadata server at {@code serverUrl} (where the Push step will apply it). */
    public void fillProvider(String issuer, String secret, String serverUrl) {
        fill("providerName", "Local test IdP");
        fill("issuer", issuer);
        @SuppressWarnings("unchecked")
        ComboBox<Object> type = robot.lookup("#clientType").queryAs(ComboBox.class);
        robot.interact(() -> type.setValue(type.getItems().stream()
                .filter(t -> t.toString().toUpperCase().contains("CONFIDENTIAL")).findFirst()
                .orElse(type.getItems().get(1))));
        fill("clientId", "openmetadata");
        fill("clientSecret", secret);
        fill("serverUrl", serverUrl);
        fill("adminPrincipals", "admin");
        fill("principalDomain", "example.com"); // Review refuses an empty one, and Push needs Review ready
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

    /**
     * Runs the login test as an operator without a desktop browser does: Start, then open the shown URL by hand (a
     * scripted browser follows the provider's redirect to the loopback listener); waits for the passed verdict.
     */
    public void passLoginTest() {
        Button start = robot.lookup("#loginStart").queryButton();
        robot.interact(start::fire);
        TextField url = robot.lookup("#loginUrl").queryAs(TextField.class);
        waitFor(30, "the authorization URL", () -> !url.getText().isBlank());
        new dev.ssosetup.testing.TestBrowser().visit(java.net.URI.create(url.getText()));
        waitFor(60, "the login test to pass", () -> !robot.lookup("#nextButton").queryButton().isDisabled());
    }

    /**
     * Generates a key pair in the Keys step, exports it (Next waits until the keys are on disk: the wizard must answer
     * the folder question, {@code CompositionRoot.Gui#keysDialogs}) and waits until Next accepts it.
     */
    public void generateKeys() {
        Button generate = robot.lookup("#keysGenerate").queryButton();
        robot.interact(generate::fire);
        Button export = robot.lookup("#keysExport").queryButton();
        waitFor(120, "the key pair", () -> !export.isDisabled());
        robot.interact(export::fire);
        waitFor(60, "the exported keys", () -> !robot.lookup("#nextButton").queryButton().isDisabled());
    }

    /**
     * In the Push step: connects to the OpenMetadata at {@code serverUrl} with {@code adminToken}, plans (read, diff,
     * validate), types the confirmation phrase when the lock-out guard asks for it, applies and waits for the
     * verified result. Returns the final status line.
     */
    public String pushAndApply(String serverUrl, String adminToken) {
        fill("pushServerUrl", serverUrl);
        javafx.scene.control.PasswordField token = robot.lookup("#pushToken")
                .queryAs(javafx.scene.control.PasswordField.class);
        robot.interact(() -> token.setText(adminToken));
        Button plan = robot.lookup("#pushPlan").queryButton();
        Label status = robot.lookup("#pushStatus").queryAs(Label.class);
        robot.interact(plan::fire);
        waitFor(60, "the plan", () -> status.getText().startsWith("Plan ready")
                || status.getText().startsWith("OpenMetadata refuses"));
        if (!status.getText().startsWith("Plan ready")) {
            throw new AssertionError("no plan: " + status.getText() + " "
                    + robot.lookup("#pushIssues").tryQuery().map(WizardWalk::texts).orElse(java.util.List.of()));
        }
        Node box = robot.lookup("#pushConfirmationBox").query();
        if (box.isVisible()) {
            TextField phrase = robot.lookup("#pushConfirmation").queryAs(TextField.class);
            robot.interact(() -> phrase.setText(dev.ssosetup.core.push.LockoutGuard.CONFIRMATION_PHRASE));
        }
        Button apply = robot.lookup("#pushApply").queryButton();
        waitFor(10, "Apply to be enabled", () -> !apply.isDisabled());
        robot.interact(apply::fire);
        waitFor(60, "the push to end", () -> status.getText().startsWith("Applied"));
        return status.getText();
    }

    /**
     * Presses Next until the step titled {@code title}, doing what each step needs on the way (login test, key
     * generation) and acknowledging placeholder steps.
     */
    public void nextUntil(String title) {
        for (int i = 0; i < 6 && !title.equals(stepTitle()); i++) {
            if (robot.lookup("#nextButton").queryButton().isDisabled()) {
                switch (stepTitle()) {
                    case "Login test" -> passLoginTest();
                    case "Keys" -> generateKeys();
                    default -> { }
                }
            }
            robot.lookup("#placeholderAck").queryAll().stream()
                    .filter(n -> n.getScene() != null && n.isVisible() && n.getParent() != null)
                    .filter(n -> !((javafx.scene.control.CheckBox) n).isSelected())
                    .findFirst().ifPresent(n -> robot.interact(() -> ((javafx.scene.control.CheckBox) n).setSelected(true)));
            Button next = robot.lookup("#nextButton").queryButton();
            waitFor(30, () -> "Next to be enabled on " + stepTitle() + problems(), () -> !next.isDisabled());
            click("#nextButton");
            WaitForAsyncUtils.waitForFxEvents();
        }
        if (!title.equals(stepTitle())) {
            throw new AssertionError("did not reach " + title + "; stuck at " + stepTitle());
        }
    }

    /** Activates a control as the keyboard would (focus, then fire), so that controls scrolled out of sight work. */
    public void click(String query) {
        Node node = robot.lookup(query).query();
        robot.interact(node::requestFocus);
        if (node instanceof javafx.scene.control.ButtonBase b) {
            robot.interact(b::fire);
        } else {
            robot.clickOn(node);
        }
    }

    /** The problems the Review step lists, if it is showing, for a failure message. */
    private String problems() {
        return robot.lookup("#reviewProblems").tryQuery().map(n -> ": " + texts(n)).orElse("");
    }

    private static java.util.List<String> texts(Node node) {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (node instanceof javafx.scene.control.Labeled l && !l.getText().isBlank()) {
            out.add(l.getText());
        }
        if (node instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> out.addAll(texts(c)));
        }
        return out;
    }

    public static void waitFor(int seconds, java.util.function.Supplier<String> what, BooleanSupplier condition) {
        try {
            waitFor(seconds, "", condition);
        } catch (AssertionError e) {
            throw new AssertionError("waited " + seconds + " s for " + what.get());
        }
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
