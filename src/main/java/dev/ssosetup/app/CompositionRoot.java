package dev.ssosetup.app;

import dev.ssosetup.cli.DiscoverCommand;
import dev.ssosetup.cli.ExitCodes;
import dev.ssosetup.cli.KeysCommand;
import dev.ssosetup.cli.PushCommand;
import dev.ssosetup.cli.PushEnvironment;
import dev.ssosetup.cli.RenderCommand;
import dev.ssosetup.cli.RestoreCommand;
import dev.ssosetup.cli.SsoSetupCommand;
import dev.ssosetup.cli.TestLoginCommand;
import dev.ssosetup.core.config.ConfigFiles;
import dev.ssosetup.core.config.ProfileLoad;
import dev.ssosetup.core.config.ProfileService;
import dev.ssosetup.core.config.ReadinessCheck;
import dev.ssosetup.core.config.SchemaCheck;
import dev.ssosetup.core.config.SsoConfiguration;
import dev.ssosetup.core.keys.JwtKeyGenerator;
import dev.ssosetup.core.keys.KeyFileReader;
import dev.ssosetup.core.keys.KeysService;
import dev.ssosetup.core.keys.SigningSelfTest;
import dev.ssosetup.core.login.LoginTest;
import dev.ssosetup.core.net.HttpGatewayFactory;
import dev.ssosetup.core.push.BackupStore;
import dev.ssosetup.core.push.DesiredConfiguration;
import dev.ssosetup.core.push.DesiredFromModel;
import dev.ssosetup.core.push.LockoutEvidence;
import dev.ssosetup.infra.config.LocalConfigFiles;
import dev.ssosetup.infra.config.NetworkntSchemaCheck;
import dev.ssosetup.infra.keys.FileSystemKeyFileStore;
import dev.ssosetup.infra.login.JdkLoopbackReceiver;
import dev.ssosetup.infra.login.SystemBrowserOpener;
import dev.ssosetup.infra.net.JdkHttpGatewayFactory;
import dev.ssosetup.infra.push.FileBackupStore;
import dev.ssosetup.ui.common.ControllerFactory;
import dev.ssosetup.ui.common.Messages;
import dev.ssosetup.ui.common.ViewLoader;
import dev.ssosetup.ui.keys.FxKeysDialogs;
import dev.ssosetup.ui.keys.KeysController;
import dev.ssosetup.ui.keys.KeysViewModel;
import dev.ssosetup.ui.login.LoginTestController;
import dev.ssosetup.ui.login.LoginTestViewModel;
import dev.ssosetup.ui.provider.ProviderController;
import dev.ssosetup.ui.provider.ProviderViewModel;
import dev.ssosetup.ui.push.PushController;
import dev.ssosetup.ui.push.PushViewModel;
import dev.ssosetup.ui.review.ReviewController;
import dev.ssosetup.ui.review.ReviewViewModel;
import dev.ssosetup.ui.task.BackgroundRunner;
import dev.ssosetup.ui.task.FxBackgroundRunner;
import dev.ssosetup.ui.wizard.CrossStepLinks;
import dev.ssosetup.ui.wizard.WizardController;
import dev.ssosetup.ui.wizard.WizardState;
import dev.ssosetup.ui.wizard.WizardStep;
import dev.ssosetup.ui.wizard.WizardViewModel;
import javafx.scene.Parent;
import picocli.CommandLine;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one place where adapters ({@code infra}) are wired into use cases ({@code core}), view models and views
 * ({@code ui}) and commands ({@code cli}). Everything is built through constructors; nothing is global.
 *
 * <p>Features add themselves in the marked sections: infra adapters in {@link Services}, their wizard step in
 * {@link Gui#steps}, their commands in {@link Cli#commandLine}.
 */
public final class CompositionRoot {
    private CompositionRoot() {
    }

    public static Cli forCli() {
        return new Cli(new Services());
    }

    /** {@code showDocument} opens a URL with the platform's help (used only as a last resort by features). */
    public static Gui forGui(Consumer<String> showDocument) {
        return new Gui(new Services(), Messages.load(), showDocument);
    }

    /** Infra adapters and core services, shared by the CLI and the GUI. */
    static final class Services {
        // ---- provider (issue 3)
        final HttpGatewayFactory providerGateways = new JdkHttpGatewayFactory();

        // ---- login (issue 4)
        /** The login test use case on the real adapters: HTTP gateway, loopback listener, system browser. */
        LoginTest loginTest() {
            return new LoginTest(providerGateways, // the provider's CA bundle applies to the login test too
                    new JdkLoopbackReceiver(),
                    new SystemBrowserOpener(), Clock.systemUTC());
        }

        // ---- keys (issue 5)
        final KeysService keys = new KeysService(
                new FileSystemKeyFileStore(), new JwtKeyGenerator(),
                // a lambda, not KeyFileReader::new: a constructor reference would load (and so verify) the class now
                () -> new KeyFileReader(), // built on first use (BouncyCastle's signed jars are slow to verify)
                new SigningSelfTest(Clock.systemUTC()));

        // ---- review (issue 6)
        final ConfigFiles configFiles = new LocalConfigFiles();
        final SchemaCheck schemaCheck = new NetworkntSchemaCheck();

        // ---- push (issue 7)
        final HttpGatewayFactory pushGateways = providerGateways; // one factory: platform CAs + a PEM bundle
        final Function<Path, BackupStore> pushBackupStores =
                FileBackupStore::new;
        final Clock pushClock = Clock.systemUTC();

        final DesiredFromModel desiredFromModel = new DesiredFromModel(
                new ReadinessCheck(schemaCheck));

        /** For push/restore: {@code --profile} is opened and rendered exactly as the Review step and render do. */
        PushEnvironment pushEnvironment() {
            return new PushEnvironment(pushGateways, pushBackupStores,
                    FileBackupStore.defaultFolder(), pushClock, Optional.empty(),
                    LockoutEvidence::none, System.in)
                    .withProfileRenderer(path -> desiredFromModel.from(openProfile(path.toString())).body());
        }

        /** @throws IllegalArgumentException with the reason when the profile is refused */
        SsoConfiguration openProfile(String path) {
            return switch (new ProfileService(configFiles).open(path)) {
                case ProfileLoad.Refused refused ->
                        throw new IllegalArgumentException(refused.reason());
                case ProfileLoad.Loaded loaded -> loaded.profile().configuration();
            };
        }

        // ---- session (issue 16): preferences and the autosaved draft in the per-user configuration folder
        final java.util.function.Function<Path, dev.ssosetup.core.session.SessionService> sessions =
                folder -> new dev.ssosetup.core.session.SessionService(
                        new dev.ssosetup.infra.session.ConfigFolderSessionFiles(folder));

        // ---- end
    }

    /** The command line: the root command and one subcommand per wizard step. */
    public static final class Cli {
        private final Services services;

        Cli(Services services) {
            this.services = services;
        }

        public CommandLine commandLine() {
            CommandLine cl = new CommandLine(new SsoSetupCommand());
            // ---- provider (issue 3)
            cl.addSubcommand("discover", new DiscoverCommand(services.providerGateways));

            // ---- login (issue 4)
            cl.addSubcommand("test-login", new TestLoginCommand(services.loginTest()));

            // ---- keys (issue 5)
            cl.addSubcommand(KeysCommand.create(services.keys));

            // ---- review (issue 6)
            cl.addSubcommand(new RenderCommand(services.configFiles, services.schemaCheck));

            // ---- push (issue 7)
            cl.addSubcommand(new PushCommand(services.pushEnvironment()));
            cl.addSubcommand(new RestoreCommand(services.pushEnvironment()));

            // ---- end
            cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
                // an operator never sees a stack trace: say what failed, in one line
                String what = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
                commandLine.getErr().println("sso-setup: " + what);
                return ExitCodes.FAILED;
            });
            return cl;
        }

        Services services() {
            return services;
        }
    }

    /** The wizard window. Owns the worker pool; {@link #close()} ends it. */
    public static final class Gui implements AutoCloseable {
        private final Services services;
        private final Messages messages;
        private final Consumer<String> showDocument;
        private final FxBackgroundRunner runner;
        private final WizardState state = new WizardState();

        Gui(Services services, Messages messages, Consumer<String> showDocument) {
            this.services = services;
            this.messages = messages;
            this.showDocument = showDocument;
            this.runner = new FxBackgroundRunner(Executors.newCachedThreadPool(workerThreads()));
        }

        public Messages messages() {
            return messages;
        }

        public Parent wizardView() {
            return wizardView(runner);
        }

        /** Builds the wizard on a given runner (tests pass an inline one). */
        Parent wizardView(BackgroundRunner background) {
            return wizardView(background, dev.ssosetup.infra.session.ConfigFolderSessionFiles.defaultFolder(),
                    new dev.ssosetup.ui.wizard.FxProfileDialogs(messages), javafx.util.Duration.seconds(2));
        }

        /** Builds the wizard with its session files in {@code sessionFolder} and the given file dialogs (tests). */
        Parent wizardView(BackgroundRunner background, Path sessionFolder, dev.ssosetup.ui.wizard.ProfileDialogs dialogs,
                          javafx.util.Duration autosaveDelay) {
            ControllerFactory controllers = new ControllerFactory();
            ViewLoader views = new ViewLoader(messages, controllers);
            WizardViewModel wizard = new WizardViewModel(steps(background, controllers));
            state.stepNavigatorProperty().set(id -> wizard.goTo(wizard.indexOf(id)));
            state.pushNavigatorProperty().set(state::goToStep);
            CrossStepLinks.install(state, messages);
            // ---- session (issue 16): built after the steps, so that its baseline is what they publish at start
            dev.ssosetup.ui.wizard.SessionViewModel session = new dev.ssosetup.ui.wizard.SessionViewModel(state,
                    services.sessions.apply(sessionFolder), new ProfileService(services.configFiles), background,
                    messages, () -> wizard.goTo(0), autosaveDelay);
            controllers.register(WizardController.class, () -> new WizardController(wizard, views, session, dialogs)
                    .withFinishSummary(this::finishSummary));
            return views.load("/dev/ssosetup/ui/wizard/WizardView.fxml");
        }

        private List<WizardStep> steps(BackgroundRunner background, ControllerFactory controllers) {
            List<WizardStep> steps = new ArrayList<>();
            // ---- provider (issue 3)
            ProviderViewModel provider = new ProviderViewModel(state, background, services.providerGateways,
                    messages);
            controllers.register(ProviderController.class, () -> new ProviderController(provider, messages));
            steps.add(new WizardStep("provider", "wizard.step.provider", provider,
                    "/dev/ssosetup/ui/provider/ProviderView.fxml"));

            // ---- login (issue 4)
            var login = new LoginTestViewModel(state, background, services.loginTest(),
                    messages);
            controllers.register(LoginTestController.class,
                    () -> new LoginTestController(login));
            steps.add(new WizardStep("login", "wizard.step.login", login,
                    "/dev/ssosetup/ui/login/LoginTestView.fxml"));

            // ---- keys (issue 5)
            KeysViewModel keysStep = new KeysViewModel(services.keys,
                    background, state, messages);
            controllers.register(KeysController.class, () -> new KeysController(keysStep, new FxKeysDialogs(messages), messages));
            steps.add(new WizardStep("keys", "wizard.step.keys", keysStep, "/dev/ssosetup/ui/keys/KeysView.fxml"));

            // ---- review (issue 6)
            // "Go to step" links go through WizardState.stepNavigatorProperty(), set where the WizardViewModel is built
            ReviewViewModel review = new ReviewViewModel(state,
                    new ReadinessCheck(services.schemaCheck),
                    new ProfileService(services.configFiles), services.configFiles,
                    background, messages, state::goToStep);
            controllers.register(ReviewController.class,
                    () -> new ReviewController(review));
            steps.add(new WizardStep("review", "wizard.step.review", review,
                    "/dev/ssosetup/ui/review/ReviewView.fxml"));

            // ---- push (issue 7)
            // what is pushed is exactly what the Review step renders, and only once it is ready
            Supplier<Optional<DesiredConfiguration>> pushDesired =
                    () -> services.desiredFromModel.ifReady(state.configuration());
            PushViewModel push = new PushViewModel(
                    services.pushGateways,
                    services.pushBackupStores.apply(FileBackupStore.defaultFolder()),
                    services.pushClock, pushDesired, state.pushLockoutEvidenceProperty(),
                    stepId -> state.pushNavigatorProperty().get().accept(stepId), background, messages);
            controllers.register(PushController.class,
                    () -> new PushController(push, messages));
            CrossStepLinks.followServerUrl(state, push.serverUrlProperty()); // issue 16
            state.pushBackupFileProperty().bind(push.backupFileProperty()); // issue 16: the Finish page says where
            steps.add(new WizardStep("push", "wizard.step.push", push, "/dev/ssosetup/ui/push/PushView.fxml"));

            // ---- end
            return steps;
        }

        /** The Finish page: what was set up (from the wizard state) and where the backup is. */
        private dev.ssosetup.ui.wizard.FinishSummary finishSummary() {
            var p = state.providerProperty().get();
            List<java.util.Map.Entry<String, String>> rows = List.of(
                    java.util.Map.entry(messages.get("finish.row.provider"), p.providerName()),
                    java.util.Map.entry(messages.get("finish.row.issuer"), p.issuer()),
                    java.util.Map.entry(messages.get("finish.row.clientId"), p.clientId()),
                    java.util.Map.entry(messages.get("finish.row.server"), p.serverUrl()),
                    java.util.Map.entry(messages.get("finish.row.admins"), String.join(", ", p.adminPrincipals())),
                    java.util.Map.entry(messages.get("finish.row.domain"), p.principalDomain()));
            return new dev.ssosetup.ui.wizard.FinishSummary(rows, state.pushBackupFileProperty().get(), List.of());
        }

        WizardState state() {
            return state;
        }

        Services services() {
            return services;
        }

        Consumer<String> showDocument() {
            return showDocument;
        }

        @Override
        public void close() {
            runner.close();
        }
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "sso-setup-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
