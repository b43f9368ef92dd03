package dev.ssosetup.ui.provider;

import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.provider.ClientType;
import dev.ssosetup.core.push.LockoutEvidence;
import dev.ssosetup.core.push.ServerAddress;
import dev.ssosetup.core.secrets.SecretKey;
import dev.ssosetup.infra.net.JdkHttpGatewayFactory;
import dev.ssosetup.infra.push.FileBackupStore;
import dev.ssosetup.testsupport.MemorySecretStore;
import dev.ssosetup.ui.common.ControllerFactory;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.infra.common.LocalOperatorFiles;
import dev.ssosetup.ui.common.ViewLoader;
import dev.ssosetup.ui.push.PushController;
import dev.ssosetup.ui.push.PushViewModel;
import dev.ssosetup.ui.task.InlineBackgroundRunner;
import dev.ssosetup.ui.wizard.WizardState;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The "Remember ... in the system keychain" boxes, their status and Forget, in the Provider and Push views. */
@ExtendWith(ApplicationExtension.class)
class KeychainViewsTest {
    private static final String ISSUER = "https://idp.example.com/realms/corp";
    private final MemorySecretStore keychain = new MemorySecretStore();
    private ProviderViewModel provider;
    private PushViewModel push;
    @TempDir
    static Path backups;

    @Start
    void start(Stage stage) {
        Messages messages = Messages.load();
        provider = new ProviderViewModel(new WizardState(), new InlineBackgroundRunner(), pem -> request -> {
            throw new AssertionError("no network");
        }, new LocalOperatorFiles(), messages, keychain);
        push = new PushViewModel(new JdkHttpGatewayFactory(), new LocalOperatorFiles(), new FileBackupStore(backups), Clock.systemUTC(),
                Optional::empty, new SimpleObjectProperty<>(LockoutEvidence.none()), id -> { },
                new InlineBackgroundRunner(), messages, keychain);
        ControllerFactory controllers = new ControllerFactory();
        controllers.register(ProviderController.class, () -> new ProviderController(provider, messages));
        controllers.register(PushController.class, () -> new PushController(push, messages));
        ViewLoader views = new ViewLoader(messages, controllers);
        VBox both = new VBox(views.load("/dev/ssosetup/ui/provider/ProviderView.fxml"),
                views.load("/dev/ssosetup/ui/push/PushView.fxml"));
        stage.setScene(new Scene(both, 1100, 780));
        stage.show();
    }

    @Test
    void tickingRemembersAndForgetRemoves(FxRobot robot) {
        robot.interact(() -> {
            provider.issuerProperty().set(ISSUER);
            provider.clientTypeProperty().set(ClientType.CONFIDENTIAL);
            provider.clientIdProperty().set("openmetadata");
            provider.clientSecretProperty().set("typed-secret");
        });
        CheckBox remember = robot.lookup("#rememberSecret").queryAs(CheckBox.class);
        assertTrue(remember.isVisible(), "shown for a confidential client");
        assertFalse(remember.isSelected(), "off by default");
        Button forget = robot.lookup("#forgetSecret").queryButton();
        assertFalse(forget.isVisible());
        robot.interact(remember::fire);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Secret.of("typed-secret"), keychain.entries().get(SecretKey.clientSecret(ISSUER, "openmetadata")));
        assertTrue(forget.isVisible());
        assertFalse(robot.lookup("#keychainStatus").queryAs(Label.class).getText().isEmpty());
        robot.interact(forget::fire);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(keychain.entries().isEmpty());
        assertFalse(remember.isSelected());

        robot.interact(() -> {
            push.connection().serverUrlProperty().set("https://om.example.com");
            push.connection().tokenProperty().set("typed-token");
        });
        CheckBox rememberToken = robot.lookup("#rememberToken").queryAs(CheckBox.class);
        assertTrue(rememberToken.isVisible());
        robot.interact(rememberToken::fire);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Secret.of("typed-token"),
                keychain.entries().get(SecretKey.adminToken(ServerAddress.parse("https://om.example.com"))));
        Button forgetToken = robot.lookup("#forgetToken").queryButton();
        assertTrue(forgetToken.isVisible());
        robot.interact(forgetToken::fire);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(keychain.entries().isEmpty());
    }
}
