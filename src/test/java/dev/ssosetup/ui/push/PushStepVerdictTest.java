package dev.ssosetup.ui.push;

import dev.ssosetup.core.common.Secret;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssosetup.core.push.LockoutEvidence;
import dev.ssosetup.testserver.OpenMetadataTestServer;
import dev.ssosetup.core.text.Messages;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import dev.ssosetup.testserver.PushServers;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import static dev.ssosetup.testserver.PushFixture.ADMIN_TOKEN;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.ssosetup.core.push.VerdictRequest;
import dev.ssosetup.infra.common.LocalOperatorFiles;

/** The Push step shows OpenMetadata's own verdict beside the login test's and the production checklist (issue 18). */
@ExtendWith(ApplicationExtension.class)
class PushStepVerdictTest {
    @RegisterExtension
    static final PushServers fx = new PushServers();
    private final SimpleObjectProperty<LockoutEvidence> evidence = new SimpleObjectProperty<>(
            new LockoutEvidence(true, true, "alice"));
    private PushViewModel viewModel;

    @Start
    void start(Stage stage) {
        fx.om.mode(OpenMetadataTestServer.Mode.V2_0);
        fx.om.servedKeyId(dev.ssosetup.core.push.PostPushChecklist.SHIPPED_KEY_ID);
        fx.om.store(fx.om.basicConfiguration());
        ObjectNode body = fx.confidentialBody();
        ((ObjectNode) body.get("authorizerConfiguration")).putArray("adminPrincipals").add("alice");
        Messages messages = Messages.load();
        viewModel = PushStepRig.viewModel(fx.backups(), PushStepRig.desired(() -> body), evidence, id -> { }, messages);
        Secret token = Secret.of(fx.idp.issueToken("default", "u-alice", "openmetadata",
                java.util.Map.of("email", "alice@example.com"), 3600).serialize());
        viewModel.useContext(() -> new VerdictRequest(token, evidence.get()).with("kid-1", ""));
        stage.setScene(new Scene(PushStepRig.view(viewModel, messages), 1000, 760));
        stage.show();
    }

    @Test
    void thePlanShowsBothVerdictsAndTheChecklistFlagsTheShippedKey(FxRobot robot) {
        try {
            PushStepRig.connect(robot, fx.om.baseUrl(), ADMIN_TOKEN);
            robot.interact(() -> robot.lookup("#pushPlan").queryButton().fire());
            WaitForAsyncUtils.waitForFxEvents();
            String notes = robot.lookup("#pushPlanNotes").queryAs(javafx.scene.layout.VBox.class).getChildren()
                    .stream().map(n -> ((Label) n).getText()).reduce("", (a, b) -> a + "\n" + b);
            assertTrue(notes.contains("OpenMetadata's own verdict on this session's login (validate-token): signs in "
                    + "as alice <alice@example.com>, admin"), notes);
            assertTrue(notes.contains("The login test's own verdict: alice would be an admin."), notes);
            Label shipped = robot.lookup("#checklist-default-jwt-key").queryAs(Label.class);
            assertTrue(shipped.getText().startsWith("[ ] ERROR:"), shipped.getText());
            assertTrue(robot.lookup("#checklist-private-window").tryQuery().isPresent());
            assertTrue(robot.lookup("#pushGuardText").queryAs(Label.class).isVisible());
            assertFalse(robot.lookup("#pushApply").queryButton().isDisabled(),
                    "the server's verdict proves admin access: apply without the phrase");
        } finally {
            fx.om.mode(OpenMetadataTestServer.Mode.V1_10);
            fx.om.servedKeyId("om-test-key");
        }
    }
}
