package dev.ssosetup.ui.wizard;

import dev.ssosetup.core.config.Profile;
import dev.ssosetup.core.config.ProfileLoad;
import dev.ssosetup.core.config.ProfileService;
import dev.ssosetup.core.session.Preferences;
import dev.ssosetup.core.session.SessionService;
import dev.ssosetup.core.session.ThemeChoice;
import dev.ssosetup.ui.common.FileFailureText;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.ui.task.BackgroundRunner;
import dev.ssosetup.ui.task.BackgroundTask;
import javafx.animation.PauseTransition;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The session as a document: which profile file it belongs to, whether it has unsaved changes (the window title
 * says so), File menu actions (new, open, save), the autosaved draft and the preferences. All file work runs on the
 * background runner; the draft is written at most once per {@code autosaveDelay} after the last change.
 */
public final class SessionViewModel {
    private final WizardState state;
    private final SessionService session;
    private final ProfileService profiles;
    private final BackgroundRunner runner;
    private final Messages messages;
    private final Runnable toFirstStep;
    private final PauseTransition autosave;

    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper noticeIsError = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Profile> draftOffer = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> recent = FXCollections.observableArrayList();
    private final ObservableList<String> recentView = FXCollections.unmodifiableObservableList(recent);
    private final ObjectProperty<ThemeChoice> theme = new SimpleObjectProperty<>(ThemeChoice.SYSTEM);
    private final ObjectProperty<dev.ssosetup.core.text.Language> language =
            new SimpleObjectProperty<>(dev.ssosetup.core.text.Language.SYSTEM);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private Preferences preferences = Preferences.defaults();
    private String documentsFolder = "";
    private Profile baseline;
    private boolean draftWritten;
    private boolean loadingPreferences;

    public SessionViewModel(WizardState state, SessionService session, ProfileService profiles,
                            BackgroundRunner runner, Messages messages, Runnable toFirstStep, Duration autosaveDelay) {
        this.state = Objects.requireNonNull(state);
        this.session = Objects.requireNonNull(session);
        this.profiles = Objects.requireNonNull(profiles);
        this.runner = Objects.requireNonNull(runner);
        this.messages = Objects.requireNonNull(messages);
        this.toFirstStep = Objects.requireNonNull(toFirstStep);
        this.autosave = new PauseTransition(autosaveDelay);
        autosave.setOnFinished(e -> writeDraft());
        this.baseline = state.profileSnapshot();
        InvalidationListener changed = o -> recompute();
        state.providerProperty().addListener(changed);
        state.keysProperty().addListener(changed);
        state.idpJwksUriProperty().addListener(changed);
        state.authorizerOptionsProperty().addListener(changed);
        state.loginTestOptionsProperty().addListener(changed);
        state.savedProfileProperty().addListener((o, old, now) -> {
            if (now != null) {
                remember(now.path());
            }
            recompute();
        });
        theme.addListener((o, old, now) -> {
            if (!loadingPreferences) {
                storePreferences(preferences.withTheme(now));
            }
        });
        language.addListener((o, old, now) -> {
            if (!loadingPreferences) {
                storePreferences(preferences.withLanguage(now));
                tell(messages.get("language.nextStart"), false); // the window is built in one language (ADR 0020)
            }
        });
        recompute();
    }

    /** Reads the preferences and looks for a draft left by an earlier session (in the background). */
    public void start() {
        runner.execute(BackgroundTask.of("session-start", ctx ->
                {
                    Preferences p = session.preferences();
                    return new Start(p, session.startFolder(p));
                })
                .onSuccess(s -> {
                    loadingPreferences = true;
                    try {
                        preferences = s.preferences();
                        documentsFolder = s.documentsFolder();
                        state.profileFolderProperty().set(startFolder());
                        recent.setAll(preferences.recentProfiles());
                        theme.set(preferences.theme());
                        language.set(preferences.language());
                    } finally {
                        loadingPreferences = false;
                    }
                }));
    }

    /**
     * Reads the autosaved draft in the background and offers it back when it differs from what the wizard shows. The
     * shell calls it once the window is shown (issue 20, ADR 0034): reading it parses JSON (Jackson's first use),
     * work the first frame does not need.
     */
    public void lookForDraft() {
        runner.execute(BackgroundTask.of("session-draft", ctx -> session.draft())
                .onSuccess(draft -> draft.filter(d -> !d.equals(state.profileSnapshot())).ifPresent(draftOffer::set)));
    }

    private record Start(Preferences preferences, String documentsFolder) {
    }

    private void recompute() {
        SavedProfile saved = state.savedProfileProperty().get();
        Profile reference = saved == null ? baseline : saved.profile();
        boolean changed = !state.profileSnapshot().equals(reference);
        dirty.set(changed);
        if (saved == null && !changed) {
            title.set(messages.get("app.title"));
        } else {
            title.set(messages.get(changed ? "session.title.dirty" : "session.title", documentName()));
        }
        state.profileFolderProperty().set(startFolder());
        if (changed) {
            autosave.playFromStart();
        } else {
            autosave.stop();
            if (draftWritten) {
                dropDraft(() -> { });
            }
        }
    }

    private void writeDraft() {
        if (!dirty.get()) {
            return;
        }
        Profile snapshot = state.profileSnapshot();
        draftWritten = true;
        runner.execute(BackgroundTask.of("session-draft", ctx -> {
            session.saveDraft(snapshot);
            return snapshot;
        }));
    }

    private void dropDraft(Runnable then) {
        draftWritten = false;
        runner.execute(BackgroundTask.of("session-draft-discard", ctx -> {
            session.discardDraft();
            return Boolean.TRUE;
        }).onSuccess(v -> then.run()).onFailure(e -> then.run()).onCancelled(then));
    }

