package dev.ssosetup.app;

import dev.ssosetup.core.provider.MockIdp;
import dev.ssosetup.core.provider.Preset;
import dev.ssosetup.core.provider.ResponseType;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import dev.ssosetup.testsupport.Screenshots;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Provider step inside the real wizard (composition root, FXML, CSS), with a real mock-oauth2-server: fill the
 * form, check the provider, see the findings and Next's validity follow.
 */
@ExtendWith(ApplicationExtension.class)
class ProviderStepTest {
    @AutoClose
    private final MockIdp idp = new MockIdp();
    @RegisterExtension
    final WizardWindow window = new WizardWindow();

    private void fill(FxRobot robot, String id, String text) {
        TextField field = robot.lookup("#" + id).queryAs(TextField.class);
        robot.interact(field::requestFocus); // the view scrolls the focused field into sight
        robot.interact(field::end);
        robot.write(text);
    }

    private static void click(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        robot.interact(node::requestFocus);
        robot.clickOn(node);
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private void fillValidForm(FxRobot robot) {
        WizardWindow.providerForm(idp.issuer(), "admin").forEach((id, text) -> fill(robot, id, text));
        fill(robot, "principalDomain", "example.com"); // required (issue 16)
    }

    @Test
    void fillCheckSeeFindingsAndNextFollows(FxRobot robot) {
        Button next = robot.lookup("#nextButton").queryButton();
        assertTrue(next.isDisabled(), "an empty form cannot go on");
        fillValidForm(robot);
        assertEquals("http://localhost:8585/callback", robot.lookup("#callbackUrl").queryAs(TextField.class).getText());
        assertTrue(next.isDisabled(), "a valid form still needs a check");

        click(robot, "#checkButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(findingTexts(robot).stream().anyMatch(t -> t.contains("insecure-endpoint")),
                () -> robot.lookup("#checkStatus").queryAs(Label.class).getText() + findingTexts(robot));
        assertTrue(robot.lookup("#checkStatus").queryAs(Label.class).getText().startsWith("No errors"));
        assertFalse(next.isDisabled(), "valid form and a clean check");
        assertNotNull(window.gui().state().discoveryReportProperty().get());
        assertEquals(idp.issuer() + "/jwks", window.gui().state().discoveryReportProperty().get().jwksUri().orElseThrow());
        assertEquals(idp.issuer(), window.gui().state().providerProperty().get().issuer());
        snapshot("provider-view.png");

        fill(robot, "issuer", "/");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(next.isDisabled(), "the check was for another issuer");
        assertTrue(robot.lookup("#checkStatus").queryAs(Label.class).getText().contains("check again"));
        click(robot, "#checkButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(findingTexts(robot).stream().anyMatch(t -> t.contains("issuer-mismatch")));
        assertTrue(next.isDisabled(), "an error finding blocks Next");
        snapshot("provider-view-errors.png");
    }

    @Test
    void aWrongFieldIsMarkedWhereItIsWithTheFix(FxRobot robot) {
        fill(robot, "issuer", "idp.example.com");
        Label error = robot.lookup("#issuerError").queryAs(Label.class);
        assertTrue(error.isVisible());
        assertTrue(error.getText().contains("https://"), error.getText());
        assertTrue(robot.lookup("#issuer").query().getStyleClass().contains("invalid"));
        assertFalse(robot.lookup("#clientIdError").queryAs(Label.class).isVisible(), "untouched fields stay quiet");
        click(robot, "#checkButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#clientIdError").queryAs(Label.class).isVisible(), "a check shows every error");
        robot.interact(() -> robot.lookup("#issuer").query().requestFocus());
        snapshot("provider-view-field-errors.png");
        robot.interact(() -> robot.lookup("#issuer").queryAs(TextField.class).setText("https://idp.example.com"));
        assertFalse(error.isVisible());
        assertFalse(robot.lookup("#issuer").query().getStyleClass().contains("invalid"));
    }

    @Test
    void presetsFillWhatTheyKnowAndAPlaceholderIsAnError(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<Preset> preset = robot.lookup("#preset").queryAs(ComboBox.class);
        robot.interact(() -> preset.setValue(Preset.ENTRA_ID));
        TextField issuer = robot.lookup("#issuer").queryAs(TextField.class);
        assertEquals("https://login.microsoftonline.com/{tenant}/v2.0", issuer.getText());
        assertEquals("Microsoft", robot.lookup("#providerName").queryAs(TextField.class).getText());
        assertTrue(shown(robot.lookup("#tenant").query()));
        fill(robot, "tenant", "contoso.onmicrosoft.com");
        assertEquals("https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0", issuer.getText());
        robot.interact(() -> robot.lookup("#preset").query().requestFocus());
        snapshot("provider-view-entra.png");

        robot.interact(() -> preset.setValue(Preset.OKTA));
        assertEquals("https://DOMAIN/oauth2/default", issuer.getText());
        assertFalse(shown(robot.lookup("#tenant").query()));
        assertTrue(robot.lookup("#presetNote").queryAs(Label.class).getText().contains("redirect"));
        click(robot, "#checkButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(findingTexts(robot).stream().anyMatch(t -> t.contains("placeholder")));
        assertTrue(robot.lookup("#issuerError").queryAs(Label.class).getText().contains("DOMAIN"));
    }

    @Test
    void tabReachesEveryFieldInOrder(FxRobot robot) {
        fill(robot, "serverUrl", "https://om.example.com");
        fill(robot, "issuer", "https://idp.example.com"); // enables Check provider
        robot.interact(() -> robot.lookup("#preset").query().requestFocus());
        java.util.List<String> visited = new java.util.ArrayList<>();
        for (int i = 0; i < 40 && !visited.contains("checkButton"); i++) {
            robot.type(javafx.scene.input.KeyCode.TAB);
            Node owner = window.scene().getFocusOwner();
            visited.add(owner.getId() == null ? owner.getClass().getSimpleName() : owner.getId());
        }
        assertTrue(visited.containsAll(List.of("providerName", "issuer", "discoveryUrl", "caFile", "caFileBrowse",
                "clientType", "responseType", "clientId", "scopes", "tokenValidationAlgorithm", "serverUrl", "callbackUrl",
                "copyCallback", "adminPrincipals", "principalClaims", "principalClaimsMapping", "principalDomain",
                "enforcePrincipalDomain", "allowedRegistrationDomains", "selfSignup", "checkButton")),
                visited::toString);
        assertTrue(visited.indexOf("issuer") < visited.indexOf("clientId")
                && visited.indexOf("clientId") < visited.indexOf("serverUrl"), visited::toString);
    }

    @Test
    void checkBoxesShowTheirTextInADarkColour(FxRobot robot) {
        javafx.scene.control.CheckBox box = robot.lookup("#selfSignup").queryAs(javafx.scene.control.CheckBox.class);
        assertEquals("Allow self-signup", box.getText().replace("_", "")); // "_" marks its mnemonic
        javafx.scene.text.Text text = (javafx.scene.text.Text) box.lookup(".text");
        assertNotNull(text);
        assertEquals("Allow self-signup", text.getText(), () -> "shown: " + text.getText() + " w=" + box.getWidth());
        assertEquals(javafx.scene.paint.Color.WHITE.equals(text.getFill()), false, "dark text on the white section");
    }

    @Test
    void theSecretIsMaskedUntilRevealedAndOnlyForConfidentialClients(FxRobot robot) {
        assertFalse(shown(robot.lookup("#clientSecret").query()), "a public client has no secret");
        @SuppressWarnings("unchecked")
        ComboBox<Object> type = robot.lookup("#clientType").queryAs(ComboBox.class);
        robot.interact(() -> type.setValue(type.getItems().get(1)));
        PasswordField masked = robot.lookup("#clientSecret").queryAs(PasswordField.class);
        assertTrue(shown(masked));
        robot.interact(masked::requestFocus);
        robot.write("s3cret");
        assertFalse(shown(robot.lookup("#clientSecretPlain").query()));
        click(robot, "#revealSecret");
        assertTrue(shown(robot.lookup("#clientSecretPlain").query()));
        assertEquals("s3cret", robot.lookup("#clientSecretPlain").queryAs(TextField.class).getText());
        assertEquals("s3cret", window.gui().state().providerProperty().get().clientSecret().reveal());
        assertFalse(window.gui().state().providerProperty().get().toString().contains("s3cret"));
    }

    @Test
    void aPublicClientChoosesItsFlowAndTheCheckFollowsIt(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<Object> type = robot.lookup("#clientType").queryAs(ComboBox.class);
        @SuppressWarnings("unchecked")
        ComboBox<ResponseType> flow = robot.lookup("#responseType").queryAs(ComboBox.class);
        assertTrue(shown(flow), "a public client chooses its flow");
        assertEquals(ResponseType.ID_TOKEN, flow.getValue(), "OpenMetadata's default, as its setup page asks");
        assertEquals("Implicit (id_token)", flow.getConverter().toString(ResponseType.ID_TOKEN));
        assertEquals("Authorization code with PKCE", flow.getConverter().toString(ResponseType.CODE));
        assertEquals("Public (browser app, no secret)", type.getConverter().toString(type.getItems().get(0)));
        assertFalse(type.getConverter().toString(type.getItems().get(0)).contains("PKCE"));

        try (dev.ssosetup.core.provider.CraftedProvider codeOnly = new dev.ssosetup.core.provider.CraftedProvider()) {
            codeOnly.doc.put("response_types_supported", List.of("code"));
            fill(robot, "providerName", "Code only");
            fill(robot, "issuer", codeOnly.issuer());
            fill(robot, "clientId", "openmetadata");
            fill(robot, "serverUrl", "http://localhost:8585");
            fill(robot, "adminPrincipals", "admin");
            fill(robot, "principalDomain", "example.com");
            click(robot, "#checkButton");
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(findingTexts(robot).stream().anyMatch(t -> t.contains("no-implicit-flow")),
                    () -> findingTexts(robot).toString());
            Button next = robot.lookup("#nextButton").queryButton();
            assertTrue(next.isDisabled(), "an implicit client cannot go on with a code-only provider");

            robot.interact(() -> flow.setValue(ResponseType.CODE));
            assertEquals(ResponseType.CODE, window.gui().state().providerProperty().get().effectiveResponseType());
            assertEquals("code", window.gui().state().configuration().responseType(), "the outputs follow the choice");
            assertTrue(robot.lookup("#checkStatus").queryAs(Label.class).getText().contains("check again"));
            click(robot, "#checkButton");
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(findingTexts(robot).stream().noneMatch(t -> t.contains("no-implicit-flow")));
            assertFalse(next.isDisabled(), "the code flow is offered");
        }

        robot.interact(() -> type.setValue(type.getItems().get(1)));
        assertFalse(shown(flow), "a confidential client always uses the code flow");
        assertEquals(ResponseType.CODE, window.gui().state().providerProperty().get().effectiveResponseType());
    }

    private static List<String> findingTexts(FxRobot robot) {
        VBox box = robot.lookup("#findings").queryAs(VBox.class);
        return box.getChildren().stream().map(ProviderStepTest::allText).toList();
    }

    private static String allText(Node n) {
        StringBuilder b = new StringBuilder();
        if (n instanceof Label l) {
            b.append(l.getText()).append(' ');
        }
        if (n instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> b.append(allText(c)));
        }
        return b.toString();
    }

    private void snapshot(String name) {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] img = new WritableImage[1];
        WaitForAsyncUtils.asyncFx(() -> img[0] = window.scene().snapshot(null));
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(img[0], java.nio.file.Path.of("target", name));
    }
}
