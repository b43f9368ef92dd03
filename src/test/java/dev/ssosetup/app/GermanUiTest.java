package dev.ssosetup.app;

import dev.ssosetup.core.provider.MockIdp;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.testsupport.EnglishLeft;
import dev.ssosetup.testsupport.SceneText;
import dev.ssosetup.ui.task.InlineBackgroundRunner;
import dev.ssosetup.ui.wizard.FinishPageAccess;
import dev.ssosetup.ui.wizard.FinishSummary;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
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
    private CompositionRoot.Gui gui;
    private Parent root;

    @Start
    void start(Stage stage) {
        gui = new CompositionRoot.Gui(new CompositionRoot.Services(), german, url -> { });
        root = gui.wizardView(new InlineBackgroundRunner());
        stage.setScene(new Scene(root, 1100, 760));
        stage.show();
    }

    @AfterEach
    void stop() {
        gui.close();
    }

    /** The step views hang in the wizard's step area; the others are built shortly after the window is up. */
    private Parent stepContent() {
        return (Parent) root.lookup("#stepContent");
    }

    private Node stepView(String anyIdInIt) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> root.lookup("#" + anyIdInIt) != null);
        Node n = root.lookup("#" + anyIdInIt);
        while (n.getParent() != stepContent()) {
            n = n.getParent();
        }
        return n;
    }

    /** The texts of {@code view} and of the wizard's frame around it (not the other steps' hidden views). */
    private List<SceneText.Shown> shown(Node view) {
        WaitForAsyncUtils.waitForFxEvents();
        return SceneText.of(root, n -> n.getParent() == stepContent() && n != view);
    }

    private static void assertShows(List<SceneText.Shown> texts, String text) {
        assertTrue(texts.stream().anyMatch(s -> s.text().equals(text)), "shows \"" + text + "\"");
    }

    private void assertGerman(List<SceneText.Shown> texts) {
        assertTrue(texts.size() > 20, "the walk found the texts: " + texts.size());
        assertEquals(List.of(), english.in(texts));
    }

    @Test
    void providerStep(FxRobot robot) throws Exception {
        Node view = stepView("issuer");
        assertShows(shown(view), german.get("provider.intro"));
        assertShows(shown(view), german.get("wizard.stepOf", 1, 5));
        assertShows(shown(view), german.get("provider.check.never"));
        assertGerman(shown(view));
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
            for (String[] field : new String[][] {{"providerName", "Test IdP"}, {"issuer", idp.issuer() + "/"},
                    {"clientId", "openmetadata"}, {"serverUrl", "http://localhost:8585"}, {"adminPrincipals", "admin"}}) {
                TextField f = robot.lookup("#" + field[0]).queryAs(TextField.class);
                robot.interact(() -> f.setText(field[1]));
            }
            robot.interact(() -> robot.lookup("#checkButton").queryButton().fire());
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup("#findings")
                    .queryAs(javafx.scene.layout.VBox.class).getChildren().isEmpty());
            List<SceneText.Shown> texts = shown(view);
            // the trailing slash makes an issuer mismatch (an error), the mock's plain http a warning
            assertShows(texts, german.get("provider.check.errors", 1, 1));
            assertGerman(texts);
            // "Warnung" is wider than "Warning": the severity column takes its widest word, never cut, one edge
            List<double[]> severities = WaitForAsyncUtils.asyncFx(() -> root.lookupAll(".finding-severity").stream()
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
        Node view = stepView("loginPorts");
        List<SceneText.Shown> texts = shown(view);
        assertShows(texts, german.get("login.intro"));
        assertShows(texts, german.get("login.verdict.none"));
        assertShows(texts, german.get("login.options.ports.prompt"));
        assertGerman(texts);
    }

    @Test
    void keysStep(FxRobot robot) throws Exception {
        Node view = stepView("keysGenerate");
        assertShows(shown(view), german.get("keys.intro"));
        assertShows(shown(view), german.get("keys.source.none"));
        assertGerman(shown(view));
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
        Node view = stepView("reviewReadiness");
        List<SceneText.Shown> texts = shown(view);
        assertShows(texts, german.get("review.tab.summary"));
        assertShows(texts, german.get("review.includeSecret"));
        assertGerman(texts);
    }

    @Test
    void pushStep(FxRobot robot) throws Exception {
        Node view = stepView("pushServerUrl");
        assertShows(shown(view), german.get("push.intro"));
        assertShows(shown(view), german.get("push.diff.empty"));
        assertShows(shown(view), german.get("push.recovery", german.get("push.recovery.steps",
                dev.ssosetup.core.push.Backup.RECOVERY_COMMAND)));
        assertGerman(shown(view));
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
