package dev.ssosetup.ui.keys;

import dev.ssosetup.core.keys.JwtKeyGenerator;
import dev.ssosetup.core.keys.JwtKeySettings;
import dev.ssosetup.core.keys.KeyExport;
import dev.ssosetup.core.keys.KeyFingerprints;
import dev.ssosetup.core.keys.KeyPassword;
import dev.ssosetup.core.keys.KeyProblem;
import dev.ssosetup.core.keys.KeySettingsCheck;
import dev.ssosetup.core.keys.KeySize;
import dev.ssosetup.core.keys.KeysService;
import dev.ssosetup.core.keys.PublicKeyEntry;
import dev.ssosetup.core.keys.RsaKeyPair;
import dev.ssosetup.core.keys.SelfTestResult;
import dev.ssosetup.core.provider.ProviderSettings;
import dev.ssosetup.core.task.Work;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.ui.task.BackgroundRunner;
import dev.ssosetup.ui.task.BackgroundTask;
import dev.ssosetup.ui.task.TaskStatus;
import dev.ssosetup.ui.wizard.StepViewModel;
import dev.ssosetup.ui.wizard.WizardState;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The Keys step: a key pair (generated or imported), its key id and issuer, export to a folder, rotation with previous
 * public keys, and the signing self-test. All crypto and file work goes through {@link KeysService} on the
 * {@link BackgroundRunner}; this class does no I/O itself. Publishes {@link JwtKeySettings} to the wizard state.
 */
public final class KeysViewModel implements StepViewModel {
    /** OpenMetadata's own default issuer, used while the provider step has no server URL. */
    static final String DEFAULT_ISSUER = "open-metadata.org";

    /** How a message should look. */
    public enum Severity { INFO, WARNING, ERROR }

    private final KeysService service;
    private final BackgroundRunner runner;
    private final WizardState state;
    private final Messages messages;

    private final ObjectProperty<KeySize> size = new SimpleObjectProperty<>(KeySize.defaultSize());
    private final StringProperty keyId = new SimpleStringProperty(JwtKeyGenerator.newKeyId());
    private final StringProperty issuer = new SimpleStringProperty("");
    private final StringProperty serverPrivatePath = new SimpleStringProperty(JwtKeySettings.DEFAULT_PRIVATE_KEY_PATH);
    private final StringProperty serverPublicPath = new SimpleStringProperty(JwtKeySettings.DEFAULT_PUBLIC_KEY_PATH);
    private final ReadOnlyObjectWrapper<RsaKeyPair> pair = new ReadOnlyObjectWrapper<>();
    private final StringProperty source = new SimpleStringProperty("");
    private final StringProperty fingerprint = new SimpleStringProperty("");
    private final StringProperty thumbprint = new SimpleStringProperty("");
    private final StringProperty keyIdError = new SimpleStringProperty("");
    private final StringProperty issuerError = new SimpleStringProperty("");
    /** Busy, progress, the step the work names, cancel; failures and cancels said on the status line (ADR 0033). */
    private final TaskStatus task;
    private final StringProperty status = new SimpleStringProperty("");
    private final ObjectProperty<Severity> statusSeverity = new SimpleObjectProperty<>(Severity.INFO);
    private final StringProperty selfTest = new SimpleStringProperty("");
    private final ObjectProperty<Boolean> selfTestPassed = new SimpleObjectProperty<>();
    private final BooleanProperty encryptPem = new SimpleBooleanProperty();
    private final BooleanProperty rotationWarning = new SimpleBooleanProperty();
    private final BooleanProperty exported = new SimpleBooleanProperty();
    private final StringProperty passwordRequest = new SimpleStringProperty("");
    private final ObservableList<PublicKeyEntry> previous = FXCollections.observableArrayList();
    private final BooleanBinding valid;
    /** A key pair and valid settings: ready to export (and to self-test), not yet to move on. */
    private final BooleanBinding ready;
    /** True once the current pair is in files: exported, or imported from files the operator already has. */
    private final BooleanProperty onDisk = new SimpleBooleanProperty();
    private final javafx.beans.binding.StringBinding nextBlocked;
    private boolean issuerEdited;
    private boolean settingIssuer;
    private String pendingPrivate;
    private String pendingPublic;

