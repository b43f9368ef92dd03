package dev.ssosetup.app;

import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.keys.JwtKeyGenerator;
import dev.ssosetup.core.keys.KeyFileReader;
import dev.ssosetup.core.keys.KeyFileStore;
import dev.ssosetup.core.keys.KeysService;
import dev.ssosetup.core.keys.SigningSelfTest;
import dev.ssosetup.core.login.LoginTest;
import dev.ssosetup.core.push.DesiredConfiguration;
import dev.ssosetup.core.push.LockoutEvidence;
import dev.ssosetup.core.push.PushStep;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.core.text.Text;
import dev.ssosetup.infra.common.LocalOperatorFiles;
import dev.ssosetup.infra.net.JdkHttpGatewayFactory;
import dev.ssosetup.infra.push.FileBackupStore;
import dev.ssosetup.testing.Settings;
import dev.ssosetup.testserver.Fault;
import dev.ssosetup.testserver.OpenMetadataTestServer;
import dev.ssosetup.testserver.PushFixture;
import dev.ssosetup.ui.common.ControllerFactory;
import dev.ssosetup.ui.common.StatusRegions;
import dev.ssosetup.ui.common.ViewLoader;
import dev.ssosetup.ui.keys.KeysController;
import dev.ssosetup.ui.keys.KeysViewModel;
import dev.ssosetup.ui.login.LoginTestController;
import dev.ssosetup.ui.login.LoginTestViewModel;
import dev.ssosetup.ui.provider.ProviderController;
import dev.ssosetup.ui.provider.ProviderViewModel;
import dev.ssosetup.ui.push.PushController;
import dev.ssosetup.ui.push.PushViewModel;
import dev.ssosetup.ui.task.FxBackgroundRunner;
import dev.ssosetup.ui.wizard.WizardState;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.AccessibleRole;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13: while a step's background work runs, the line beside its progress indicator says which stage runs now
 * (the step text the core use case names through {@code TaskContext.progress}), not only that something runs, and the
 * line is a status region a screen reader announces. Each step's work is held at a known stage: a provider that never
 * answers, a key file that is not read yet, an OpenMetadata server that answers slowly.
 */
