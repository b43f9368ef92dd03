package dev.ssosetup.ui.review;

import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.config.ConfigFiles;
import dev.ssosetup.core.config.OutputFormat;
import dev.ssosetup.core.config.Profile;
import dev.ssosetup.core.config.ProfileLoad;
import dev.ssosetup.core.config.ProfileService;
import dev.ssosetup.core.config.Readiness;
import dev.ssosetup.core.config.ReadinessCheck;
import dev.ssosetup.core.config.HelmChartVersion;
import dev.ssosetup.core.config.RenderOptions;
import dev.ssosetup.core.config.RenderedOutput;
import dev.ssosetup.core.config.Renderers;
import dev.ssosetup.core.config.ReviewInputs;
import dev.ssosetup.core.config.ReviewItem;
import dev.ssosetup.core.config.ReviewProblem;
import dev.ssosetup.core.config.ReviewSummary;
import dev.ssosetup.core.config.SsoConfiguration;
import dev.ssosetup.core.config.StepNote;
import dev.ssosetup.core.provider.ProviderSettings;
import dev.ssosetup.ui.common.FileFailureText;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.ui.task.BackgroundRunner;
import dev.ssosetup.ui.task.BackgroundTask;
import dev.ssosetup.ui.wizard.StepViewModel;
import dev.ssosetup.ui.wizard.WizardState;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Review step: builds the one {@link SsoConfiguration} from what earlier steps put into {@link WizardState},
 * renders every format for preview, checks readiness (model rules and OpenMetadata's schema) and lists the open
 * problems with the step that fixes each. Valid only when the configuration is ready. Also saves and opens profiles
 * and saves rendered files, through the runner so that the JavaFX thread never waits on the disk.
 */
public final class ReviewViewModel implements StepViewModel {
    private final WizardState state;
    private final ReadinessCheck readinessCheck;
    private final ProfileService profiles;
    private final ConfigFiles files;
    private final BackgroundRunner runner;
    private final Messages messages;
    private final Consumer<String> navigator;
    private final Renderers renderers = new Renderers();

    private final ReadOnlyObjectWrapper<SsoConfiguration> configuration = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ReviewSummary> summary = new ReadOnlyObjectWrapper<>();
    private final Map<OutputFormat, ReadOnlyStringWrapper> texts = new EnumMap<>(OutputFormat.class);
    private final Map<OutputFormat, ReadOnlyBooleanWrapper> holdsSecret = new EnumMap<>(OutputFormat.class);
    private final ObservableList<ReviewItem> items = FXCollections.observableArrayList();
    // one read-only view per list: a view made per call would drop its listeners once collected
    private final ObservableList<ReviewItem> itemsView = FXCollections.unmodifiableObservableList(items);
    private final ObservableList<ReviewProblem> problems = FXCollections.observableArrayList();
    // one read-only view per list: a view made per call would drop its listeners once collected
    private final ObservableList<ReviewProblem> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ObservableList<StepNote> notes = FXCollections.observableArrayList();
    // one read-only view per list: a view made per call would drop its listeners once collected
    private final ObservableList<StepNote> notesView = FXCollections.unmodifiableObservableList(notes);
    private final BooleanProperty includeSecret = new SimpleBooleanProperty(false);
    private final ObjectProperty<HelmChartVersion> helmChart = new SimpleObjectProperty<>(HelmChartVersion.newest());
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private boolean refreshing;
    private boolean refreshAgain;
    /** Set once the operator has entered the step; until then nothing is checked or rendered. */
    private boolean entered;
    private final ReadOnlyBooleanWrapper statusIsError = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper secretChoiceShown = new ReadOnlyBooleanWrapper(false);

    /** {@code navigator} receives a step id when the operator follows a "Go to step" link. */
    public ReviewViewModel(WizardState state, ReadinessCheck readinessCheck, ProfileService profiles,
                           ConfigFiles files, BackgroundRunner runner, Messages messages, Consumer<String> navigator) {
        this.state = state;
        this.readinessCheck = readinessCheck;
        this.profiles = profiles;
        this.files = files;
        this.runner = runner;
        this.messages = messages;
        this.navigator = navigator;
        for (OutputFormat f : OutputFormat.values()) {
            texts.put(f, new ReadOnlyStringWrapper(""));
            holdsSecret.put(f, new ReadOnlyBooleanWrapper(false));
        }
        // nothing is checked or rendered before the operator first enters the step: the first refresh loads the
        // schema checker and every renderer, work that would otherwise compete with the window's first frame
        // a change of what the outputs are made from also ends a "copied" / "saved" notice: it spoke of the old text
        InvalidationListener refresh = o -> {
            dismissMessage();
            if (entered) {
                refresh();
            }
        };
        state.providerProperty().addListener(refresh);
        state.keysProperty().addListener(refresh);
        state.idpJwksUriProperty().addListener(refresh);
        state.authorizerOptionsProperty().addListener(refresh);
        state.stepFindings().addListener(refresh);
        state.stepNotes().addListener(refresh);
        includeSecret.addListener(refresh);
        helmChart.addListener(refresh);
        state.providerProperty().addListener(o -> showSecretChoice());
        showSecretChoice();
    }

    /**
     * "Include the client secret" is a choice only for a confidential client of a self-hosted OpenMetadata: a public
     * client has no secret and the Collate hand-off never carries it. Hidden, it is also off.
     */
    private void showSecretChoice() {
        ProviderSettings p = state.providerProperty().get();
        boolean shown = p != null && p.clientType() == dev.ssosetup.core.provider.ClientType.CONFIDENTIAL
                && !p.collate();
        secretChoiceShown.set(shown);
        if (!shown) {
            includeSecret.set(false);
        }
    }

    /** Ends the notice ("copied", "saved", a failure): the operator turned to another tab or the text changed. */
    public void dismissMessage() {
        status.set("");
        statusIsError.set(false);
    }

    @Override
    public ObservableBooleanValue validProperty() {
        return ready.getReadOnlyProperty();
    }

    @Override
    public void onEnter() {
        entered = true;
        refresh();
    }

    /**
     * Rebuilds the model from the wizard state, re-checks it and re-renders every preview. The schema check and the
     * five renderings run on the background runner (they take tens of milliseconds, more under load), so typing in
     * another step never waits for them; while one refresh runs, further changes are folded into one more.
     */
    /** Who this session's login test signed in, when it passed with the current settings; empty otherwise. */
    private String passedLoginPrincipal() {
        var result = state.loginResultProperty().get();
        ProviderSettings current = state.providerProperty().get();
        if (!(result instanceof dev.ssosetup.core.login.LoginTestResult.Passed) || !result.matches(current)) {
            return "";
        }
        return dev.ssosetup.core.login.OpenMetadataPreview.of(current, result.claims(), result.userInfo()).userName();
    }

    public void refresh() {
        if (refreshing) {
            refreshAgain = true;
            return;
        }
        refreshing = true;
        refreshAgain = false;
        SsoConfiguration c = state.configuration();
        ReviewInputs inputs = new ReviewInputs(new LinkedHashMap<>(state.stepFindings()),
                List.copyOf(state.stepNotes()));
        RenderOptions options = new RenderOptions(includeSecret.get(), helmChart.get())
                .withLoginTestPrincipal(passedLoginPrincipal()).withMessages(messages);
        runner.execute(BackgroundTask.of("review-refresh", ctx -> {
            Readiness readiness = readinessCheck.evaluate(c);
            ReviewSummary s = ReviewSummary.of(c, inputs, readiness);
            Map<OutputFormat, RenderedOutput> rendered = new EnumMap<>(OutputFormat.class);
            for (OutputFormat f : OutputFormat.values()) {
                rendered.put(f, renderers.render(f, c, options));
            }
            return new Refreshed(c, s, rendered);
        }).onSuccess(r -> {
            configuration.set(r.configuration());
            summary.set(r.summary());
            items.setAll(r.summary().items());
            problems.setAll(r.summary().problems());
            notes.setAll(r.summary().notes());
            ready.set(r.summary().ready());
            r.rendered().forEach((f, out) -> {
                texts.get(f).set(out.text());
                holdsSecret.get(f).set(out.holdsSecret());
            });
            refreshDone();
        }).onFailure(e -> {
            ready.set(false);
            status.set(messages.get("wizard.error.unexpected", e.getMessage()));
            statusIsError.set(true);
            refreshDone();
        }).onCancelled(this::refreshDone));
    }

    private void refreshDone() {
        refreshing = false;
        if (refreshAgain) {
            refresh();
        }
    }

    private record Refreshed(SsoConfiguration configuration, ReviewSummary summary,
                             Map<OutputFormat, RenderedOutput> rendered) {
    }

    /** Follows a problem's link to the exact field that fixes it (issue 16), not only to its step. */
    public void goToProblem(dev.ssosetup.core.config.ReviewProblem problem) {
        navigator.accept(dev.ssosetup.core.push.FieldLocator.forProblem(problem.stepId(), problem.finding().id())
                .toString());
    }

    /** Asks the wizard to show the step with this id (the link next to a problem). */
    public void goToStep(String stepId) {
        navigator.accept(stepId);
    }

    /** Saves the whole wizard state as a profile (never with the secret). */
    public void saveProfile(String path) {
        Profile profile = new Profile(configuration.get(), state.loginTestOptionsProperty().get());
        run("save-profile", () -> {
            profiles.save(path, profile);
            return path;
        }, p -> {
            state.savedProfileProperty().set(new dev.ssosetup.ui.wizard.SavedProfile(p, state.profileSnapshot()));
            ok(messages.get("review.profile.saved", p));
        },
                e -> fail(messages.get("review.profile.saveFailed", path, FileFailureText.of(e, messages))));
    }

    /**
     * Opens a profile and restores every step from it. A refused file changes nothing. The client secret typed in
     * this session is kept when the profile is for the same client; otherwise it must be typed again.
     */
    public void openProfile(String path) {
        run("open-profile", ctx -> profiles.open(path), load -> {
            switch (load) {
                case ProfileLoad.Refused refused -> fail(messages.get("review.profile.refused", messages.text(refused.reason())));
                case ProfileLoad.Loaded loaded -> {
                    apply(loaded.profile(), path);
                    if (loaded.upgraded()) { // issue 18: an older profile says that it was upgraded
                        ok(messages.get("review.profile.upgraded", path, String.join(" ", loaded.notes().stream().map(messages::text).toList())));
                    }
                }
            }
        }, e -> fail(messages.get("review.profile.refused", FileFailureText.of(e, messages))));
    }

    private void apply(Profile profile, String path) {
        boolean needsSecret = state.restore(profile);
        state.savedProfileProperty().set(new dev.ssosetup.ui.wizard.SavedProfile(path, state.profileSnapshot()));
        refresh();
        ok(messages.get(needsSecret ? "review.profile.openedTypeSecret" : "review.profile.opened", path));
    }

    /** The folder file dialogs start in ("" while unknown). */
    public String profileFolder() {
        return state.profileFolderProperty().get();
    }

    /** Saves one rendered format as shown; owner-only when it holds the secret. */
    public void saveOutput(OutputFormat format, String path) {
        String text = texts.get(format).get();
        boolean secret = holdsSecret.get(format).get();
        run("save-output", () -> {
            files.write(path, text, secret);
            return path;
        }, p -> ok(messages.get(secret ? "review.output.savedSecret" : "review.output.saved", p)),
                e -> fail(messages.get("review.output.saveFailed", path, FileFailureText.of(e, messages))));
    }

    /** Tells the operator the text was copied (the view does the clipboard). */
    public void copied(OutputFormat format) {
        ok(messages.get("review.output.copied", format.fileName()));
    }

    private interface IoWork<T> {
        T run() throws IOException;
    }

    private <T> void run(String name, IoWork<T> work, Consumer<T> success, Consumer<Throwable> failure) {
        run(name, (dev.ssosetup.core.task.Work<T>) ctx -> work.run(), success, failure);
    }

    private <T> void run(String name, dev.ssosetup.core.task.Work<T> work, Consumer<T> success,
                         Consumer<Throwable> failure) {
        busy.set(true);
        runner.execute(BackgroundTask.of(name, work)
                .onSuccess(v -> {
                    busy.set(false);
                    success.accept(v);
                })
                .onFailure(e -> {
                    busy.set(false);
                    failure.accept(e);
                })
                .onCancelled(() -> busy.set(false)));
    }

    private void ok(String text) {
        statusIsError.set(false);
        status.set(text);
    }

    private void fail(String text) {
        statusIsError.set(true);
        status.set(text);
    }

    public ReadOnlyStringProperty textProperty(OutputFormat format) {
        return texts.get(format).getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty holdsSecretProperty(OutputFormat format) {
        return holdsSecret.get(format).getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SsoConfiguration> configurationProperty() {
        return configuration.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ReviewSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ObservableList<ReviewItem> items() {
        return itemsView;
    }

    public ObservableList<ReviewProblem> problems() {
        return problemsView;
    }

    public ObservableList<StepNote> notes() {
        return notesView;
    }

    /** The openmetadata Helm chart version the Helm values target (default: the newest known). */
    public ObjectProperty<HelmChartVersion> helmChartProperty() {
        return helmChart;
    }

    public BooleanProperty includeSecretProperty() {
        return includeSecret;
    }

    /** Whether "include the client secret" is offered (a confidential client, self-hosted). */
    public ReadOnlyBooleanProperty secretChoiceShownProperty() {
        return secretChoiceShown.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty statusIsErrorProperty() {
        return statusIsError.getReadOnlyProperty();
    }

    public Messages messages() {
        return messages;
    }
}