    public KeysViewModel(KeysService service, BackgroundRunner runner, WizardState state, Messages messages) {
        this.service = Objects.requireNonNull(service);
        this.runner = Objects.requireNonNull(runner);
        this.state = Objects.requireNonNull(state);
        this.messages = Objects.requireNonNull(messages);
        this.task = new TaskStatus(runner, messages, (severity, text) -> report(severity == TaskStatus.Severity.ERROR
                ? Severity.ERROR : Severity.WARNING, text), messages.get("keys.status.cancelled"))
                .knownFailures(e -> e instanceof KeyProblem p ? Optional.of(messages.text(p.text())) : Optional.empty());
        issuer.addListener((obs, old, now) -> {
            if (!settingIssuer) {
                issuerEdited = true;
            }
        });
        keyId.addListener((obs, old, now) -> onIdentityChanged(true));
        issuer.addListener((obs, old, now) -> onIdentityChanged(false));
        serverPrivatePath.addListener((obs, old, now) -> publish());
        serverPublicPath.addListener((obs, old, now) -> publish());
        previous.addListener((javafx.collections.ListChangeListener<PublicKeyEntry>) c -> {
            rotationWarning.set(!previous.isEmpty() || rotationWarning.get());
            rerunSelfTest();
        });
        ready = Bindings.createBooleanBinding(() -> pair.get() != null && keyIdError.get().isEmpty()
                        && issuerError.get().isEmpty() && !keyId.get().isBlank() && !issuer.get().isBlank(),
                pair, keyIdError, issuerError, keyId, issuer);
        // Next only once the server can get the keys: exported here, or imported from files the operator keeps
        valid = ready.and(onDisk);
        nextBlocked = Bindings.createStringBinding(() -> pair.get() == null ? messages.get("keys.next.noPair")
                : !ready.get() ? messages.get("keys.next.fixFields")
                : !onDisk.get() ? messages.get("keys.next.notSaved") : "", pair, ready, onDisk);
        applyProviderIssuer(state.providerProperty().get());
        state.providerProperty().addListener((obs, old, now) -> applyProviderIssuer(now));
        validate();
    }

    @Override
    public ObservableBooleanValue validProperty() {
        return valid;
    }

    @Override
    public void onEnter() {
        applyProviderIssuer(state.providerProperty().get());
    }

    /** Leaving with a key that exists only in memory: remind the operator, since closing the window would lose it. */
    @Override
    public void onLeave() {
        if (pair.get() != null && !exported.get()) {
            report(Severity.WARNING, messages.get("keys.status.notExported"));
        }
    }

    // ---------------------------------------------------------------- actions

    /** Replaces the key id with a fresh random UUID. */
    public void newKeyId() {
        keyId.set(JwtKeyGenerator.newKeyId());
    }

    /** Generates a key pair of the chosen size in the background. */
    public void generate() {
        if (task.isBusy()) {
            return;
        }
        KeySize bits = size.get();
        boolean replacing = pair.get() != null;
        start("keys-generate", ctx -> service.generate(bits, ctx), generated -> {
            setPair(generated, messages.get("keys.source.generated", generated.bits()));
            if (replacing) {
                rotationWarning.set(true);
            }
            report(Severity.INFO, messages.get("keys.status.generated", generated.bits()));
        }, messages.get("keys.progress.generating", bits.bits()));
    }

    /** Imports a private key (and optionally its public key); asks for a password through {@link #passwordRequestProperty()}. */
    public void importKeys(String privatePath, String publicPath, char[] password) {
        if (task.isBusy() || privatePath == null || privatePath.isBlank()) {
            clear(password);
            return;
        }
        KeyPassword pw = password == null ? null : KeyPassword.of(password);
        clear(password);
        boolean replacing = pair.get() != null;
        pendingPrivate = privatePath;
        pendingPublic = publicPath;
        start("keys-import", ctx -> {
            try {
                return service.importPair(privatePath, publicPath, pw, ctx);
            } finally {
                if (pw != null) {
                    pw.clear();
                }
            }
        }, imported -> {
            passwordRequest.set("");
            setPair(imported, messages.get("keys.source.imported", imported.bits(), privatePath));
            onDisk.set(true); // the operator's own key files: already where they keep them
            if (replacing) {
                rotationWarning.set(true);
            }
            report(Severity.INFO, messages.get("keys.status.imported", imported.bits()));
        }, e -> {
            if (e instanceof KeyProblem p && (p.kind() == KeyProblem.Kind.PASSWORD_REQUIRED
                    || p.kind() == KeyProblem.Kind.WRONG_PASSWORD)) {
                passwordRequest.set("");
                passwordRequest.set(privatePath);
            }
        }, messages.get("keys.progress.importing"));
    }

    /** Repeats the last import with the password the operator typed. */
    public void retryImportWithPassword(char[] password) {
        if (pendingPrivate != null) {
            importKeys(pendingPrivate, pendingPublic, password);
        } else {
            clear(password);
        }
    }

    /** The export files that already exist in {@code folder}: the view asks before overwriting them. */
    public List<String> existingFiles(String folder) {
        try {
            return service.conflicts(folder, encryptPem.get());
        } catch (KeyProblem e) {
            fail(e);
            return List.of();
        }
    }

