package dev.ssosetup.ui.login;

import dev.ssosetup.core.common.Finding;
import dev.ssosetup.core.common.OperatorFiles;
import dev.ssosetup.core.login.BrowserOpener;
import dev.ssosetup.core.login.InsecureHttp;
import dev.ssosetup.core.login.JsonValues;
import dev.ssosetup.core.login.LoginEvents;
import dev.ssosetup.core.login.LoginOptions;
import dev.ssosetup.core.login.LoginReport;
import dev.ssosetup.core.login.LoginTest;
import dev.ssosetup.core.login.LoginTestResult;
import dev.ssosetup.core.login.LoginVerdict;
import dev.ssosetup.core.login.OpenMetadataPreview;
import dev.ssosetup.core.login.RedirectHost;
import dev.ssosetup.core.provider.ProviderSettings;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.core.text.Text;
import dev.ssosetup.ui.task.BackgroundRunner;
import dev.ssosetup.ui.task.TaskStatus;
import dev.ssosetup.ui.wizard.StepViewModel;
import dev.ssosetup.ui.wizard.WizardState;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Login test step: options (ports, redirect host, timeout, browser), Start and Cancel through the
 * {@link BackgroundRunner}, the sign-in URL to copy, the verdict, the claims and userinfo tables, and the OpenMetadata
 * preview with its warnings. The step is valid only when a login passed in this session with the Provider step's
 * current settings; a failed test or changed settings say so plainly. The result is published in
 * {@link WizardState#loginResultProperty()} for the Review and Push steps.
 */
public final class LoginTestViewModel implements StepViewModel {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withZone(ZoneId.systemDefault());

    private final javafx.beans.binding.StringBinding caNote;
    private final WizardState state;
    private final LoginTest loginTest;
    private final OperatorFiles files;
    private final Messages messages;

    private final StringProperty ports = new SimpleStringProperty("");
    private final ObjectProperty<RedirectHost> redirectHost = new SimpleObjectProperty<>(RedirectHost.IPV4);
    private final StringProperty timeoutSeconds = new SimpleStringProperty(
            Long.toString(LoginOptions.DEFAULT_TIMEOUT.toSeconds()));
    private final BooleanProperty openBrowser = new SimpleBooleanProperty(true);
    private final ReadOnlyStringWrapper optionsError = new ReadOnlyStringWrapper("");

    /** The attempt's busy state, step and cancel; its failures and cancel said on the status line (ADR 0033). */
    private final TaskStatus task;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper authorizationUrl = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper redirectUri = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper browserNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<LoginTestResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper verdictDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper verdictStyle = new ReadOnlyStringWrapper("severity-info");
    private final ReadOnlyObjectWrapper<OpenMetadataPreview> preview = new ReadOnlyObjectWrapper<>();
    private final ObservableList<ClaimRow> claims = FXCollections.observableArrayList();
    private final ObservableList<ClaimRow> userInfo = FXCollections.observableArrayList();
    private final ObservableList<Finding> warnings = FXCollections.observableArrayList();
    private final BooleanBinding valid;
    /** Non-empty while the operator is asked whether to allow plain http to a provider elsewhere (ADR 0015). */
    private final ReadOnlyStringWrapper insecureHttpQuestion = new ReadOnlyStringWrapper("");
    /** The provider settings for which the operator allowed plain http; another provider asks again. */
    private ProviderSettings insecureHttpAllowedFor;

    /** {@code files}: where the Provider step's CA bundle is read. */
    public LoginTestViewModel(WizardState state, BackgroundRunner runner, LoginTest loginTest, OperatorFiles files,
                              Messages messages) {
        this.state = state;
        this.loginTest = loginTest;
        this.files = java.util.Objects.requireNonNull(files);
        this.messages = messages;
        this.task = new TaskStatus(runner, messages, (severity, text) -> status.set(text),
                messages.get("login.status.cancelled")).knownFailures(e ->
                // the login test reports its failures as results: what is left is reading the CA bundle
                e instanceof java.io.IOException && e.getMessage() != null
                        ? Optional.of(messages.get("login.status.notStarted", e.getMessage())) : Optional.empty());
        this.valid = Bindings.createBooleanBinding(() -> {
            LoginTestResult r = result.get();
            return r != null && r.passed() && r.matches(state.providerProperty().get());
        }, result, state.providerProperty());
        ports.addListener((o, a, b) -> validateOptions());
        timeoutSeconds.addListener((o, a, b) -> validateOptions());
        state.providerProperty().addListener((o, a, b) -> {
            insecureHttpQuestion.set("");
            refresh();
        });
        caNote = javafx.beans.binding.Bindings.createStringBinding(() -> {
            String ca = state.providerCaFileProperty().get();
            return ca == null || ca.isBlank() ? "" : messages.get("login.ca.note", ca.strip());
        }, state.providerCaFileProperty());
        // a result kept from earlier in the session (e.g. the view was rebuilt) is shown again
        result.set(state.loginResultProperty().get());
        refresh();
    }

    @Override
    public ObservableBooleanValue validProperty() {
        return valid;
    }

    @Override
    public void onEnter() {
        refresh();
    }

    /** Starts one login attempt; does nothing while one runs or when the options are invalid. */
    public void start() {
        if (task.isBusy()) {
            return;
        }
        Optional<LoginOptions> options = options();
        if (options.isEmpty()) {
            return;
        }
        ProviderSettings settings = state.providerProperty().get();
        String caFile = state.providerCaFileProperty().get().strip();
        authorizationUrl.set("");
        redirectUri.set("");
        browserNote.set("");
        status.set("");
        boolean manual = !options.get().openBrowser();
        task.<LoginTestResult>task("login test", ctx -> loginTest.run(settings, options.get(), caFile.isEmpty()
                        ? Optional.empty()
                        : Optional.of(dev.ssosetup.ui.common.CaBundleFile.read(files, caFile, messages)),
                        events(ctx, manual), ctx))
                .saying(messages.get("login.status.starting"))
                .onSuccess(r -> {
                    status.set("");
                    result.set(r);
                    state.loginResultProperty().set(r);
                    refresh();
                    if (r instanceof LoginTestResult.Failed f && f.findings().stream()
                            .anyMatch(x -> x.id().equals(InsecureHttp.REFUSED))) {
                        insecureHttpQuestion.set(messages.get("login.insecureHttp.question", f.reason()));
                    }
                })
                .start();
    }

    /**
     * What the attempt tells the window while it runs (the URL to sign in at, whether a browser opened), handed over
     * through the runner ({@link dev.ssosetup.core.task.TaskContext#publish}) onto the window's thread.
     */
    private LoginEvents events(dev.ssosetup.core.task.TaskContext ctx, boolean manual) {
        return new LoginEvents() {
            @Override
            public void waitingForBrowser(URI url, URI redirect) {
                ctx.publish(() -> {
                    authorizationUrl.set(url.toString());
                    redirectUri.set(redirect.toString());
                    if (manual) {
                        browserNote.set(messages.get("login.browser.manual"));
                    }
                });
            }

            @Override
            public void browser(BrowserOpener.BrowserOutcome outcome) {
                ctx.publish(() -> browserNote.set(switch (outcome) {
                    case BrowserOpener.Opened(String how) -> messages.get("login.browser.opened", how);
                    case BrowserOpener.NotOpened(String reason) -> messages.get("login.browser.failed", reason);
                }));
            }
        };
    }

    /**
     * The question to confirm when the test refused plain http to a provider on another computer; empty otherwise.
     * The view shows a confirm box and answers with {@link #allowInsecureHttpAndRetry()} or
     * {@link #declineInsecureHttp()}.
     */
    public ReadOnlyStringProperty insecureHttpQuestionProperty() {
        return insecureHttpQuestion.getReadOnlyProperty();
    }

    /** The operator confirmed: plain http is allowed for the current provider settings, and the test runs again. */
    public void allowInsecureHttpAndRetry() {
        if (insecureHttpQuestion.get().isEmpty()) {
            return;
        }
        insecureHttpQuestion.set("");
        insecureHttpAllowedFor = state.providerProperty().get();
        start();
    }

    /** The operator declined: the refusal stays the verdict. */
    public void declineInsecureHttp() {
        insecureHttpQuestion.set("");
    }

    /** Stops the running attempt (also when the window closes); the listener is released. */
    public void cancel() {
        task.cancel();
    }

    /** The redacted text report of the latest result, or empty when there is none. */
    public String report() {
        LoginTestResult r = result.get();
        return r == null ? "" : LoginReport.render(r, messages);
    }

    private Optional<LoginOptions> options() {
        ProviderSettings current = state.providerProperty().get();
        boolean allowHttp = insecureHttpAllowedFor != null && insecureHttpAllowedFor.equals(current);
        LoginOptions.Parsed parsed = parsedOptions(allowHttp);
        showOptionsProblem(parsed);
        return parsed instanceof LoginOptions.Parsed.Valid v ? Optional.of(v.options()) : Optional.empty();
    }

    /** The fields through the one rule of the login options ({@link LoginOptions#parse}, shared with the CLI). */
    LoginOptions.Parsed parsedOptions(boolean allowHttp) {
        return LoginOptions.parse(ports.get(), timeoutSeconds.get(), redirectHost.get(), openBrowser.get(),
                allowHttp);
    }

    private void validateOptions() {
        showOptionsProblem(parsedOptions(false));
    }

    private void showOptionsProblem(LoginOptions.Parsed parsed) {
        optionsError.set(parsed instanceof LoginOptions.Parsed.Invalid i ? messages.text(i.problem()) : "");
    }

    private void refresh() {
        LoginTestResult r = result.get();
        ProviderSettings current = state.providerProperty().get();
        claims.setAll(rows(r == null ? Map.of() : r.claims()));
        userInfo.setAll(rows(r == null ? Map.of() : r.userInfo()));
        // one verdict, computed in core and repeated by the other steps' notes (CrossStepLinks)
        switch (LoginVerdict.of(r, current)) {
            case LoginVerdict.None n -> {
                verdict.set(messages.get("login.verdict.none"));
                verdictDetail.set(messages.get("login.verdict.none.detail"));
                verdictStyle.set("severity-info");
                preview.set(null);
                warnings.clear();
            }
            case LoginVerdict.Failed f -> {
                LoginTestResult.Failed failure = f.failure();
                verdict.set(messages.text(Text.of("login.verdict.failed", failure.stage())));
                verdictDetail.set(messages.text(failure.reason()) + (failure.hasHint() ? "\n"
                        + messages.get("login.fix", messages.text(failure.hint())) : "")
                        + "\n" + messages.get("login.verdict.failed.next"));
                verdictStyle.set("severity-error");
                preview.set(null);
                warnings.setAll(f.warnings());
            }
            case LoginVerdict.Stale s -> {
                verdict.set(messages.get("login.verdict.stale"));
                verdictDetail.set(messages.get(s.result().passed() ? "login.verdict.stale.detail"
                        : "login.verdict.staleFailed.detail"));
                verdictStyle.set("severity-warning");
                preview.set(s.preview().orElse(null));
                warnings.setAll(s.warnings());
            }
            case LoginVerdict.Passed p -> {
                // the preview follows the Provider step's mapping settings even without a new sign-in
                preview.set(p.preview());
                warnings.setAll(p.warnings());
                verdict.set(messages.get("login.verdict.passed"));
                verdictDetail.set(messages.get("login.verdict.passed.detail", p.userName()));
                verdictStyle.set(p.preview().warnings().isEmpty() ? "verdict-passed" : "severity-warning");
            }
        }
    }

    private List<ClaimRow> rows(Map<String, Object> map) {
        List<ClaimRow> rows = new ArrayList<>();
        map.forEach((name, value) -> {
            String text = JsonValues.text(value);
            Optional<java.time.Instant> time = JsonValues.time(name, value);
            if (time.isPresent()) {
                text = DATE.format(time.get()) + "  (" + text + ")";
            }
            String key = "login.claim." + name;
            String meaning = messages.get(key);
            rows.add(new ClaimRow(name, text, meaning.equals(key) ? "" : meaning));
        });
        return rows;
    }

    public StringProperty portsProperty() {
        return ports;
    }

    public ObjectProperty<RedirectHost> redirectHostProperty() {
        return redirectHost;
    }

    public StringProperty timeoutSecondsProperty() {
        return timeoutSeconds;
    }

    public BooleanProperty openBrowserProperty() {
        return openBrowser;
    }

    /** Says which CA bundle the attempt trusts besides the system's ("" when none is set in the Provider step). */
    public javafx.beans.binding.StringBinding caNoteProperty() {
        return caNote;
    }

    public ReadOnlyStringProperty optionsErrorProperty() {
        return optionsError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return task.busyProperty();
    }

    /** How the last attempt ended when it could not give a verdict (cancelled, not started); "" otherwise. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** What the running attempt does now (discovery, listener, waiting for the sign-in, token exchange, validation). */
    public ReadOnlyStringProperty stepProperty() {
        return task.stepProperty();
    }

    public ReadOnlyStringProperty authorizationUrlProperty() {
        return authorizationUrl.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redirectUriProperty() {
        return redirectUri.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty browserNoteProperty() {
        return browserNote.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LoginTestResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty verdictDetailProperty() {
        return verdictDetail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty verdictStyleProperty() {
        return verdictStyle.getReadOnlyProperty();
    }

    /** The login test's "Use example.com from alice@example.com" for the Provider step; "" when there is none. */
    public javafx.beans.binding.StringBinding domainSuggestionTextProperty() {
        if (domainSuggestionText == null) {
            domainSuggestionText = javafx.beans.binding.Bindings.createStringBinding(() -> domainSuggestion()
                    .map(d -> messages.text(d.label())).orElse(""), result, state.providerProperty());
        }
        return domainSuggestionText;
    }

    private javafx.beans.binding.StringBinding domainSuggestionText;

    private java.util.Optional<dev.ssosetup.core.provider.PrincipalDomainSuggestion> domainSuggestion() {
        return result.get() instanceof LoginTestResult.Passed passed
                ? dev.ssosetup.core.provider.PrincipalDomainSuggestion.of(state.providerProperty().get(),
                passed.claims()) : java.util.Optional.empty();
    }

    /** Sets the Provider step's principal domain to the signed-in user's email domain. */
    public void useSuggestedDomain() {
        domainSuggestion().ifPresent(d -> state.providerProperty().set(d.applyTo(state.providerProperty().get())));
    }

    public ReadOnlyObjectProperty<OpenMetadataPreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ObservableList<ClaimRow> claims() {
        return claims;
    }

    public ObservableList<ClaimRow> userInfo() {
        return userInfo;
    }

    public ObservableList<Finding> warnings() {
        return warnings;
    }

    public Messages messages() {
        return messages;
    }
}
