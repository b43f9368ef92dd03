package dev.ssosetup.ui.push;

import dev.ssosetup.infra.push.FileBackupStore;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssosetup.core.push.LockoutEvidence;
import dev.ssosetup.core.push.LockoutGuard;
import dev.ssosetup.testserver.OpenMetadataTestServer;
import dev.ssosetup.core.text.Messages;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import dev.ssosetup.testsupport.Screenshots;
import org.junit.jupiter.api.extension.ExtendWith;
import dev.ssosetup.testserver.PushServers;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static dev.ssosetup.testserver.PushFixture.ADMIN_TOKEN;
import static dev.ssosetup.testserver.PushFixture.BOT_TOKEN;
import static dev.ssosetup.testserver.PushFixture.CLIENT_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Push step's real view (FXML, CSS, controller) against the OpenMetadata test server, driven by TestFX. */
@ExtendWith(ApplicationExtension.class)
class PushStepTest {
    @RegisterExtension
    static final PushServers fx = new PushServers();
    private final AtomicReference<ObjectNode> body = new AtomicReference<>();
    private final SimpleObjectProperty<LockoutEvidence> evidence = new SimpleObjectProperty<>(LockoutEvidence.none());
    private final List<String> navigatedTo = new ArrayList<>();
    private PushViewModel viewModel;
    private Parent view;