@ExtendWith(ApplicationExtension.class)
class BusyStepTextUiTest {
    private final Messages messages = Messages.forLocale(Locale.ENGLISH);
    private final FxBackgroundRunner runner = new FxBackgroundRunner(Executors.newSingleThreadExecutor());
    private final CountDownLatch release = new CountDownLatch(1);
    private Stage stage;
    private ServerSocket silent;
    private PushFixture push;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        silent = new ServerSocket();
        silent.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
    }

    @AfterEach
    void stop() throws IOException {
        release.countDown();
        runner.close();
        silent.close();
        if (push != null) {
            push.close();
        }
    }

    private <C> void show(Class<C> controller, Supplier<C> factory, String fxml) {
        ControllerFactory controllers = new ControllerFactory();
        controllers.register(controller, factory::get);
        Parent view = new ViewLoader(messages, controllers).load(fxml);
        StatusRegions.install(view);
        stage.setScene(new Scene(view, 1000, 760));
        stage.show();
    }

    private String silentIssuer() {
        return "http://127.0.0.1:" + silent.getLocalPort();
    }

    /** Waits until the line says {@code step}, then checks it is announced and is not the start text. */
    private void assertSays(FxRobot robot, String id, Text step, String startText) throws Exception {
        String expected = messages.text(step);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> expected.equals(robot.lookup(id).queryAs(Label.class).getText()));
        Label line = robot.lookup(id).queryAs(Label.class);
        assertTrue(line.isVisible(), id + " is shown");
        assertNotEquals(startText, line.getText(), "the work's own stage, not only that something runs");
        assertSame(AccessibleRole.TEXT, line.getAccessibleRole(), id + " is an announced status region");
    }

    @Test
    void theProviderCheckSaysItFetchesTheDiscoveryDocument(FxRobot robot) throws Exception {
        WizardState state = new WizardState();
        ProviderViewModel vm = new ProviderViewModel(state, runner, new JdkHttpGatewayFactory(), new LocalOperatorFiles(),
                messages);
        robot.interact(() -> show(ProviderController.class, () -> new ProviderController(vm, messages),
                "/dev/ssosetup/ui/provider/ProviderView.fxml"));
        robot.interact(() -> vm.issuerProperty().set(silentIssuer()));
        robot.interact(vm::check);
        assertSays(robot, "#checkStatus", Text.of("task.discovery.fetching", "127.0.0.1"),
                messages.get("provider.check.running", "127.0.0.1"));
        assertTrue(vm.checkingProperty().get());
        robot.interact(vm::cancelCheck);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(messages.get("provider.check.cancelled"),
                robot.lookup("#checkStatus").queryAs(Label.class).getText(), "the stage goes with the work");
    }

    @Test
    void theLoginTestSaysItReadsTheDiscoveryDocument(FxRobot robot) throws Exception {
        WizardState state = new WizardState();
        state.providerProperty().set(Settings.publicClient(silentIssuer(), "om-ui").build());
        LoginTest loginTest = new LoginTest(new JdkHttpGatewayFactory(), null, null, Clock.systemUTC());
        LoginTestViewModel vm = new LoginTestViewModel(state, runner, loginTest, new LocalOperatorFiles(), messages);
        robot.interact(() -> show(LoginTestController.class, () -> new LoginTestController(vm),
                "/dev/ssosetup/ui/login/LoginTestView.fxml"));
        robot.interact(vm::start);
        assertSays(robot, "#loginStatus", Text.of("task.login.discovery"), messages.get("login.status.starting"));
        assertTrue(vm.runningProperty().get());
        robot.interact(vm::cancel);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(messages.get("login.status.cancelled"),
                robot.lookup("#loginStatus").queryAs(Label.class).getText());
    }

    @Test
    void theKeyImportSaysItReadsThePrivateKey(FxRobot robot) throws Exception {
        KeysService service = new KeysService(new HeldKeyFiles(release), new JwtKeyGenerator(), new KeyFileReader(),
                new SigningSelfTest(Clock.systemUTC()));
        KeysViewModel vm = new KeysViewModel(service, runner, new WizardState(), messages);
        robot.interact(() -> show(KeysController.class, () -> new KeysController(vm, noDialogs(), messages),
                "/dev/ssosetup/ui/keys/KeysView.fxml"));
        robot.interact(() -> vm.importKeys("/held/private_key.pem", null, null));
        assertSays(robot, "#keysProgress", Text.of("task.keys.readingPrivate"),
                messages.get("keys.progress.importing"));
        assertTrue(vm.busyProperty().get());
        robot.interact(vm::cancel);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(messages.get("keys.status.cancelled"), vm.statusProperty().get());
        assertEquals("", vm.progressMessageProperty().get(), "no stage once nothing runs");
    }

    @Test
    void thePushPlanSaysItReadsTheConfiguration(FxRobot robot) throws Exception {
        push = new PushFixture();
        push.om.fault("GET " + OpenMetadataTestServer.CONFIG, Fault.slow(Duration.ofSeconds(5)));
        PushViewModel vm = new PushViewModel(new JdkHttpGatewayFactory(), new LocalOperatorFiles(),
                new FileBackupStore(Files.createTempDirectory("busy-step")), Clock.systemUTC(),
                () -> Optional.of(new DesiredConfiguration(push.confidentialBody(),
                        Secret.of(PushFixture.CLIENT_SECRET))),
                new SimpleObjectProperty<>(LockoutEvidence.none()), id -> { }, runner, messages);
        robot.interact(() -> show(PushController.class, () -> new PushController(vm, messages),
                "/dev/ssosetup/ui/push/PushView.fxml"));
        robot.interact(() -> {
            vm.connection().serverUrlProperty().set(push.om.baseUrl());
            vm.connection().tokenProperty().set(PushFixture.ADMIN_TOKEN);
        });
        robot.interact(() -> vm.planning().plan());
        assertSays(robot, "#pushProgressText", PushStep.READ.title(), messages.get("push.progress.plan"));
        assertTrue(vm.status().busyProperty().get());
        robot.interact(vm::cancel);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(messages.get("push.status.cancelled"), vm.status().statusProperty().get());
    }

    /** The test calls the view model itself: every dialog answers "cancelled". */
    private static dev.ssosetup.ui.keys.KeysDialogs noDialogs() {
        return (dev.ssosetup.ui.keys.KeysDialogs) java.lang.reflect.Proxy.newProxyInstance(
                BusyStepTextUiTest.class.getClassLoader(), new Class<?>[]{dev.ssosetup.ui.keys.KeysDialogs.class},
                (proxy, method, args) -> method.getReturnType() == boolean.class ? Boolean.FALSE : Optional.empty());
    }

    /** A key store whose reads wait until the test lets them go (or the work is cancelled). */
    private record HeldKeyFiles(CountDownLatch release) implements KeyFileStore {
        @Override
        public byte[] read(String path) {
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new byte[0];
        }

        @Override
        public List<String> existing(String folder, List<String> names) {
            return List.of();
        }

        @Override
        public List<String> writeAll(String folder, List<dev.ssosetup.core.keys.ExportFile> files,
                                     boolean overwrite) {
            throw new UnsupportedOperationException("not in this test");
        }

        @Override
        public String writeFile(String path, byte[] content, boolean overwrite) {
            throw new UnsupportedOperationException("not in this test");
        }

        @Override
        public String resolve(String folder, String name) {
            return folder + "/" + name;
        }
    }
}