    /**
     * Exports every file to {@code folder}. With the encrypted PEM chosen, {@code password} and {@code confirmation}
     * must match; both arrays are wiped. Returns false when the input is refused before any work starts.
     */
    public boolean export(String folder, boolean overwrite, char[] password, char[] confirmation) {
        RsaKeyPair keys = pair.get();
        if (keys == null || task.isBusy() || !ready.get()) {
            clear(password);
            clear(confirmation);
            report(Severity.ERROR, messages.get("keys.export.notReady"));
            return false;
        }
        KeyPassword pem = null;
        if (encryptPem.get()) {
            try {
                pem = KeyPassword.confirmed(password, confirmation);
            } catch (KeyProblem e) {
                fail(e);
                return false;
            }
        } else {
            clear(password);
            clear(confirmation);
        }
        KeyExport export = new KeyExport(folder, keys, settings(), List.copyOf(previous), pem, messages);
        start("keys-export", ctx -> service.export(export, overwrite, ctx),
                written -> {
                    exported.set(true);
                    onDisk.set(true);
                    source.set(messages.get("keys.source.saved", keys.bits(), folder));
                    report(Severity.INFO, messages.get("keys.status.exported", written.size(), folder));
                }, messages.get("keys.progress.exporting"));
        return true;
    }

    /** Adds previous public keys (a public key file or a jwks.json) for rotation. */
    public void addPrevious(String path) {
        if (task.isBusy() || path == null || path.isBlank()) {
            return;
        }
        start("keys-previous", ctx -> service.readPublicKeys(path, ctx), entries -> {
                    RsaKeyPair current = pair.get();
                    String currentThumb = current == null ? "" : KeyFingerprints.thumbprint(current.publicKey());
                    int added = 0;
                    for (PublicKeyEntry e : entries) {
                        String t = KeyFingerprints.thumbprint(e.publicKey());
                        boolean known = t.equals(currentThumb) || previous.stream()
                                .anyMatch(p -> KeyFingerprints.thumbprint(p.publicKey()).equals(t));
                        if (!known) {
                            previous.add(e);
                            added++;
                        }
                    }
                    report(Severity.WARNING, messages.get("keys.status.previousAdded", added));
                }, messages.get("keys.progress.reading"));
    }

    /** How a previous key is listed: its key id and fingerprint. */
    public String describePrevious(PublicKeyEntry entry) {
        return messages.get("keys.rotation.entry", entry.keyId(), KeyFingerprints.sha256(entry.publicKey()));
    }

    public void removePrevious(PublicKeyEntry entry) {
        previous.remove(entry);
    }

    /** Stops the running work; the window shows "cancelled" at once. */
    public void cancel() {
        task.cancel();
    }

    /** Runs the signing self-test again (it runs after every generate or import on its own). */
    public void runSelfTest() {
        RsaKeyPair keys = pair.get();
        if (keys == null || !ready.get()) {
            selfTest.set(messages.get("keys.selftest.notYet"));
            selfTestPassed.set(null);
            return;
        }
        JwtKeySettings settings = settings();
        List<PublicKeyEntry> prev = List.copyOf(previous);
        runner.execute(BackgroundTask.of("keys-selftest", ctx -> service.selfTest(keys, settings, prev))
                .onSuccess(this::showSelfTest)
                .onFailure(e -> {
                    selfTestPassed.set(false);
                    selfTest.set(messages.get("keys.selftest.failed", message(e)));
                }));
    }

    // ---------------------------------------------------------------- internals

    /** Runs {@code work}; a failure or a cancel is said on the status line. */
    private <T> void start(String name, Work<T> work, Consumer<T> success, String message) {
        start(name, work, success, e -> { }, message);
    }

    /** Runs {@code work}; a failure is said on the status line first, then {@code afterFailure} runs. */
    private <T> void start(String name, Work<T> work, Consumer<T> success, Consumer<Throwable> afterFailure,
                           String message) {
        report(Severity.INFO, "");
        task.task(name, work).saying(message).onSuccess(success).afterFailure(afterFailure).start();
    }

    private void setPair(RsaKeyPair keys, String from) {
        exported.set(false);
        onDisk.set(false);
        pair.set(keys);
        source.set(from);
        fingerprint.set(KeyFingerprints.sha256(keys.publicKey()));
        thumbprint.set(KeyFingerprints.thumbprint(keys.publicKey()));
        publish();
        runSelfTest();
    }

    private void showSelfTest(SelfTestResult result) {
        selfTestPassed.set(result.passed());
        if (result.passed()) {
            selfTest.set(messages.get("keys.selftest.passed", settings().keyId()));
        } else {
            selfTest.set(messages.get("keys.selftest.failed", result.checks().stream()
                    .filter(c -> !c.passed()).map(c -> messages.text(c.detail())).toList()));
        }
    }

    private void rerunSelfTest() {
        if (pair.get() != null) {
            runSelfTest();
        }
    }

