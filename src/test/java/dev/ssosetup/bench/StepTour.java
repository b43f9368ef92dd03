package dev.ssosetup.bench;

import dev.ssosetup.app.CompositionRoot;
import dev.ssosetup.core.provider.MockIdp;
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
    /** The step titles in the order of the wizard (English). */
    public static final List<String> STEPS = List.of("Provider", "Login test", "Keys", "Review", "Push");
    private final MockIdp idp = new MockIdp();
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
        return gui.wizardView();
    }

    public String issuer() {
        return idp.issuer();
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
        WizardWalk walk = new WizardWalk(robot);
        for (int step = reached + 1; step <= index; step++) {
            switch (step) {
                case 0 -> {
                    walk.fillProvider(idp.issuer(), "tour-client-secret", om.baseUrl());
                    walk.checkProvider();
                }
                case 1 -> {
                    walk.nextUntil(STEPS.get(1));
                    // the tour never opens a desktop browser: the scripted one follows the shown URL
                    CheckBox browser = robot.lookup("#loginOpenBrowser").queryAs(CheckBox.class);
                    robot.interact(() -> browser.setSelected(false));
                    walk.passLoginTest();
                }
                case 2 -> {
                    walk.nextUntil(STEPS.get(2));
                    walk.generateKeys();
                }
                case 3 -> walk.nextUntil(STEPS.get(3));
                case 4 -> {
                    walk.nextUntil(STEPS.get(4));
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
            new WizardWalk(robot).nextUntil(STEPS.get(index));
        }
    }

    @Override
    public void close() {
        if (gui != null) {
            gui.close();
        }
        idp.close();
        om.close();
        System.setProperty("user.home", realHome);
        if (realConfig == null) {
            System.clearProperty("sso.setup.configDir");
        } else {
            System.setProperty("sso.setup.configDir", realConfig);
        }
    }
}
