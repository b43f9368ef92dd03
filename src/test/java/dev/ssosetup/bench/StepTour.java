package dev.ssosetup.bench;

import dev.ssosetup.app.CompositionRoot;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import dev.ssosetup.testserver.OpenMetadataTestServer;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import org.testfx.api.FxRobot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The real wizard with everything a walk through all five steps needs, on this machine only: an embedded
 * mock-oauth2-server as the provider, an OpenMetadata test server for the Push step, and a private home and
 * configuration folder (the push backup, the preferences and the draft never touch the operator's own). For the
 * keyboard tests and the README screenshots ({@code scripts/shots.sh}).
 *
 * <p>Build it before the window ({@link #view()} in {@code @Start}), walk with {@link #to(int, FxRobot)}, close it
 * after.
 */
public final class StepTour implements AutoCloseable {
    public static final String ADMIN_TOKEN = "tour-admin-token";
    /** The steps in the order of the wizard: their ids (file names of the screenshots use them). */
    public static final List<String> STEPS = List.of("provider", "login", "keys", "review", "push");
    /** The operator who signs in at the login test: an admin of the configuration the tour fills in. */
    public static final String USER = "alice";
    private final MockOAuth2Server idp = new MockOAuth2Server(OAuth2Config.Companion.fromJson("""
            {"httpServer": "NettyWrapper", "tokenCallbacks": [{"issuerId": "default", "tokenExpiry": 3600,
              "requestMappings": [{"requestParam": "grant_type", "match": "*", "claims": {"sub": "%s",
                "email": "%s@example.com", "preferred_username": "%s", "name": "Alice Example"}}]}]}
            """.formatted(USER, USER, USER)));
    private final OpenMetadataTestServer om;
    private final Path home;
    private final String realHome = System.getProperty("user.home");
    private final String realConfig = System.getProperty("sso.setup.configDir");
    private CompositionRoot.Gui gui;
    private int reached = -1;

    public StepTour() {
        this(null);
    }

    /** @param preferences the text of the preferences file to start with (e.g. {@code theme=DARK}), or null */
    public StepTour(String preferences) {
        try {
            idp.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
            om = new OpenMetadataTestServer(ADMIN_TOKEN, "tour-bot-token");
            om.store(om.basicConfiguration());
            home = Files.createTempDirectory("step-tour-home");
            Path config = Files.createDirectories(home.resolve(".config/sso-setup-console"));
            if (preferences != null) {
                Files.writeString(config.resolve("preferences.properties"), preferences);
            }
            System.setProperty("user.home", home.toString());
            System.setProperty("sso.setup.configDir", config.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The wizard on the app's own background runner (the login test waits for a browser off the FX thread). */
    public Parent view() {
        gui = CompositionRoot.forGui(url -> { });
        gui.keysDialogs(new ExportHere(home.resolve("keys").toString()));
        return gui.wizardView();
    }

    /** Step {@code index}'s title as the window shows it (in the window's language). */
    public String title(int index) {
        return gui.messages().get("wizard.step." + STEPS.get(index));
    }

    public String issuer() {
        return "http://127.0.0.1:" + idp.url("/").port() + "/default";
    }

    public String serverUrl() {
        return om.baseUrl();
    }

    /**
     * Brings the wizard to step {@code index} (0 Provider ... 4 Push) with realistic state, doing each earlier step
     * as an operator does: a confidential client checked against the mock provider, a passed login test, a
     * generated key pair, the rendered review; at Push a plan applied to the test server. Steps already done are
     * not done again: call it with rising indexes.
     */
    public void to(int index, FxRobot robot) {
        WizardWalk walk = new WizardWalk(robot, gui.messages());
        for (int step = reached + 1; step <= index; step++) {
            switch (step) {
                case 0 -> {
                    walk.fillProvider(issuer(), "tour-client-secret", om.baseUrl());
                    walk.fill("adminPrincipals", USER);
                    @SuppressWarnings("unchecked")
                    javafx.scene.control.ComboBox<Object> method = robot.lookup("#clientAuthMethod")
                            .queryAs(javafx.scene.control.ComboBox.class);
                    robot.interact(() -> method.setValue(method.getItems().getFirst())); // what the provider offers
                    walk.checkProvider();
                }
                case 1 -> {
                    walk.nextUntil(title(1));
                    // the tour never opens a desktop browser: the scripted one follows the shown URL
                    CheckBox browser = robot.lookup("#loginOpenBrowser").queryAs(CheckBox.class);
                    robot.interact(() -> browser.setSelected(false));
                    walk.passLoginTest();
                }
                case 2 -> {
                    walk.nextUntil(title(2));
                    // generate, then export (Next waits for the keys on disk): the folder is the tour's own
                    javafx.scene.control.Button generate = robot.lookup("#keysGenerate").queryButton();
                    javafx.scene.control.Button export = robot.lookup("#keysExport").queryButton();
                    robot.interact(generate::fire);
                    WizardWalk.waitFor(120, "the key pair", () -> !export.isDisabled());
                    robot.interact(export::fire);
                    WizardWalk.waitFor(60, "the exported keys",
                            () -> !robot.lookup("#nextButton").queryButton().isDisabled());
                }
                case 3 -> walk.nextUntil(title(3));
                case 4 -> {
                    walk.nextUntil(title(4));
                    walk.pushAndApply(om.baseUrl(), ADMIN_TOKEN);
                }
                default -> throw new IllegalArgumentException("no step " + step);
            }
            reached = step;
        }
    }

    /** Brings the wizard to step {@code index} without doing that step's own action (its controls as on entry). */
    public void enter(int index, FxRobot robot) {
        if (index > 0) {
            to(index - 1, robot);
            new WizardWalk(robot, gui.messages()).nextUntil(title(index));
        }
    }

    /** The Keys step's questions answered as an operator exporting into one folder would. */
    private record ExportHere(String folder) implements dev.ssosetup.ui.keys.KeysDialogs {
        @Override
        public java.util.Optional<String> choosePrivateKey(javafx.stage.Window owner) {
            return java.util.Optional.empty();
        }

        @Override
        public java.util.Optional<String> choosePublicKey(javafx.stage.Window owner) {
            return java.util.Optional.empty();
        }

        @Override
        public java.util.Optional<String> choosePreviousKey(javafx.stage.Window owner) {
            return java.util.Optional.empty();
        }

        @Override
        public java.util.Optional<String> chooseFolder(javafx.stage.Window owner) {
            return java.util.Optional.of(folder);
        }

        @Override
        public boolean confirmOverwrite(javafx.stage.Window owner, String folder, List<String> files) {
            return true;
        }

        @Override
        public java.util.Optional<char[]> askPassword(javafx.stage.Window owner, String file, boolean retry) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public void close() {
        if (gui != null) {
            // the draft is saved 2 s after the last change, on the app's runner: let that run before the runner ends
            org.testfx.util.WaitForAsyncUtils.sleep(2500, java.util.concurrent.TimeUnit.MILLISECONDS);
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            gui.close();
        }
        idp.shutdown();
        om.close();
        System.setProperty("user.home", realHome);
        if (realConfig == null) {
            System.clearProperty("sso.setup.configDir");
        } else {
            System.setProperty("sso.setup.configDir", realConfig);
        }
    }
}