    private void fail(Throwable e) {
        report(Severity.ERROR, message(e));
    }

    private String message(Throwable e) {
        return e instanceof KeyProblem p ? messages.text(p.text()) : TaskStatus.unexpected(messages, e);
    }

    private void report(Severity severity, String text) {
        statusSeverity.set(severity);
        status.set(text);
    }

    private void onIdentityChanged(boolean keyIdChanged) {
        validate();
        if (keyIdChanged && pair.get() != null) {
            rotationWarning.set(true);
        }
        publish();
        rerunSelfTest();
    }

    private void validate() {
        keyIdError.set(KeySettingsCheck.checkKeyId(keyId.get()).map(messages::text).orElse(""));
        issuerError.set(KeySettingsCheck.checkIssuer(issuer.get()).map(messages::text).orElse(""));
    }

    private void applyProviderIssuer(ProviderSettings provider) {
        if (issuerEdited) {
            return;
        }
        settingIssuer = true;
        try {
            issuer.set(hostOf(provider == null ? "" : provider.serverUrl()));
        } finally {
            settingIssuer = false;
        }
    }

    /** The host of OpenMetadata's server URL, OpenMetadata's default issuer when there is none. */
    static String hostOf(String serverUrl) {
        if (serverUrl == null || serverUrl.isBlank()) {
            return DEFAULT_ISSUER;
        }
        try {
            String host = URI.create(serverUrl.strip()).getHost();
            return host == null || host.isBlank() ? DEFAULT_ISSUER : host;
        } catch (IllegalArgumentException e) {
            return DEFAULT_ISSUER;
        }
    }

    /** The settings for OpenMetadata's {@code jwtTokenConfiguration}. */
    public JwtKeySettings settings() {
        return new JwtKeySettings(serverPrivatePath.get().strip(), serverPublicPath.get().strip(),
                issuer.get().strip(), keyId.get().strip());
    }

    private void publish() {
        if (pair.get() != null) {
            state.keysProperty().set(settings());
        }
    }

    private static void clear(char[] chars) {
        if (chars != null) {
            Arrays.fill(chars, '\0');
        }
    }

    // ---------------------------------------------------------------- properties

    public ObjectProperty<KeySize> sizeProperty() {
        return size;
    }

    public StringProperty keyIdProperty() {
        return keyId;
    }

    public StringProperty issuerProperty() {
        return issuer;
    }

    public StringProperty serverPrivatePathProperty() {
        return serverPrivatePath;
    }

    public StringProperty serverPublicPathProperty() {
        return serverPublicPath;
    }

    public ReadOnlyObjectProperty<RsaKeyPair> pairProperty() {
        return pair.getReadOnlyProperty();
    }

    public StringProperty sourceProperty() {
        return source;
    }

    public StringProperty fingerprintProperty() {
        return fingerprint;
    }

    public StringProperty thumbprintProperty() {
        return thumbprint;
    }

    public StringProperty keyIdErrorProperty() {
        return keyIdError;
    }

    public StringProperty issuerErrorProperty() {
        return issuerError;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return task.busyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return task.progressProperty();
    }

    /** What the running work does now: the step it names (e.g. "Checking the new key pair"); "" when idle. */
    public ReadOnlyStringProperty progressMessageProperty() {
        return task.stepProperty();
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObjectProperty<Severity> statusSeverityProperty() {
        return statusSeverity;
    }

    public StringProperty selfTestProperty() {
        return selfTest;
    }

    /** True/false after a self-test, null before. */
    public ObjectProperty<Boolean> selfTestPassedProperty() {
        return selfTestPassed;
    }

    public BooleanProperty encryptPemProperty() {
        return encryptPem;
    }

    /** True once keys or key id changed after a first key, or previous keys were added: bot tokens must be renewed. */
    public BooleanProperty rotationWarningProperty() {
        return rotationWarning;
    }

    /** Set to the private key's path when the import needs (another) password; the view prompts for it. */
    public StringProperty passwordRequestProperty() {
        return passwordRequest;
    }

    /** A key pair with valid settings: it can be exported (Next waits until it is on disk). */
    public ObservableBooleanValue readyProperty() {
        return ready;
    }

    /** Why Next is not possible yet (no pair, wrong settings, keys only in memory); "" once it is. */
    public javafx.beans.binding.StringBinding nextBlockedProperty() {
        return nextBlocked;
    }

    /** True once the current pair is in files (exported, or imported from files); a new pair resets it. */
    public javafx.beans.value.ObservableBooleanValue onDiskProperty() {
        return onDisk;
    }

    /** True once the current key pair was exported (a new pair resets it). */
    public BooleanProperty exportedProperty() {
        return exported;
    }

    public ObservableList<PublicKeyEntry> previousKeys() {
        return previous;
    }
}
