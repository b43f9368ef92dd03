package dev.ssosetup.app;

import dev.ssosetup.cli.DiscoverCommand;
import dev.ssosetup.cli.ExitCodes;
import dev.ssosetup.cli.SsoSetupCommand;
import dev.ssosetup.core.net.HttpGatewayFactory;
import dev.ssosetup.infra.net.JdkHttpGatewayFactory;
import dev.ssosetup.ui.common.ControllerFactory;
import dev.ssosetup.ui.common.Messages;
import dev.ssosetup.ui.common.ViewLoader;
import dev.ssosetup.ui.provider.ProviderController;
import dev.ssosetup.ui.provider.ProviderViewModel;
import dev.ssosetup.ui.task.BackgroundRunner;
import dev.ssosetup.ui.task.FxBackgroundRunner;
import dev.ssosetup.ui.wizard.PlaceholderStepViewModel;
import dev.ssosetup.ui.wizard.WizardController;
import dev.ssosetup.ui.wizard.WizardState;
import dev.ssosetup.ui.wizard.WizardStep;
import dev.ssosetup.ui.wizard.WizardViewModel;
import javafx.scene.Parent;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

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
        // (fully qualified names keep this section's changes inside the section)
        /** The login test use case on the real adapters: HTTP gateway, loopback listener, system browser. */
        dev.ssosetup.core.login.LoginTest loginTest() {
            return new dev.ssosetup.core.login.LoginTest(dev.ssosetup.infra.net.JdkHttpGateway.create(),
                    new dev.ssosetup.infra.login.JdkLoopbackReceiver(),
                    new dev.ssosetup.infra.login.SystemBrowserOpener(), java.time.Clock.systemUTC());
        }

        // ---- keys (issue 5)
        final dev.ssosetup.core.keys.KeysService keys = new dev.ssosetup.core.keys.KeysService(
                new dev.ssosetup.infra.keys.FileSystemKeyFileStore(), new dev.ssosetup.core.keys.JwtKeyGenerator(),
                new dev.ssosetup.core.keys.KeyFileReader(),
                new dev.ssosetup.core.keys.SigningSelfTest(java.time.Clock.systemUTC()));

        // ---- review (issue 6)
        final dev.ssosetup.core.config.ConfigFiles configFiles = new dev.ssosetup.infra.config.LocalConfigFiles();
        final dev.ssosetup.core.config.SchemaCheck schemaCheck = new dev.ssosetup.infra.config.NetworkntSchemaCheck();

        // ---- push (issue 7)
        final dev.ssosetup.core.push.GatewayFactory pushGateways = new dev.ssosetup.infra.push.JdkGatewayFactory();
        final java.util.function.Function<java.nio.file.Path, dev.ssosetup.core.push.BackupStore> pushBackupStores =
                dev.ssosetup.infra.push.FileBackupStore::new;
        final java.time.Clock pushClock = java.time.Clock.systemUTC();

        final dev.ssosetup.core.push.DesiredFromModel desiredFromModel = new dev.ssosetup.core.push.DesiredFromModel(
                new dev.ssosetup.core.config.ReadinessCheck(schemaCheck));

        /** For push/restore: {@code --profile} is opened and rendered exactly as the Review step and render do. */
        dev.ssosetup.cli.PushEnvironment pushEnvironment() {
            return new dev.ssosetup.cli.PushEnvironment(pushGateways, pushBackupStores,
                    dev.ssosetup.infra.push.FileBackupStore.defaultFolder(), pushClock, java.util.Optional.empty(),
                    dev.ssosetup.core.push.LockoutEvidence::none, System.in)
                    .withProfileRenderer(path -> desiredFromModel.from(openProfile(path.toString())).body());
        }

        /** @throws IllegalArgumentException with the reason when the profile is refused */
        dev.ssosetup.core.config.SsoConfiguration openProfile(String path) {
            return switch (new dev.ssosetup.core.config.ProfileService(configFiles).open(path)) {
                case dev.ssosetup.core.config.ProfileLoad.Refused refused ->
                        throw new IllegalArgumentException(refused.reason());
                case dev.ssosetup.core.config.ProfileLoad.Loaded loaded -> loaded.profile().configuration();
            };
        }

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
            cl.addSubcommand("test-login", new dev.ssosetup.cli.TestLoginCommand(services.loginTest()));

            // ---- keys (issue 5)
            cl.addSubcommand(dev.ssosetup.cli.KeysCommand.create(services.keys));

            // ---- review (issue 6)
            cl.addSubcommand(new dev.ssosetup.cli.RenderCommand(services.configFiles, services.schemaCheck));

            // ---- push (issue 7)
            cl.addSubcommand(new dev.ssosetup.cli.PushCommand(services.pushEnvironment()));
            cl.addSubcommand(new dev.ssosetup.cli.RestoreCommand(services.pushEnvironment()));

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
            ControllerFactory controllers = new ControllerFactory();
            ViewLoader views = new ViewLoader(messages, controllers);
            WizardViewModel wizard = new WizardViewModel(steps(background, controllers));
            state.stepNavigatorProperty().set(id -> wizard.goTo(wizard.indexOf(id)));
            state.pushNavigatorProperty().set(state::goToStep);
            dev.ssosetup.ui.wizard.CrossStepLinks.install(state, messages);
            controllers.register(WizardController.class, () -> new WizardController(wizard, views));
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
            var login = new dev.ssosetup.ui.login.LoginTestViewModel(state, background, services.loginTest(),
                    messages);
            controllers.register(dev.ssosetup.ui.login.LoginTestController.class,
                    () -> new dev.ssosetup.ui.login.LoginTestController(login));
            steps.add(new WizardStep("login", "wizard.step.login", login,
                    "/dev/ssosetup/ui/login/LoginTestView.fxml"));

            // ---- keys (issue 5)
            dev.ssosetup.ui.keys.KeysViewModel keysStep = new dev.ssosetup.ui.keys.KeysViewModel(services.keys,
                    background, state, messages);
            controllers.register(dev.ssosetup.ui.keys.KeysController.class, () -> new dev.ssosetup.ui.keys
                    .KeysController(keysStep, new dev.ssosetup.ui.keys.FxKeysDialogs(messages), messages));
            steps.add(new WizardStep("keys", "wizard.step.keys", keysStep, "/dev/ssosetup/ui/keys/KeysView.fxml"));

            // ---- review (issue 6)
            // "Go to step" links go through WizardState.stepNavigatorProperty(), set where the WizardViewModel is built
            dev.ssosetup.ui.review.ReviewViewModel review = new dev.ssosetup.ui.review.ReviewViewModel(state,
                    new dev.ssosetup.core.config.ReadinessCheck(services.schemaCheck),
                    new dev.ssosetup.core.config.ProfileService(services.configFiles), services.configFiles,
                    background, messages, state::goToStep);
            controllers.register(dev.ssosetup.ui.review.ReviewController.class,
                    () -> new dev.ssosetup.ui.review.ReviewController(review));
            steps.add(new WizardStep("review", "wizard.step.review", review,
                    "/dev/ssosetup/ui/review/ReviewView.fxml"));

            // ---- push (issue 7)
            // what is pushed is exactly what the Review step renders, and only once it is ready
            java.util.function.Supplier<java.util.Optional<dev.ssosetup.core.push.DesiredConfiguration>> pushDesired =
                    () -> services.desiredFromModel.ifReady(state.configuration());
            dev.ssosetup.ui.push.PushViewModel push = new dev.ssosetup.ui.push.PushViewModel(
                    services.pushGateways,
                    services.pushBackupStores.apply(dev.ssosetup.infra.push.FileBackupStore.defaultFolder()),
                    services.pushClock, pushDesired, state.pushLockoutEvidenceProperty(),
                    stepId -> state.pushNavigatorProperty().get().accept(stepId), background, messages);
            controllers.register(dev.ssosetup.ui.push.PushController.class,
                    () -> new dev.ssosetup.ui.push.PushController(push, messages));
            steps.add(new WizardStep("push", "wizard.step.push", push, "/dev/ssosetup/ui/push/PushView.fxml"));

            // ---- end
            return steps;
        }

        private static WizardStep placeholder(String id, String titleKey) {
            return new WizardStep(id, titleKey, new PlaceholderStepViewModel(),
                    "/dev/ssosetup/ui/wizard/PlaceholderView.fxml");
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