    @Start
    void start(Stage stage) {
        body.set(fx.confidentialBody());
        Messages messages = Messages.load();
        viewModel = PushStepRig.viewModel(fx.backups(), PushStepRig.desired(body::get), evidence, navigatedTo::add,
                messages);
        view = PushStepRig.view(viewModel, messages);
        Scene scene = new Scene(view, 1000, 760);
        scene.getStylesheets().add(PushStepTest.class.getResource("/dev/ssosetup/ui/wizard/wizard.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private void connect(FxRobot robot, String token) {
        PushStepRig.connect(robot, fx.om.baseUrl(), token);
    }

    private void click(FxRobot robot, String id) {
        Button b = robot.lookup(id).queryButton();
        robot.interact(b::fire);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String status(FxRobot robot) {
        return robot.lookup("#pushStatus").queryAs(Label.class).getText();
    }

    private static List<String> lines(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(VBox.class).getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }

    @Test
    void plansShowsTheDiffGuardsAppliesAndVerifies(FxRobot robot) throws IOException {
        connect(robot, ADMIN_TOKEN);
        Button apply = robot.lookup("#pushApply").queryButton();
        assertTrue(apply.isDisabled(), "no Apply before a plan");
        click(robot, "#pushPlan");
        assertTrue(status(robot).startsWith("Plan ready"), status(robot));
        assertEquals(4, lines(robot, "#pushPlanSteps").size(), lines(robot, "#pushPlanSteps")::toString);
        TableView<?> diff = robot.lookup("#pushDiff").queryAs(TableView.class);
        assertTrue(diff.getItems().size() > 5);
        // issue 16: the selected change shows in full below the diff, and Ctrl+C copies it
        robot.interact(() -> diff.getSelectionModel().select(0));
        var dr = (dev.ssosetup.core.push.DiffEntry) diff.getItems().getFirst();
        String detail = robot.lookup("#pushDiffDetail").queryAs(Label.class).getText();
        assertTrue(detail.contains(dr.path()) && detail.contains(dr.ours()), detail);
        robot.interact(() -> javafx.scene.input.Clipboard.getSystemClipboard().clear());
        robot.interact(diff::requestFocus);
        robot.press(javafx.scene.input.KeyCode.CONTROL).press(javafx.scene.input.KeyCode.C)
                .release(javafx.scene.input.KeyCode.C).release(javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        String[] copiedRows = new String[1];
        robot.interact(() -> copiedRows[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
        String copiedRow = copiedRows[0];
        assertTrue(copiedRow != null && copiedRow.contains(dr.path() + "\t"), String.valueOf(copiedRow));
        assertTrue(apply.isDisabled(), "the guard holds Apply back without evidence or the typed phrase");
        assertTrue(robot.lookup("#pushConfirmationBox").query().isVisible());

        robot.interact(() -> robot.lookup("#pushConfirmation").queryAs(TextField.class).setText("I accept"));
        assertTrue(apply.isDisabled());
        robot.interact(() -> robot.lookup("#pushConfirmation").queryAs(TextField.class)
                .setText(LockoutGuard.CONFIRMATION_PHRASE));
        assertFalse(apply.isDisabled());
        snapshot(robot, "push-step-planned.png");

        assertTrue(lines(robot, "#pushPlanSteps").stream().anyMatch(l -> l.contains("provider basic")),
                lines(robot, "#pushPlanSteps")::toString);
        click(robot, "#pushApply");
        assertTrue(status(robot).startsWith("Applied and verified"), status(robot));
        // issue 16: the plan is read again after the push: it shows the server as it is now, not as it was
        List<String> reread = lines(robot, "#pushPlanSteps");
        assertTrue(reread.stream().noneMatch(l -> l.contains("provider basic")), reread::toString);
        assertTrue(reread.stream().anyMatch(l -> l.contains("provider custom-oidc")), reread::toString);
        assertTrue(diff.getItems().stream().map(e -> (dev.ssosetup.core.push.DiffEntry) e).allMatch(e ->
                e.path().endsWith(".secret")), () -> "only the masked secret: " + diff.getItems());
        assertTrue(status(robot).contains("the server holds this configuration"), status(robot));
        List<String> checks = lines(robot, "#pushApplySteps");
        assertTrue(checks.stream().anyMatch(l -> l.startsWith("\u2713  Verify: public keys")), checks::toString);
        assertTrue(checks.stream().filter(l -> l.startsWith("\u2713")).count() >= 6, checks::toString);
        assertTrue(robot.lookup("#pushBackupFile").queryAs(Label.class).getText().contains(fx.backups().toString()));
        assertTrue(viewModel.validProperty().get(), "the step is complete once applied and verified");
        assertTrue(apply.isDisabled(), "no second apply of the same plan");
        assertEquals(CLIENT_SECRET, fx.om.stored().at("/authenticationConfiguration/oidcConfiguration/secret").asText());
        snapshot(robot, "push-step-applied.png");
        assertNoSecretOnScreen(robot);
    }

    @Test
    void validationErrorsLinkToTheirWizardStep(FxRobot robot) {
        ((ObjectNode) body.get().path("authenticationConfiguration")).put("clientId", "");
        connect(robot, ADMIN_TOKEN);
        click(robot, "#pushPlan");
        assertTrue(status(robot).contains("refuses"), status(robot));
        Hyperlink link = robot.lookup(".push-go-to").queryAs(Hyperlink.class);
        assertEquals("Go to Provider: clientId", link.getText());
        robot.interact(link::fire);
        assertEquals(List.of("provider/clientId"), navigatedTo, "the exact field, not only the step (issue 16)");
        assertTrue(robot.lookup("#pushApply").queryButton().isDisabled());
        snapshot(robot, "push-step-invalid.png");
    }

    @Test
    void loginEvidenceReplacesTheTypedConfirmation(FxRobot robot) {
        robot.interact(() -> evidence.set(new LockoutEvidence(true, true, "admin")));
        connect(robot, ADMIN_TOKEN);
        click(robot, "#pushPlan");
        assertFalse(robot.lookup("#pushConfirmationBox").query().isVisible());
        assertTrue(robot.lookup("#pushGuardText").queryAs(Label.class).getText().contains("signed in as admin"));
        assertFalse(robot.lookup("#pushApply").queryButton().isDisabled(), () -> status(robot) + " "
                + lines(robot, "#pushPlanSteps"));
    }

    @Test
    void aMissingTokenIsFlaggedAndABotTokenExplained(FxRobot robot) {
        robot.interact(() -> robot.lookup("#pushServerUrl").queryAs(TextField.class).setText(fx.om.baseUrl()));
        click(robot, "#pushPlan");
        Label tokenError = robot.lookup("#pushTokenError").queryAs(Label.class);
        assertTrue(tokenError.isVisible() && tokenError.getText().contains("admin"));
        assertTrue(robot.lookup("#pushToken").query().getStyleClass().contains("invalid"));
        connect(robot, BOT_TOKEN);
        click(robot, "#pushPlan");
        assertTrue(status(robot).contains("Bot tokens are never admins"), status(robot));
        assertEquals(0, fx.om.count("PUT " + OpenMetadataTestServer.CONFIG));
    }

    @Test
    void aCaBundleThatCannotBeUsedIsNamedAndNothingIsSent(FxRobot robot) throws IOException {
        connect(robot, ADMIN_TOKEN);
        int gets = fx.om.count("GET " + OpenMetadataTestServer.CONFIG);
        String missing = "/nonexistent/om-ca.pem";
        robot.interact(() -> robot.lookup("#pushCaFile").queryAs(TextField.class).setText(missing));
        click(robot, "#pushPlan");
        assertEquals("Cannot read the CA bundle " + missing
                + " (no such file or folder): check the path and that you may read the file", status(robot));
        Path junk = Files.writeString(Files.createTempFile("junk", ".pem"), "not a certificate");
        robot.interact(() -> robot.lookup("#pushCaFile").queryAs(TextField.class).setText(junk.toString()));
        click(robot, "#pushPlan");
        assertTrue(status(robot).startsWith("CA bundle: ") && status(robot).contains("BEGIN CERTIFICATE"),
                status(robot));
        assertEquals(gets, fx.om.count("GET " + OpenMetadataTestServer.CONFIG), "nothing reached the server");
        assertTrue(robot.lookup("#pushApply").queryButton().isDisabled());
    }

    @Test
    void withoutARenderedConfigurationItSaysWhereToGetOne(FxRobot robot) {
        body.set(null);
        connect(robot, ADMIN_TOKEN);
        click(robot, "#pushPlan");
        assertTrue(status(robot).contains("Render the configuration in the Review step first"), status(robot));
    }

    @Test
    void restorePutsTheBackupBack(FxRobot robot) {
        connect(robot, ADMIN_TOKEN);
        robot.interact(() -> evidence.set(new LockoutEvidence(true, true, "admin")));
        click(robot, "#pushPlan");
        click(robot, "#pushApply");
        assertEquals("custom-oidc", fx.om.stored().at("/authenticationConfiguration/provider").asText());
        assertFalse(robot.lookup("#pushRestoreFile").queryAs(TextField.class).getText().isEmpty(),
                "the backup just written is offered for restore");
        Button confirm = robot.lookup("#pushRestoreConfirm").queryButton();
        assertTrue(confirm.isDisabled(), "nothing to confirm before a check");
        int puts = fx.om.count("PUT " + OpenMetadataTestServer.CONFIG);
        click(robot, "#pushRestore");
        assertTrue(status(robot).startsWith("Restore checked"), status(robot));
        assertEquals(puts, fx.om.count("PUT " + OpenMetadataTestServer.CONFIG), "checking changes nothing");
        assertEquals("custom-oidc", fx.om.stored().at("/authenticationConfiguration/provider").asText());
        assertTrue(robot.lookup("#pushDiff").queryAs(TableView.class).getItems().size() > 0, "the diff is shown");
        assertTrue(robot.lookup("#pushDiffTitle").queryAs(Label.class).getText().contains("live configuration \u2192 backup"),
                "the diff says it compares with the backup");
        assertTrue(robot.lookup("#pushApply").queryButton().isDisabled(), "Apply never applies a backup");
        assertFalse(confirm.isDisabled());
        snapshot(robot, "push-step-restore-checked.png");
        click(robot, "#pushRestoreConfirm");
        assertEquals("basic", fx.om.stored().at("/authenticationConfiguration/provider").asText());
        assertTrue(status(robot).contains("restored"), status(robot));
        assertTrue(confirm.isDisabled(), "one confirmation, one restore");
    }

    @Test
    void aBackupFromAnotherServerIsRefusedUntilTheOperatorSaysSo(FxRobot robot) throws Exception {
        ObjectNode live = fx.om.stored();
        String saved = new FileBackupStore(Files.createTempDirectory("other-server")).save(
                dev.ssosetup.core.push.Backup.of(live, java.time.Instant.parse("2026-11-01T10:00:00Z"),
                        "https://other.example.com", "1.10.0")).backupFile();
        robot.interact(() -> evidence.set(new LockoutEvidence(true, true, "admin"))); // the guard passes (issue 15)
        connect(robot, ADMIN_TOKEN);
        robot.interact(() -> robot.lookup("#pushRestoreFile").queryAs(TextField.class).setText(saved));
        click(robot, "#pushRestore");
        assertTrue(status(robot).contains("taken from https://other.example.com, not " + fx.om.baseUrl()),
                status(robot));
        assertTrue(robot.lookup("#pushRestoreConfirm").queryButton().isDisabled());
        robot.interact(() -> robot.lookup("#pushRestoreOtherServer").queryAs(javafx.scene.control.CheckBox.class)
                .setSelected(true));
        click(robot, "#pushRestore");
        assertTrue(status(robot).startsWith("Restore checked"), status(robot));
        assertFalse(robot.lookup("#pushRestoreConfirm").queryButton().isDisabled());
        // changing an input drops the check: it must be made again
        robot.interact(() -> robot.lookup("#pushRestoreOtherServer").queryAs(javafx.scene.control.CheckBox.class)
                .setSelected(false));
        assertTrue(robot.lookup("#pushRestoreConfirm").queryButton().isDisabled());
    }

    @Test
    void tabReachesEveryControlInOrder(FxRobot robot) {
        robot.clickOn("#pushServerUrl");
        Set<String> reached = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            Node focus = robot.targetWindow().getScene().getFocusOwner();
            if (focus != null && focus.getId() != null) {
                reached.add(focus.getId());
            }
            robot.type(KeyCode.TAB);
        }
        for (String id : List.of("pushServerUrl", "pushToken", "pushCaFile", "pushPlan", "pushDiff",
                "pushConfirmation", "pushRestoreFile", "pushRestoreSecret", "pushRestoreOtherServer", "pushRestore")) {
            assertTrue(reached.contains(id), id + " not reached by Tab: " + reached);
        }
    }

    private void assertNoSecretOnScreen(FxRobot robot) {
        for (Node n : robot.lookup(".label").queryAll()) {
            String text = ((Label) n).getText();
            assertFalse(text != null && (text.contains(ADMIN_TOKEN) || text.contains(CLIENT_SECRET)), text);
        }
        for (Object row : robot.lookup("#pushDiff").queryAs(TableView.class).getItems()) {
            assertFalse(row.toString().contains(CLIENT_SECRET));
        }
    }

    private void snapshot(FxRobot robot, String name) {
        robot.interact(() -> {
            // render the whole step (not just the visible part of the scroll pane)
            Parent content = (Parent) ((javafx.scene.control.ScrollPane) view).getContent();
            WritableImage image = content.snapshot(null, null);
            Screenshots.save(image, Path.of("target", "screenshots", name));
        });
    }
}
