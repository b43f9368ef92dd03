package dev.ssosetup.ui.keys;

import dev.ssosetup.core.keys.JwtKeyGenerator;
import dev.ssosetup.core.keys.KeyFileReader;
import dev.ssosetup.core.keys.KeySize;
import dev.ssosetup.core.keys.KeysService;
import dev.ssosetup.core.keys.SigningSelfTest;
import dev.ssosetup.core.provider.ProviderSettings;
import dev.ssosetup.infra.keys.FileSystemKeyFileStore;
import dev.ssosetup.ui.common.ControllerFactory;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.ui.common.ViewLoader;
import dev.ssosetup.ui.task.InlineBackgroundRunner;
import dev.ssosetup.ui.wizard.WizardState;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Keys step as the operator uses it: real FXML view, real key generation (2048 bits) and real files, with the
 * background work run inline and the native dialogs answered by the test.
 */
@ExtendWith(ApplicationExtension.class)
class KeysStepTest {
    @TempDir
    static Path dir;

    private final WizardState state = new WizardState();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private KeysViewModel viewModel;
    private Scene scene;

    @Start
    void start(Stage stage) {
        Messages messages = Messages.load();
        KeysService service = new KeysService(new FileSystemKeyFileStore(), new JwtKeyGenerator(),
                new KeyFileReader(), new SigningSelfTest(Clock.systemUTC()));
        viewModel = new KeysViewModel(service, new InlineBackgroundRunner(), state, messages);
        ControllerFactory controllers = new ControllerFactory();
        controllers.register(KeysController.class, () -> new KeysController(viewModel, dialogs, messages));
        ViewLoader views = new ViewLoader(messages, controllers);
        scene = new Scene(views.load("/dev/ssosetup/ui/keys/KeysView.fxml"), 960, 760);
        scene.getStylesheets().add(KeysStepTest.class.getResource("/dev/ssosetup/ui/wizard/wizard.css")
                .toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void generatesA2048BitKeyExportsItAndAsksBeforeOverwriting(FxRobot robot) throws Exception {
        assertFalse(viewModel.validProperty().get(), "no key pair yet");
        robot.interact(() -> viewModel.sizeProperty().set(KeySize.RSA_2048));
        robot.clickOn("#keysGenerate");
        WaitForAsyncUtils.waitForFxEvents();

        String fingerprint = text(robot, "#keysFingerprint");
        assertTrue(fingerprint.startsWith("SHA256:"), "status: " + text(robot, "#keysStatus") + " / "
                + text(robot, "#keysSource"));
        assertTrue(robot.lookup("#keysThumbprint").queryAs(TextField.class).getText().length() >= 43);
        assertEquals(2048, viewModel.pairProperty().get().bits());
        assertEquals("", viewModel.keyIdErrorProperty().get() + viewModel.issuerErrorProperty().get());
        // issue 16: a pair that exists only in this window is not enough to move on, and the step says why
        assertFalse(viewModel.validProperty().get(), "Next waits until the keys are on disk");
        assertTrue(text(robot, "#keysNextHint").contains("once the keys are saved"), text(robot, "#keysNextHint"));
        assertTrue(robot.lookup("#keysNextHint").query().isVisible());
        assertTrue(text(robot, "#keysSelfTest").startsWith("Passed"), text(robot, "#keysSelfTest"));
        String keyId = robot.lookup("#keysKeyId").queryAs(TextField.class).getText();
        assertEquals(keyId, state.keysProperty().get().keyId(), "settings published to the wizard");
        assertEquals("./conf/private_key.der", state.keysProperty().get().privateKeyPath());
        assertEquals("open-metadata.org", state.keysProperty().get().issuer());

        // encrypted PEM with a password typed twice
        robot.clickOn("#keysEncrypt");
        robot.clickOn("#keysPassword").write("safe-keeping-1");
        robot.clickOn("#keysPasswordConfirm").write("safe-keeping-1");
        Path out = dir.resolve("export");
        dialogs.folder = out.toString();
        reveal(robot, "#keysExport");
        robot.clickOn("#keysExport");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text(robot, "#keysStatus").startsWith("Exported 7 files"), text(robot, "#keysStatus"));
        assertTrue(Files.exists(out.resolve("private_key.pem")));
        assertEquals("", robot.lookup("#keysPassword").queryAs(TextField.class).getText(), "password field wiped");
        byte[] before = Files.readAllBytes(out.resolve("private_key.der"));
        assertTrue(viewModel.exportedProperty().get());
        assertTrue(viewModel.validProperty().get(), "saved: Next is possible");
        assertEquals("2048-bit key pair saved in " + out, text(robot, "#keysSource"), "the header says where");
        assertFalse(robot.lookup("#keysNextHint").query().isVisible(), "nothing left to explain");

        snapshot(robot, "keys-step.png", true);
        snapshot(robot, "keys-step-window.png", false);

        // a second export to the same folder asks first; saying no keeps the files
        robot.clickOn("#keysEncrypt"); // off again
        dialogs.confirm = false;
        reveal(robot, "#keysExport");
        robot.clickOn("#keysExport");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("private_key.der", "public_key.der", "public_key.pem", "jwks.json", "key-info.txt",
                "openmetadata-jwt.txt"), dialogs.overwriteAsked);
        assertTrue(text(robot, "#keysStatus").contains("left as they are"), text(robot, "#keysStatus"));
        assertArrayEquals(before, Files.readAllBytes(out.resolve("private_key.der")));

        // a new key after the first one: the bot-token warning appears
        assertFalse(robot.lookup("#keysRotationWarning").query().isVisible());
        reveal(robot, "#keysGenerate");
        robot.clickOn("#keysGenerate");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(viewModel.validProperty().get(), "a new pair is not on disk: Next waits again");
        assertTrue(robot.lookup("#keysRotationWarning").query().isVisible());
        assertFalse(viewModel.exportedProperty().get(), "the new pair is not exported yet");
        robot.interact(viewModel::onLeave);
        assertTrue(text(robot, "#keysStatus").contains("not exported yet"), text(robot, "#keysStatus"));
        assertFalse(fingerprint.equals(text(robot, "#keysFingerprint")));
    }

