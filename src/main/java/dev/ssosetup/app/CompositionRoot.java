package dev.ssosetup.app;

import dev.ssosetup.cli.ExitCodes;
import dev.ssosetup.cli.SsoSetupCommand;
import dev.ssosetup.ui.common.ControllerFactory;
import dev.ssosetup.ui.common.Messages;
import dev.ssosetup.ui.common.ViewLoader;
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

        // ---- login (issue 4)

        // ---- keys (issue 5)
        final dev.ssosetup.core.keys.KeysService keys = new dev.ssosetup.core.keys.KeysService(
                new dev.ssosetup.infra.keys.FileSystemKeyFileStore(), new dev.ssosetup.core.keys.JwtKeyGenerator(),
                new dev.ssosetup.core.keys.KeyFileReader(),
                new dev.ssosetup.core.keys.SigningSelfTest(java.time.Clock.systemUTC()));

        // ---- review (issue 6)

        // ---- push (issue 7)

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

            // ---- login (issue 4)

            // ---- keys (issue 5)
            cl.addSubcommand(dev.ssosetup.cli.KeysCommand.create(services.keys));

            // ---- review (issue 6)

            // ---- push (issue 7)

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
            controllers.register(WizardController.class, () -> new WizardController(wizard, views));
            return views.load("/dev/ssosetup/ui/wizard/WizardView.fxml");
        }

        private List<WizardStep> steps(BackgroundRunner background, ControllerFactory controllers) {
            List<WizardStep> steps = new ArrayList<>();
            // ---- provider (issue 3)
            steps.add(placeholder("provider", "wizard.step.provider"));

            // ---- login (issue 4)
            steps.add(placeholder("login", "wizard.step.login"));

            // ---- keys (issue 5)
            dev.ssosetup.ui.keys.KeysViewModel keysStep = new dev.ssosetup.ui.keys.KeysViewModel(services.keys,
                    background, state, messages);
            controllers.register(dev.ssosetup.ui.keys.KeysController.class, () -> new dev.ssosetup.ui.keys
                    .KeysController(keysStep, new dev.ssosetup.ui.keys.FxKeysDialogs(messages), messages));
            steps.add(new WizardStep("keys", "wizard.step.keys", keysStep, "/dev/ssosetup/ui/keys/KeysView.fxml"));

            // ---- review (issue 6)
            steps.add(placeholder("review", "wizard.step.review"));

            // ---- push (issue 7)
            steps.add(placeholder("push", "wizard.step.push"));

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