    // ------------------------------------------------------------------ File menu

    /** Saves to the current profile file; false when there is none yet (the caller asks for one: Save as). */
    public boolean save(Runnable then) {
        SavedProfile saved = state.savedProfileProperty().get();
        if (saved == null) {
            return false;
        }
        saveAs(saved.path(), then);
        return true;
    }

    /** Saves the session as a profile at {@code path} (never with the client secret), then runs {@code then}. */
    public void saveAs(String path, Runnable then) {
        Profile snapshot = state.profileSnapshot();
        busy.set(true);
        runner.execute(BackgroundTask.of("session-save", ctx -> {
            profiles.save(path, snapshot);
            session.discardDraft();
            return path;
        }).onSuccess(p -> {
            busy.set(false);
            draftWritten = false;
            state.savedProfileProperty().set(new SavedProfile(p, snapshot));
            say(messages.get("session.saved", p), false);
            then.run();
        }).onFailure(e -> {
            busy.set(false);
            say(messages.get("session.saveFailed", path, FileFailureText.of(e, messages)), true);
        }).onCancelled(() -> busy.set(false)));
    }

    /** Opens a profile and fills every step from it; says what has to be done again. A refused file changes nothing. */
    public void open(String path) {
        busy.set(true);
        runner.execute(BackgroundTask.of("session-open", ctx -> profiles.open(path)).onSuccess(load -> {
            busy.set(false);
            switch (load) {
                case ProfileLoad.Refused refused -> say(messages.get("session.refused", messages.text(refused.reason())), true);
                case ProfileLoad.Loaded loaded -> {
                    draftOffer.set(null);
                    restore(loaded.profile());
                    state.savedProfileProperty().set(new SavedProfile(path, state.profileSnapshot()));
                    // the snapshot after restoring is what the file holds as the steps read it
                }
            }
        }).onFailure(e -> {
            busy.set(false);
            say(messages.get("session.refused", FileFailureText.of(e, messages)), true);
        }).onCancelled(() -> busy.set(false)));
    }

    private void restore(Profile profile) {
        boolean needsSecret = state.restore(profile);
        toFirstStep.run();
        List<String> redo = new ArrayList<>();
        redo.add(messages.get("session.redo.login"));
        redo.add(messages.get("session.redo.keys"));
        if (needsSecret) {
            redo.add(messages.get("session.redo.secret"));
        }
        say(messages.get("session.opened", String.join("; ", redo)), false);
    }

    /** Starts over with an empty session (the caller has asked about unsaved changes). */
    public void newSession() {
        draftOffer.set(null);
        state.reset();
        toFirstStep.run();
        baseline = state.profileSnapshot();
        recompute();
        dropDraft(() -> { });
        say(messages.get("session.new"), false);
    }

    /** Fills every step from the draft offered at start; the session stays unsaved. */
    public void restoreDraft() {
        Profile draft = draftOffer.get();
        if (draft != null) {
            draftOffer.set(null);
            restore(draft);
        }
    }

    /** Throws the offered draft away. */
    public void discardDraft() {
        draftOffer.set(null);
        dropDraft(() -> { });
    }

    /** The operator chose not to save: the draft goes too, then {@code then} runs (for example closing the window). */
    public void discardChanges(Runnable then) {
        autosave.stop();
        dropDraft(then);
    }

    /** Shows nothing any more: the notice was read, or what it spoke about changed. */
    public void clearNotice() {
        notice.set("");
    }

    /** Says something in the notice bar (another part of the window, e.g. Help → Copy diagnostics). */
    public void tell(String text, boolean error) {
        say(text, error);
    }

    // ------------------------------------------------------------------ preferences

    private void remember(String path) {
        storePreferences(preferences.withRecent(path, parent(path)));
        recent.setAll(preferences.recentProfiles());
        state.profileFolderProperty().set(startFolder());
    }

    private void storePreferences(Preferences p) {
        preferences = p;
        runner.execute(BackgroundTask.of("session-preferences", ctx -> {
            session.savePreferences(p);
            return p;
        }));
    }

    /** Where a file dialog starts: the folder last used, else the documents folder (never the working directory). */
    public String startFolder() {
        SavedProfile saved = state.savedProfileProperty().get();
        if (saved != null && !parent(saved.path()).isEmpty()) {
            return parent(saved.path());
        }
        return preferences.lastFolder().isBlank() || preferences.lastFolder().equals(documentsFolder)
                ? documentsFolder : preferences.lastFolder();
    }

    /** The file name the save dialog proposes. */
    public String suggestedFileName() {
        SavedProfile saved = state.savedProfileProperty().get();
        return saved == null ? "sso-setup-profile.json" : fileName(saved.path());
    }

    private void say(String text, boolean error) {
        noticeIsError.set(error);
        notice.set(text);
    }

    static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }

    static String parent(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return slash <= 0 ? "" : path.substring(0, slash);
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty noticeIsErrorProperty() {
        return noticeIsError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Profile> draftOfferProperty() {
        return draftOffer.getReadOnlyProperty();
    }

    public ObservableList<String> recentProfiles() {
        return recentView;
    }

    /** The language chosen in View → Language; it applies from the next start of the app. */
    public ObjectProperty<dev.ssosetup.core.text.Language> languageProperty() {
        return language;
    }

    public ObjectProperty<ThemeChoice> themeProperty() {
        return theme;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The name the close dialog uses for this session. */
    public String documentName() {
        SavedProfile saved = state.savedProfileProperty().get();
        return saved == null ? messages.get("session.untitled") : fileName(saved.path());
    }
}
