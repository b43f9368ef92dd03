package dev.ssosetup.app;

import dev.ssosetup.core.provider.MockIdp;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.testsupport.EnglishLeft;
import dev.ssosetup.testsupport.SceneText;
import dev.ssosetup.ui.wizard.FinishPageAccess;
import dev.ssosetup.ui.wizard.FinishSummary;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real wizard (composition root, FXML, CSS) in German (issue 13): for each step, every text the step and the
 * wizard's frame show (labels, buttons, tooltips, prompt texts, choices, tabs, columns, menus, accessible texts) is
 * German, i.e. none is the English text of a key whose German differs, and the step's own German text is there.
 */
@ExtendWith(ApplicationExtension.class)
class GermanUiTest {
    private final Messages german = Messages.forLocale(Locale.GERMAN);
    private final EnglishLeft english = new EnglishLeft(german);
    @RegisterExtension
    final WizardWindow window = WizardWindow.of(() -> new CompositionRoot.Gui(new CompositionRoot.Services(), german,
            url -> { }));

    /** The step views hang in the wizard's step area; the others are built shortly after the window is up. */
    private Parent stepContent() {
        return (Parent) window.root().lookup("#stepContent");
    }

    private Node stepView(String anyIdInIt) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.root().lookup("#" + anyIdInIt) != null);
        Node n = window.root().lookup("#" + anyIdInIt);
        while (n.getParent() != stepContent()) {
            n = n.getParent();
        }
        return n;
    }

    /** The texts of {@code view} and of the wizard's frame around it (not the other steps' hidden views). */
    private List<SceneText.Shown> shown(Node view) {
        WaitForAsyncUtils.waitForFxEvents();
        return SceneText.of(window.root(), n -> n.getParent() == stepContent() && n != view);
    }

    private static void assertShows(List<SceneText.Shown> texts, String text) {
        assertTrue(texts.stream().anyMatch(s -> s.text().equals(text)), "shows \"" + text + "\"");
    }

    private void assertGerman(List<SceneText.Shown> texts) {
        assertTrue(texts.size() > 20, "the walk found the texts: " + texts.size());
        assertEquals(List.of(), english.in(texts));
    }

    /** The step view holding {@code anyIdInIt} shows each of {@code texts} and, with the frame, only German. */
    private Node assertStepInGerman(String anyIdInIt, String... texts) throws Exception {
        Node view = stepView(anyIdInIt);
        List<SceneText.Shown> shown = shown(view);
        for (String text : texts) {
            assertShows(shown, text);
        }
        assertGerman(shown);
        return view;
    }

    @Test
    void providerStep(FxRobot robot) throws Exception {
        Node view = assertStepInGerman("issuer", german.get("provider.intro"), german.get("wizard.stepOf", 1, 5),
                german.get("provider.check.never"));
        // a field's error and a preset's note, as the operator makes them appear
        TextField issuer = robot.lookup("#issuer").queryAs(TextField.class);
        robot.interact(() -> issuer.setText("not a url"));
        ComboBox<?> preset = robot.lookup("#preset").queryAs(ComboBox.class);
        robot.interact(() -> preset.getSelectionModel().select(1));
        assertGerman(shown(view));
        assertNotEquals(Messages.forLocale(Locale.ENGLISH).get("provider.intro"), german.get("provider.intro"));
    }

    @Test
    void providerCheckFindingsInGerman(FxRobot robot) throws Exception {
        Node view = stepView("issuer");
        try (MockIdp idp = new MockIdp()) {
            WizardWindow.providerForm(idp.issuer() + "/", "admin").forEach((id, text) -> {
                TextField f = robot.lookup("#" + id).queryAs(TextField.class);
                robot.interact(() -> f.setText(text));
            });
            robot.interact(() -> robot.lookup("#checkButton").queryButton().fire());
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup("#findings")
                    .queryAs(javafx.scene.layout.VBox.class).getChildren().isEmpty());
            List<SceneText.Shown> texts = shown(view);
            // the trailing slash makes an issuer mismatch (an error), the mock's plain http a warning
            assertShows(texts, german.get("provider.check.errors", 1, 1));
            assertGerman(texts);
            // "Warnung" is wider than "Warning": the severity column takes its widest word, never cut, one edge
            List<double[]> severities = WaitForAsyncUtils.asyncFx(() -> window.root().lookupAll(".finding-severity").stream()
                    .map(n -> (javafx.scene.control.Label) n)
                    .map(l -> new double[] {l.minWidth(-1), l.prefWidth(-1), l.getWidth()}).toList()).get();
            assertTrue(severities.size() >= 2, "an error and a warning: " + severities.size());
            for (double[] s : severities) {
                assertTrue(s[0] + 0.5 >= s[1], "a severity label can shrink below its text: min " + s[0]
                        + " < pref " + s[1]);
                assertEquals(severities.get(0)[2], s[2], 0.5, "the severity labels form one column");
            }
        }
    }

    @Test
    void loginTestStep() throws Exception {
        assertStepInGerman("loginPorts", german.get("login.intro"), german.get("login.verdict.none"),
                german.get("login.options.ports.prompt"));
    }

    @Test
    void keysStep(FxRobot robot) throws Exception {
        Node view = assertStepInGerman("keysGenerate", german.get("keys.intro"), german.get("keys.source.none"));
        // a generated key pair brings the fingerprint, the self-test's verdict and the status
        Button generate = robot.lookup("#keysGenerate").queryButton();
        robot.interact(generate::fire);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> !robot.lookup("#keysFingerprint").queryLabeled().getText().isBlank());
        List<SceneText.Shown> texts = shown(view);
        String kid = robot.lookup("#keysKeyId").queryAs(TextField.class).getText();
        assertShows(texts, german.get("keys.selftest.passed", kid));
        assertGerman(texts);
    }

    @Test
    void reviewStep() throws Exception {
        assertStepInGerman("reviewReadiness", german.get("review.tab.summary"), german.get("review.includeSecret"));
    }

    @Test
    void pushStep(FxRobot robot) throws Exception {
        Node view = assertStepInGerman("pushServerUrl", german.get("push.intro"), german.get("push.diff.empty"),
                german.get("push.recovery", german.get("push.recovery.steps",
                        dev.ssosetup.core.push.Backup.RECOVERY_COMMAND)));
        // Plan without a token: the field errors and the status speak German too
        robot.interact(() -> robot.lookup("#pushPlan").queryButton().fire());
        assertGerman(shown(view));
    }

    @Test
    void finishPage() {
        FinishSummary summary = new FinishSummary(List.of(
                Map.entry(german.get("finish.row.provider"), "Keycloak"),
                Map.entry(german.get("finish.row.issuer"), "https://idp.example.com/realms/main"),
                Map.entry(german.get("finish.row.clientId"), "openmetadata"),
                Map.entry(german.get("finish.row.server"), "https://openmetadata.example.com"),
                Map.entry(german.get("finish.row.admins"), "admin"),
                Map.entry(german.get("finish.row.domain"), "example.com")), "", List.of());
        List<SceneText.Shown> texts = SceneText.of(FinishPageAccess.build(summary, german));
        assertShows(texts, german.get("finish.intro"));
        assertShows(texts, german.get("finish.backup.none"));
        assertShows(texts, german.get("finish.checklist.default"));
        assertTrue(texts.size() > 10, "the walk found the texts");
        assertEquals(List.of(), english.in(texts));
        // and the English page would be caught
        List<SceneText.Shown> englishPage = SceneText.of(FinishPageAccess.build(summary,
                Messages.forLocale(Locale.ENGLISH)));
        assertTrue(english.in(englishPage).size() >= 3, "the check finds English: " + english.in(englishPage));
    }
}
