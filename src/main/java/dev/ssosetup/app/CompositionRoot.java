package dev.ssosetup.app;

import dev.ssosetup.cli.CliMessages;
import dev.ssosetup.cli.DiagnosticsCommand;
import dev.ssosetup.cli.DiscoverCommand;
import dev.ssosetup.cli.ExitCodes;
import dev.ssosetup.cli.KeysCommand;
import dev.ssosetup.cli.PushCommand;
import dev.ssosetup.cli.PushEnvironment;
import dev.ssosetup.core.push.ServerVersion;
import dev.ssosetup.core.push.TargetForServer;
import dev.ssosetup.core.push.VerdictRequest;
import dev.ssosetup.cli.RenderCommand;
import dev.ssosetup.cli.RestoreCommand;
import dev.ssosetup.cli.SecretCommand;
import dev.ssosetup.cli.SsoSetupCommand;
import dev.ssosetup.cli.TestLoginCommand;
import dev.ssosetup.core.config.ConfigFiles;
import dev.ssosetup.core.config.ProfileLoad;
import dev.ssosetup.core.config.ProfileService;
import dev.ssosetup.core.config.ReadinessCheck;
import dev.ssosetup.core.config.SchemaCheck;
import dev.ssosetup.core.config.SsoConfiguration;
import dev.ssosetup.core.diagnostics.LogSource;
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
import dev.ssosetup.core.secrets.SecretStore;
import dev.ssosetup.infra.config.LocalConfigFiles;
import dev.ssosetup.infra.secrets.SystemSecretStores;
import dev.ssosetup.infra.config.NetworkntSchemaCheck;
import dev.ssosetup.infra.keys.FileSystemKeyFileStore;
import dev.ssosetup.infra.login.JdkLoopbackReceiver;
import dev.ssosetup.infra.login.SystemBrowserOpener;
import dev.ssosetup.infra.net.JdkHttpGatewayFactory;
import dev.ssosetup.infra.push.FileBackupStore;
import dev.ssosetup.ui.common.ControllerFactory;
import dev.ssosetup.core.text.Messages;
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

    /** The command line without a log, in English whatever the system's language (tests that read its words). */
    public static Cli forCli() {
        return forCli(LogSource.none(), Messages.forLocale(java.util.Locale.ENGLISH));
    }

    /** The command line, with the app's log (for {@code diagnostics} and {@code --verbose}), in the system's language. */
    public static Cli forCli(LogSource log) {
        return forCli(log, Messages.load());
    }

    /** The command line in the language of {@code messages} ({@code --lang} switches it). */
    public static Cli forCli(LogSource log, Messages messages) {
        return new Cli(new Services(log), messages);
    }

    /** {@code showDocument} opens a URL with the platform's help (used only as a last resort by features). */
    public static Gui forGui(Consumer<String> showDocument) {
        return forGui(showDocument, LogSource.none());
    }

    public static Gui forGui(Consumer<String> showDocument, LogSource log) {
        return forGui(showDocument, log, Messages.load());
    }

    /** The wizard window in the language of {@code messages} (see {@link #preferredMessages()}). */
    public static Gui forGui(Consumer<String> showDocument, LogSource log, Messages messages) {
        return new Gui(new Services(log), messages, showDocument);
    }

    /**
     * The window's language: the preference (View → Language), else the system's (ADR 0020). Reads the preferences
     * file, so call it off the JavaFX thread (the launcher's {@code init}).
     */
    public static Messages preferredMessages() {
        return preferredMessages(dev.ssosetup.infra.session.ConfigFolderSessionFiles.defaultFolder());
    }

    /** The window's language as the preferences in {@code sessionFolder} choose it. */
    static Messages preferredMessages(Path sessionFolder) {
        return Messages.forLocale(new Services().sessions.apply(sessionFolder).preferences().language().locale());
    }

    /** Infra adapters and core services, shared by the CLI and the GUI. */
    static final class Services {
        // ---- diagnostics (issue 13)
        final LogSource log;

        Services() {
            this(LogSource.none());
        }

        Services(LogSource log) {
            this.log = log;
        }

        // Every service below is built on first use (issue 20, ADR 0034): `sso-setup --version` or `discover` and the
        // window's first frame build only what they use. Lambdas, not constructor references: a reference would
        // load (and verify) the class when the field is initialised.

        // ---- provider (issue 3)
        final Once<HttpGatewayFactory> providerGateways = new Once<>(() -> new JdkHttpGatewayFactory());
        /** The files the operator names (CA bundle, credentials, token and secret files): ui and cli read them here. */
        final dev.ssosetup.core.common.OperatorFiles operatorFiles = new dev.ssosetup.infra.common.LocalOperatorFiles();

        // ---- login (issue 4)
        /** The login test use case on the real adapters: HTTP gateway, loopback listener, system browser. */
        /** The browser tab speaks {@code language}: the window's, or the CLI's after {@code --lang} (ADR 0020). */
        LoginTest loginTest(Supplier<Messages> language) {
            return new LoginTest(providerGateways.get(), // the provider's CA bundle applies to the login test too
                    new JdkLoopbackReceiver(language),
                    new SystemBrowserOpener(), Clock.systemUTC());
        }

        // ---- keys (issue 5)
        final Once<KeysService> keys = new Once<>(() -> new KeysService(
                new FileSystemKeyFileStore(), new JwtKeyGenerator(),
                // a lambda, not KeyFileReader::new: a constructor reference would load (and so verify) the class now
                () -> new KeyFileReader(), // built on first use (BouncyCastle's signed jars are slow to verify)
                new SigningSelfTest(Clock.systemUTC())));

        // ---- review (issue 6)
        final Once<ConfigFiles> configFiles = new Once<>(() -> new LocalConfigFiles());
        final Once<SchemaCheck> schemaCheck = new Once<>(() -> new NetworkntSchemaCheck());

        // ---- push (issue 7)
        final Once<HttpGatewayFactory> pushGateways = providerGateways; // one factory: platform CAs + a PEM bundle
        /** Backup files whose notes for the operator are in the operator's language. */
        final Function<Messages, Function<Path, BackupStore>> pushBackupStores =
                language -> folder -> new FileBackupStore(folder, language);
        final Clock pushClock = Clock.systemUTC();

        final Once<DesiredFromModel> desiredFromModel = new Once<>(() -> new DesiredFromModel(
                new ReadinessCheck(schemaCheck.get())));

        /** For push/restore: {@code --profile} is opened and rendered exactly as the Review step and render do. */
        /** {@code language}: the browser tab's of {@code push --login}. */
        PushEnvironment pushEnvironment(Supplier<Messages> language) {
            return new PushEnvironment(pushGateways.get(), folder -> pushBackupStores.apply(language.get()).apply(folder),
                    FileBackupStore.defaultFolder(), pushClock, Optional.empty(),
                    LockoutEvidence::none, System.in, operatorFiles)
                    .withProfileRenderer(path -> desiredFromModel.get().from(openProfile(path.toString())).body())
                    .withExtras(new PushEnvironment.Extras(Optional.of(this::renderProfileFor),
                            Optional.of(loginTest(language))));
        }

        /** {@code push --profile}: the profile rendered for the server's version, with the notes to show. */
        PushEnvironment.TargetedProfile renderProfileFor(Path path, ServerVersion server) {
            ProfileLoad.Loaded loaded = switch (new ProfileService(configFiles.get()).open(path.toString())) {
                case ProfileLoad.Refused refused -> throw new PushEnvironment.ProfileRefused(refused.reason());
                case ProfileLoad.Loaded l -> l;
            };
            if (loaded.profile().configuration().provider().collate()) { // issue 19 C
                throw new PushEnvironment.ProfileRefused(dev.ssosetup.core.text.Text.of("cli.push.collateProfile"));
            }
            TargetForServer.Retargeted r = TargetForServer.retarget(loaded.profile().configuration(), server);
            List<Object> notes = new ArrayList<>(loaded.notes()); // Text, rendered in the CLI's language
            r.note().ifPresent(notes::add);
            return new PushEnvironment.TargetedProfile(desiredFromModel.get().from(r.configuration()).body(),
                    r.configuration().provider(), r.configuration().keys().keyId(), notes);
        }

        /** @throws IllegalArgumentException with the reason when the profile is refused */
        SsoConfiguration openProfile(String path) {
            return switch (new ProfileService(configFiles.get()).open(path)) {
                case ProfileLoad.Refused refused ->
                        throw new PushEnvironment.ProfileRefused(refused.reason());
                case ProfileLoad.Loaded loaded -> loaded.profile().configuration();
            };
        }

        // ---- keychain (issue 14)
        /** The system keychain, looked at on first use only (a command without keychain flags never touches D-Bus). */
        private SecretStore keychain;

        synchronized SecretStore keychain() {
            if (keychain == null) {
                keychain = SystemSecretStores.forThisProcess();
            }
            return keychain;
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
        private final Messages messages;

        Cli(Services services, Messages messages) {
            this.services = services;
            this.messages = messages;
        }

        /** The names of the subcommands, in the order {@code --help} lists them (checked against the tree by a test). */
        static final List<String> SUBCOMMANDS = List.of("discover", "test-login", "keys", "render", "push", "restore",
                "secret", "diagnostics");

        /** The whole command tree. */
        public CommandLine commandLine() {
            return commandLine((String) null);
        }

        /**
         * The command tree {@code args} need (issue 20, ADR 0034): when the first argument names a subcommand, the root
         * with that subcommand alone (picocli builds the model of every command it is given, by reflection; a
         * subcommand's parsing, help and errors never look at its siblings); otherwise the whole tree.
         */
        public CommandLine commandLineFor(String... args) {
            return commandLine(args.length > 0 && SUBCOMMANDS.contains(args[0]) ? args[0] : null);
        }

        /** {@code only}: the one subcommand to add; null: all of them. */
        private CommandLine commandLine(String only) {
            // one language for the whole tree: the system's (or the caller's), switched by --lang (ADR 0020)
            CliMessages text = new CliMessages(messages, Messages::forLocale);
            CommandLine cl = new CommandLine(new SsoSetupCommand(text, services.log::verbose));
            java.util.function.Predicate<String> wanted = name -> only == null || only.equals(name);
            // ---- provider (issue 3)
            if (wanted.test("discover")) {
                cl.addSubcommand("discover", new DiscoverCommand(services.providerGateways.get(),
                        services.operatorFiles, text));
            }

            // ---- login (issue 4)
            if (wanted.test("test-login")) {
                cl.addSubcommand("test-login", new TestLoginCommand(services.loginTest(text::messages),
                        services.operatorFiles, services::keychain, text));
            }

            // ---- keys (issue 5)
            if (wanted.test("keys")) {
                cl.addSubcommand(KeysCommand.create(services.keys.get(), text));
            }

            // ---- review (issue 6)
            if (wanted.test("render")) {
                cl.addSubcommand(new RenderCommand(services.configFiles.get(), services.operatorFiles,
                        services.schemaCheck.get(), services::keychain, text));
            }

            // ---- push (issue 7)
            if (wanted.test("push")) {
                cl.addSubcommand(new PushCommand(services.pushEnvironment(text::messages), services::keychain, text));
            }
            if (wanted.test("restore")) {
                cl.addSubcommand(new RestoreCommand(services.pushEnvironment(text::messages), services::keychain,
                        text));
            }

            // ---- keychain (issue 14)
            if (wanted.test("secret")) {
                cl.addSubcommand(SecretCommand.create(services::keychain, System.in, text));
            }

            // ---- diagnostics (issue 13)
            if (wanted.test("diagnostics")) {
                cl.addSubcommand(new DiagnosticsCommand(services.log));
            }

            // ---- end
            cl.setExecutionStrategy(parseResult -> {
                // which command ran, never its arguments (they name files, but keep the log free of anything typed)
                CommandLine.ParseResult last = parseResult;
                while (last.hasSubcommand()) {
                    last = last.subcommand();
                }
                logCommand(last.commandSpec().qualifiedName(" "));
                return new CommandLine.RunLast().execute(parseResult);
            });
            cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
                // an operator never sees a stack trace: say what failed, in one line; the trace goes to the log
                System.getLogger(CompositionRoot.class.getName()).log(System.Logger.Level.ERROR,
                        "command '" + commandLine.getCommandName() + "' failed", ex);
                // the message goes through the log's redaction too: a library may have quoted a secret into it
                String what = ex.getMessage() == null ? ex.getClass().getSimpleName()
                        : dev.ssosetup.core.diagnostics.LogRedaction.redact(ex.getMessage());
                commandLine.getErr().println(text.get("cli.failed", what));
                String log = services.log.location();
                if (!log.isBlank()) {
                    commandLine.getErr().println(text.get("cli.failed.log", log));
                }
                return ExitCodes.FAILED;
            });
            cl.setParameterExceptionHandler(new dev.ssosetup.cli.ParseErrors(text)); // picocli's errors, translated
            cl.setResourceBundle(messages.bundle()); // the help in the same language as the rest
            return cl;
        }

        Services services() {
            return services;
        }

        /** Logs which command ran, never its arguments. */
        private static void logCommand(String name) {
            System.getLogger(CompositionRoot.class.getName()).log(System.Logger.Level.INFO,
                    name + " (" + dev.ssosetup.cli.VersionProvider.version() + ", Java " + Runtime.version() + ")");
        }

        /** True for {@code sso-setup --version} (or {@code -V}) alone: {@link #version} answers it without picocli. */
        static boolean versionOnly(String... args) {
            return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
        }

        /**
         * {@code sso-setup --version} without building the command tree (issue 20, ADR 0034): the same lines, log
         * entry and exit code as picocli's standard {@code --version}.
         */
        static int version(java.io.PrintStream out) {
            logCommand("sso-setup");
            for (String line : new dev.ssosetup.cli.VersionProvider().getVersion()) {
                out.println(line);
            }
            out.flush();
            return ExitCodes.OK;
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
            StartupTimeline.mark("steps-built");
            // ---- Collate (hosted), issue 19 C: no Keys and no Push; Review is the last step (the hand-off)
            var collate = javafx.beans.binding.Bindings.createBooleanBinding(
                    () -> state.providerProperty().get().collate(), state.providerProperty());
            wizard.skipWhile("keys", collate);
            wizard.skipWhile("push", collate);
            // "step" or "step/field" (core.push.WizardLocation): the field is focused there (issue 16)
            state.stepNavigatorProperty().set(id -> {
                var location = dev.ssosetup.core.push.WizardLocation.parse(id);
                wizard.goTo(wizard.indexOf(location.stepId()), location.fieldId());
            });
            state.pushNavigatorProperty().set(state::goToStep);
            CrossStepLinks.install(state, messages);
            // ---- session (issue 16): built after the steps, so that its baseline is what they publish at start
            dev.ssosetup.ui.wizard.SessionViewModel session = new dev.ssosetup.ui.wizard.SessionViewModel(state,
                    services.sessions.apply(sessionFolder), new ProfileService(services.configFiles.get()), background,
                    messages, () -> wizard.goTo(0), autosaveDelay);
            // ---- diagnostics (issue 13): Help → Copy diagnostics, the same report as `sso-setup diagnostics`
            dev.ssosetup.ui.wizard.HelpViewModel help = new dev.ssosetup.ui.wizard.HelpViewModel(background,
                    () -> state.configuration().provider().openMetadataVersion().label(),
                    target -> dev.ssosetup.core.diagnostics.Diagnostics.collect(
                            dev.ssosetup.cli.VersionProvider.version(), target, services.log).text(),
                    messages, session::tell);
            controllers.register(WizardController.class, () -> new WizardController(wizard, views, session, dialogs)
                    .withFinishSummary(this::finishSummary).withHelp(help));
            StartupTimeline.mark("session-built");
            return views.load("/dev/ssosetup/ui/wizard/WizardView.fxml");
        }

        private List<WizardStep> steps(BackgroundRunner background, ControllerFactory controllers) {
            List<WizardStep> steps = new ArrayList<>();
            // ---- provider (issue 3)
            ProviderViewModel provider = new ProviderViewModel(state, background, services.providerGateways.get(),
                    services.operatorFiles, messages, services.keychain()); // the keychain (issue 14): looked at in background tasks only
            controllers.register(ProviderController.class, () -> new ProviderController(provider, messages));
            steps.add(new WizardStep("provider", "wizard.step.provider", provider,
                    "/dev/ssosetup/ui/provider/ProviderView.fxml"));

            // The other steps' view models are built on first use (issue 20, ADR 0034): when the step is entered or
            // its view is preloaded after the first frame. Their controllers take them from the same Once.

            // ---- login (issue 4)
            Once<LoginTestViewModel> login = new Once<>(() -> new LoginTestViewModel(state, background,
                    services.loginTest(() -> messages), services.operatorFiles, messages));
            controllers.register(LoginTestController.class,
                    () -> new LoginTestController(login.get()));
            steps.add(WizardStep.lazy("login", "wizard.step.login", login,
                    "/dev/ssosetup/ui/login/LoginTestView.fxml"));

            // ---- keys (issue 5)
            Once<KeysViewModel> keysStep = new Once<>(() -> new KeysViewModel(services.keys.get(),
                    background, state, messages));
            controllers.register(KeysController.class, () -> new KeysController(keysStep.get(),
                    keysDialogs != null ? keysDialogs : new FxKeysDialogs(messages), messages));
            steps.add(WizardStep.lazy("keys", "wizard.step.keys", keysStep, "/dev/ssosetup/ui/keys/KeysView.fxml"));

            // ---- review (issue 6)
            // "Go to step" links go through WizardState.stepNavigatorProperty(), set where the WizardViewModel is built
            Once<ReviewViewModel> review = new Once<>(() -> new ReviewViewModel(state,
                    new ReadinessCheck(services.schemaCheck.get()),
                    new ProfileService(services.configFiles.get()), services.configFiles.get(),
                    background, messages, state::goToStep));
            controllers.register(ReviewController.class,
                    () -> new ReviewController(review.get()));
            steps.add(WizardStep.lazy("review", "wizard.step.review", review,
                    "/dev/ssosetup/ui/review/ReviewView.fxml"));

            // ---- push (issue 7)
            Once<PushViewModel> push = new Once<>(() -> pushStep(background));
            controllers.register(PushController.class,
                    () -> new PushController(push.get(), messages));
            steps.add(WizardStep.lazy("push", "wizard.step.push", push, "/dev/ssosetup/ui/push/PushView.fxml"));

            // ---- end
            return steps;
        }

        /** The Push step's view model and its links to the wizard state (built on first use). */
        private PushViewModel pushStep(BackgroundRunner background) {
            // what is pushed is exactly what the Review step renders, and only once it is ready
            Supplier<Optional<DesiredConfiguration>> pushDesired =
                    () -> services.desiredFromModel.get().ifReady(state.configuration());
            PushViewModel push = new PushViewModel(
                    services.pushGateways.get(), services.operatorFiles,
                    services.pushBackupStores.apply(messages).apply(FileBackupStore.defaultFolder()),
                    services.pushClock, pushDesired, state.pushLockoutEvidenceProperty(),
                    stepId -> state.pushNavigatorProperty().get().accept(stepId), background, messages,
                    services.keychain());
            // issue 18: the login test's ID token (memory only) for the server's own verdict, the Keys step's key id
            push.useContext(() -> {
                var loginResult = state.loginResultProperty().get();
                return loginResult == null ? VerdictRequest.none().with(state.configuration().keys().keyId(), "")
                        : new VerdictRequest(loginResult.idToken(), state.pushLockoutEvidenceProperty().get())
                        .with(state.configuration().keys().keyId(), loginResult.attempt().redirectUri());
            });
            CrossStepLinks.followServerUrl(state, push.connection().serverUrlProperty()); // issue 16
            state.pushBackupFileProperty().bind(push.results().backupFileProperty()); // issue 16: the Finish page says where
            pushChecklist = push.results().checklist(); // issue 16: and lists the post-push checklist
            return push;
        }

        /** The Keys step's file and folder questions; null: the native dialogs. */
        private dev.ssosetup.ui.keys.KeysDialogs keysDialogs;

        /**
         * Answers the Keys step's file and folder questions without native dialogs (tests and benchmarks that walk
         * the whole wizard: the keys must be exported before Keys lets them go on). Call before {@code wizardView}.
         */
        public Gui keysDialogs(dev.ssosetup.ui.keys.KeysDialogs dialogs) {
            this.keysDialogs = dialogs;
            return this;
        }

        /** The Push step's post-push checklist (OpenMetadata's production notes), for the Finish page. */
        private List<dev.ssosetup.core.push.ChecklistItem> pushChecklist;

        /** The Finish page: what was set up (from the wizard state), where the backup is, the post-push checklist. */
        private dev.ssosetup.ui.wizard.FinishSummary finishSummary() {
            return dev.ssosetup.ui.wizard.FinishSummary.of(state.providerProperty().get(),
                    state.pushBackupFileProperty().get(), pushChecklist == null ? List.of() : pushChecklist, messages);
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

    /** A value built on first use, then kept (the services of {@link Services}). */
    static final class Once<T> implements Supplier<T> {
        private Supplier<? extends T> make;
        private T value;

        Once(Supplier<? extends T> make) {
            this.make = make;
        }

        @Override
        public synchronized T get() {
            if (make != null) {
                value = java.util.Objects.requireNonNull(make.get());
                make = null;
            }
            return value;
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