    @Test
    void issuerFollowsTheProviderStepAndBadKeyIdsAreNamed(FxRobot robot) {
        robot.interact(() -> state.providerProperty().set(withServerUrl("https://metadata.example.org:8585/")));
        assertEquals("metadata.example.org", robot.lookup("#keysIssuer").queryAs(TextField.class).getText());

        robot.interact(() -> viewModel.sizeProperty().set(KeySize.RSA_2048));
        robot.clickOn("#keysGenerate");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text(robot, "#keysNextHint").contains("once the keys are saved"), "fields fine, keys in memory");

        robot.doubleClickOn("#keysKeyId").eraseText(60).write("has a space");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(viewModel.validProperty().get());
        assertTrue(text(robot, "#keysNextHint").contains("key id and the issuer"), text(robot, "#keysNextHint"));
        Node field = robot.lookup("#keysKeyId").query();
        assertTrue(field.getStyleClass().contains("invalid"));
        robot.clickOn("#keysNewKeyId");
        assertTrue(text(robot, "#keysNextHint").contains("once the keys are saved"), text(robot, "#keysNextHint"));
        assertTrue(robot.lookup("#keysKeyId").queryAs(TextField.class).getText()
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));

        // once the operator types an issuer, the provider step no longer replaces it
        robot.doubleClickOn("#keysIssuer").eraseText(40).write("auth.example.org");
        robot.interact(() -> state.providerProperty().set(withServerUrl("https://other.example.org")));
        assertEquals("auth.example.org", state.keysProperty().get().issuer());
    }

    @Test
    void importAsksForThePasswordOfAnEncryptedKeyAndNamesWrongFiles(FxRobot robot) throws Exception {
        dev.ssosetup.infra.keys.Openssl.run(dir, "genpkey", "-algorithm", "RSA", "-pkeyopt",
                "rsa_keygen_bits:2048", "-out", "ui-plain.pem").ok();
        dev.ssosetup.infra.keys.Openssl.run(dir, "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", "ui-plain.pem",
                "-passout", "pass:ui-secret-9", "-out", "ui-enc.pem").ok();
        dev.ssosetup.infra.keys.Openssl.run(dir, "genpkey", "-algorithm", "EC", "-pkeyopt",
                "ec_paramgen_curve:P-256", "-out", "ui-ec.pem").ok();

        dialogs.privateKey = dir.resolve("ui-ec.pem").toString();
        robot.clickOn("#keysImport");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text(robot, "#keysStatus").contains("EC") && text(robot, "#keysStatus")
                .contains("expected an RSA private key"), text(robot, "#keysStatus"));
        assertFalse(viewModel.validProperty().get());

        dialogs.privateKey = dir.resolve("ui-enc.pem").toString();
        dialogs.passwords.add("wrong-password");
        dialogs.passwords.add("ui-secret-9");
        robot.clickOn("#keysImport");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, dialogs.passwordAsked, "asked once, then again after the wrong password");
        assertTrue(viewModel.validProperty().get(), text(robot, "#keysStatus"));
        assertTrue(text(robot, "#keysSource").contains("imported from"), text(robot, "#keysSource"));
        assertTrue(text(robot, "#keysSelfTest").startsWith("Passed"));

        // rotation: a previous public key joins jwks.json after the current one, with the bot-token warning
        dev.ssosetup.infra.keys.Openssl.run(dir, "genpkey", "-algorithm", "RSA", "-pkeyopt",
                "rsa_keygen_bits:2048", "-out", "ui-old.pem").ok();
        dev.ssosetup.infra.keys.Openssl.run(dir, "pkey", "-in", "ui-old.pem", "-pubout", "-outform", "DER",
                "-out", "ui-old-public.der").ok();
        dialogs.previousKey = dir.resolve("ui-old-public.der").toString();
        reveal(robot, "#keysAddPrevious");
        robot.clickOn("#keysAddPrevious");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, viewModel.previousKeys().size());
        assertTrue(robot.lookup("#keysRotationWarning").query().isVisible());
        assertTrue(text(robot, "#keysSelfTest").startsWith("Passed"));
        dialogs.folder = dir.resolve("rotated").toString();
        reveal(robot, "#keysExport");
        reveal(robot, "#keysExport");
        robot.clickOn("#keysExport");
        WaitForAsyncUtils.waitForFxEvents();
        var jwks = com.nimbusds.jose.jwk.JWKSet.parse(Files.readString(dir.resolve("rotated").resolve("jwks.json")));
        assertEquals(2, jwks.getKeys().size());
        assertEquals(viewModel.keyIdProperty().get(), jwks.getKeys().getFirst().getKeyID());
    }

    @Test
    void generationRunsOffTheFxThreadAndCancelReturnsAtOnce(FxRobot robot) {
        Messages messages = Messages.load();
        KeysService service = new KeysService(new FileSystemKeyFileStore(), new JwtKeyGenerator(),
                new KeyFileReader(), new SigningSelfTest(Clock.systemUTC()));
        try (var runner = new dev.ssosetup.ui.task.FxBackgroundRunner(
                java.util.concurrent.Executors.newSingleThreadExecutor())) {
            KeysViewModel background = new KeysViewModel(service, runner, new WizardState(), messages);
            long started = System.nanoTime();
            robot.interact(() -> {
                background.sizeProperty().set(KeySize.RSA_4096);
                background.generate();
            });
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            assertTrue(tookMs < 1500, "generate() must return at once, took " + tookMs + " ms");
            assertTrue(background.busyProperty().get(), "busy while the key is generated");
            assertTrue(background.progressMessageProperty().get().contains("4096"),
                    background.progressMessageProperty().get());
            robot.interact(background::cancel);
            WaitForAsyncUtils.waitForFxEvents();
            assertFalse(background.busyProperty().get());
            assertEquals(null, background.pairProperty().get());
            assertTrue(background.statusProperty().get().startsWith("Cancelled"), background.statusProperty().get());
            assertFalse(background.validProperty().get());
        }
    }

    private static ProviderSettings withServerUrl(String url) {
        ProviderSettings d = ProviderSettings.defaults();
        return d.toBuilder().serverUrl(url).build();
    }

    /** Scrolls the step so that the node is inside the viewport, as an operator would. */
    private void reveal(FxRobot robot, String id) {
        robot.interact(() -> {
            javafx.scene.control.ScrollPane pane = (javafx.scene.control.ScrollPane) scene.getRoot()
                    .lookup(".scroll-pane");
            Node node = scene.getRoot().lookup(id);
            javafx.geometry.Bounds b = pane.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal()));
            double range = pane.getContent().getBoundsInLocal().getHeight() - pane.getViewportBounds().getHeight();
            pane.setVvalue(range <= 0 ? 0 : Math.max(0, Math.min(1, (b.getMinY() - 20) / range)));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private void snapshot(FxRobot robot, String name, boolean wholeStep) throws IOException {
        WritableImage[] image = new WritableImage[1];
        // the whole step, also the part below the scroll fold, on the window's background
        javafx.scene.control.ScrollPane pane = (javafx.scene.control.ScrollPane) scene.getRoot()
                .lookup(".scroll-pane");
        javafx.scene.SnapshotParameters params = new javafx.scene.SnapshotParameters();
        params.setFill(javafx.scene.paint.Color.web("#f4f4f4"));
        robot.interact(() -> image[0] = wholeStep ? pane.getContent().snapshot(params, null)
                : scene.snapshot(null));
        int w = (int) image[0].getWidth();
        int h = (int) image[0].getHeight();
        BufferedImage png = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader reader = image[0].getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                png.setRGB(x, y, reader.getArgb(x, y));
            }
        }
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        ImageIO.write(png, "png", target.toFile());
    }

    /** Answers the dialogs the way a test script says. */
    private static final class ScriptedDialogs implements KeysDialogs {
        String folder;
        String privateKey;
        String previousKey;
        boolean confirm = true;
        List<String> overwriteAsked = List.of();
        final List<String> passwords = new ArrayList<>();
        int passwordAsked;

        @Override
        public Optional<String> choosePrivateKey(Window owner) {
            return Optional.ofNullable(privateKey);
        }

        @Override
        public Optional<String> choosePublicKey(Window owner) {
            return Optional.empty();
        }

        @Override
        public Optional<String> choosePreviousKey(Window owner) {
            return Optional.ofNullable(previousKey);
        }

        @Override
        public Optional<String> chooseFolder(Window owner) {
            return Optional.ofNullable(folder);
        }

        @Override
        public boolean confirmOverwrite(Window owner, String folder, List<String> files) {
            overwriteAsked = List.copyOf(files);
            return confirm;
        }

        @Override
        public Optional<char[]> askPassword(Window owner, String file, boolean retry) {
            passwordAsked++;
            return passwords.isEmpty() ? Optional.empty() : Optional.of(passwords.removeFirst().toCharArray());
        }
    }
}
