package dev.ssosetup.ui.push;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.push.DesiredConfiguration;
import dev.ssosetup.core.push.LockoutEvidence;
import dev.ssosetup.core.push.LockoutGuard;
import dev.ssosetup.infra.push.FileBackupStore;
import dev.ssosetup.infra.net.JdkHttpGatewayFactory;
import dev.ssosetup.testserver.OpenMetadataTestServer;
import dev.ssosetup.testserver.PushFixture;
import dev.ssosetup.ui.common.ControllerFactory;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.ui.common.ViewLoader;
import dev.ssosetup.ui.task.InlineBackgroundRunner;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import static dev.ssosetup.testserver.PushFixture.ADMIN_TOKEN;
import static dev.ssosetup.testserver.PushFixture.BOT_TOKEN;
import static dev.ssosetup.testserver.PushFixture.CLIENT_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.ssosetup.core.push.VerdictRequest;
import dev.ssosetup.infra.common.LocalOperatorFiles;

/** The Push step shows OpenMetadata's own verdict beside the login test's and the production checklist (issue 18). */
@ExtendWith(ApplicationExtension.class)
class PushStepVerdictTest {
    private static PushFixture fx;
    private static Path backups;
    private final SimpleObjectProperty<LockoutEvidence> evidence = new SimpleObjectProperty<>(
            new LockoutEvidence(true, true, "alice"));
    private PushViewModel viewModel;

    @BeforeAll
    static void servers() throws IOException {
        fx = new PushFixture();
        backups = Files.createTempDirectory("push-ui-verdict");
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Start
    void start(Stage stage) {
        fx.om.clearFaults();
        fx.om.mode(OpenMetadataTestServer.Mode.V2_0);
        fx.om.servedKeyId(dev.ssosetup.core.push.PostPushChecklist.SHIPPED_KEY_ID);
        fx.om.store(fx.om.basicConfiguration());
        ObjectNode body = fx.confidentialBody();
        ((ObjectNode) body.get("authorizerConfiguration")).putArray("adminPrincipals").add("alice");
        Messages messages = Messages.load();
        viewModel = new PushViewModel(new JdkHttpGatewayFactory(), new LocalOperatorFiles(), new FileBackupStore(backups), Clock.systemUTC(),
                () -> Optional.of(new DesiredConfiguration(body, Secret.of(CLIENT_SECRET))),
                evidence, id -> { }, new InlineBackgroundRunner(), messages);
        Secret token = Secret.of(fx.idp.issueToken("default", "u-alice", "openmetadata",
                java.util.Map.of("email", "alice@example.com"), 3600).serialize());
        viewModel.useContext(() -> new VerdictRequest(token, evidence.get()).with("kid-1", ""));
        ControllerFactory controllers = new ControllerFactory();
        controllers.register(PushController.class, () -> new PushController(viewModel, messages));
        stage.setScene(new Scene(new ViewLoader(messages, controllers).load("/dev/ssosetup/ui/push/PushView.fxml"),
                1000, 760));
        stage.show();
    }

    @Test
    void thePlanShowsBothVerdictsAndTheChecklistFlagsTheShippedKey(FxRobot robot) {
        try {
            robot.interact(() -> {
                robot.lookup("#pushServerUrl").queryAs(TextField.class).setText(fx.om.baseUrl());
                robot.lookup("#pushToken").queryAs(PasswordField.class).setText(ADMIN_TOKEN);
            });
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
