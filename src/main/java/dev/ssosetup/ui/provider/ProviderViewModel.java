package dev.ssosetup.ui.provider;

import dev.ssosetup.core.common.Finding;
import dev.ssosetup.core.common.OperatorFiles;
import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.common.Severity;
import dev.ssosetup.core.net.HttpGatewayFactory;
import dev.ssosetup.core.provider.ClientAuthMethod;
import dev.ssosetup.core.provider.ClientCredentials;
import dev.ssosetup.core.provider.ClientType;
import dev.ssosetup.core.provider.CredentialsFile;
import dev.ssosetup.core.provider.DiscoveryReport;
import dev.ssosetup.core.provider.DiscoveryRequest;
import dev.ssosetup.core.provider.DiscoveryService;
import dev.ssosetup.core.provider.FieldProblem;
import dev.ssosetup.core.provider.FormValidation;
import dev.ssosetup.core.provider.FormValidation.Field;
import dev.ssosetup.core.provider.Preset;
import dev.ssosetup.core.provider.ProviderFormValidator;
import dev.ssosetup.core.provider.OpenMetadataVersion;
import dev.ssosetup.core.provider.ProviderSettings;
import dev.ssosetup.core.secrets.SecretKey;
import dev.ssosetup.core.secrets.SecretStore;
import dev.ssosetup.core.push.OpenMetadataClient;
import dev.ssosetup.core.push.ServerAddress;
import dev.ssosetup.core.push.ServerVersion;
import dev.ssosetup.core.provider.ResponseType;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.ui.common.RememberedSecret;
import dev.ssosetup.ui.task.BackgroundRunner;
import dev.ssosetup.ui.task.BackgroundTask;
import dev.ssosetup.ui.task.TaskStatus;
import dev.ssosetup.ui.wizard.StepViewModel;
import dev.ssosetup.ui.wizard.WizardState;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
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
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Provider step: the form's fields, their validation (shown per field once the operator touched it or asked for a
 * check), the "Check provider" discovery run in the background, and its findings. The settings are published to
 * {@link WizardState#providerProperty()} as the operator types; the step is valid only when the form is valid and a
 * check for exactly the current settings found no error.
 */
public final class ProviderViewModel implements StepViewModel {
    private final WizardState state;
    private final BackgroundRunner runner;
    private final HttpGatewayFactory gateways;
    private final OperatorFiles files;
    private final Messages messages;

    private final ObjectProperty<Preset> preset = new SimpleObjectProperty<>(Preset.CUSTOM_OIDC);
    private final StringProperty providerName = new SimpleStringProperty("");
    private final StringProperty issuer = new SimpleStringProperty("");
    private final StringProperty discoveryUrl = new SimpleStringProperty("");
    private final StringProperty tenant = new SimpleStringProperty("");
    private final StringProperty caFile;
    private final ObjectProperty<ClientType> clientType = new SimpleObjectProperty<>(ClientType.PUBLIC);
    private final ObjectProperty<dev.ssosetup.core.provider.Deployment> deployment =
            new SimpleObjectProperty<>(dev.ssosetup.core.provider.Deployment.SELF_HOSTED);
    private final ObjectProperty<ResponseType> responseType = new SimpleObjectProperty<>(ResponseType.ID_TOKEN);
    private final StringProperty clientId = new SimpleStringProperty("");
    private final StringProperty clientSecret = new SimpleStringProperty("");
    private final StringProperty scopes = new SimpleStringProperty("");
    private final ObjectProperty<ClientAuthMethod> authMethod =
            new SimpleObjectProperty<>(ClientAuthMethod.CLIENT_SECRET_POST);
    private final StringProperty algorithm = new SimpleStringProperty("RS256");
    private final StringProperty serverUrl = new SimpleStringProperty("");
    private final StringProperty principalClaims = new SimpleStringProperty("");
    private final StringProperty claimsMapping = new SimpleStringProperty("");
    private final StringProperty adminPrincipals = new SimpleStringProperty("");
    private final StringProperty principalDomain = new SimpleStringProperty("");
    private final BooleanProperty enforcePrincipalDomain = new SimpleBooleanProperty(false);
    private final StringProperty registrationDomains = new SimpleStringProperty("");
    private final BooleanProperty selfSignup = new SimpleBooleanProperty(true);
    // issue 18: the target OpenMetadata version and what it offers
    private final ObjectProperty<OpenMetadataVersion> omVersion =
            new javafx.beans.property.SimpleObjectProperty<>(OpenMetadataVersion.LEGACY_DEFAULT);
    private final StringProperty sessionExpiry = new SimpleStringProperty("604800");
    private final StringProperty maxActiveSessionsPerUser = new SimpleStringProperty("5");
    private final StringProperty teamClaimMapping = new SimpleStringProperty("");
    private final StringProperty defaultOAuthRole = new SimpleStringProperty("");
    private final StringProperty prompt = new SimpleStringProperty("");
    private final StringProperty versionStatus = new SimpleStringProperty("");
    private final javafx.collections.ObservableList<String> versionAlgorithms =
            javafx.collections.FXCollections.observableArrayList(OpenMetadataVersion.LEGACY_DEFAULT.algorithms());

    private final ReadOnlyObjectWrapper<ProviderSettings> settings = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<FormValidation> validation = new ReadOnlyObjectWrapper<>();
    private final ObservableSet<String> touched = FXCollections.observableSet();
    private final BooleanProperty showAllErrors = new SimpleBooleanProperty(false);
    private final Map<String, StringBinding> errors = new HashMap<>();

    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ObservableList<Finding> findingsView = FXCollections.unmodifiableObservableList(findings);
    private final ReadOnlyObjectWrapper<DiscoveryRequest> checkedRequest = new ReadOnlyObjectWrapper<>();
    /** The check's busy state, progress, step and cancel; its failures and cancel said on the check line (ADR 0033). */
    private final TaskStatus checkTask;
    /** True while {@link #findings()} is the answer of a check that ran to the end (empty then means none). */
    private final ReadOnlyBooleanWrapper reported = new ReadOnlyBooleanWrapper(false);
    /** Counts the checks that came back with an answer (findings or why it could not run): the view shows it. */
    private final javafx.beans.property.ReadOnlyIntegerWrapper checkAnswered =
            new javafx.beans.property.ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper checkStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper credentialsStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper credentialsRefused = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding valid;
    private final BooleanBinding canCheck;
    private final BooleanBinding stale;
    private boolean loading;

    // ---- keychain (issue 14)
    private final RememberedSecret remembered;

    public ProviderViewModel(WizardState state, BackgroundRunner runner, HttpGatewayFactory gateways,
                             OperatorFiles files, Messages messages) {
        this(state, runner, gateways, files, messages, null);
    }

    /**
     * @param files    where the CA bundle and the credentials file are read
     * @param keychain the system keychain for "Remember the client secret", or null to offer no keychain
     */
    public ProviderViewModel(WizardState state, BackgroundRunner runner, HttpGatewayFactory gateways,
                             OperatorFiles files, Messages messages, SecretStore keychain) {
        this.files = Objects.requireNonNull(files);
        this.remembered = new RememberedSecret(keychain, runner, messages, new RememberedSecret.Texts(
                "secrets.provider.filled", "secrets.provider.stored", "secrets.provider.forgotten"), this::secretKey,
                clientSecret, false);
        this.caFile = state.providerCaFileProperty(); // the login test uses the same bundle
        this.state = Objects.requireNonNull(state);
        this.runner = Objects.requireNonNull(runner);
        this.gateways = Objects.requireNonNull(gateways);
        this.messages = Objects.requireNonNull(messages);
        this.checkTask = new TaskStatus(runner, messages, (severity, text) -> checkStatus.set(text),
                messages.get("provider.check.cancelled")).knownFailures(error -> Optional.of(messages.get(
                "provider.check.failed", error.getMessage() == null ? error.getClass().getSimpleName()
                        : error.getMessage())));
        ReadOnlyBooleanProperty checking = checkTask.busyProperty();
        load(state.providerProperty().get());
        ObservableValue<?>[] inputs = {preset, providerName, issuer, discoveryUrl, tenant, clientType, responseType,
                clientId,
                clientSecret, scopes, authMethod, algorithm, serverUrl, principalClaims, claimsMapping,
                adminPrincipals, principalDomain, enforcePrincipalDomain, registrationDomains, selfSignup, omVersion,
                sessionExpiry, maxActiveSessionsPerUser, teamClaimMapping, defaultOAuthRole, prompt, deployment};
        omVersion.addListener((o, a, v) -> versionAlgorithms.setAll(v.algorithms()));
        versionAlgorithms.setAll(omVersion.get().algorithms());
        for (ObservableValue<?> input : inputs) {
            input.addListener((obs, old, now) -> recompute());
        }
        track(Field.PROVIDER_NAME, providerName);
        track(Field.ISSUER, issuer);
        track(Field.DISCOVERY_URL, discoveryUrl);
        track(Field.TENANT, tenant);
        track(Field.CLIENT_ID, clientId);
        track(Field.CLIENT_SECRET, clientSecret);
        track(Field.SCOPES, scopes);
        track(Field.SERVER_URL, serverUrl);
        track(Field.PRINCIPAL_CLAIMS, principalClaims);
        track(Field.CLAIMS_MAPPING, claimsMapping);
        track(Field.ADMIN_PRINCIPALS, adminPrincipals);
        track(Field.PRINCIPAL_DOMAIN, principalDomain);
        track(Field.REGISTRATION_DOMAINS, registrationDomains);
        enforcePrincipalDomain.addListener((o, a, b) -> touched.add(Field.PRINCIPAL_DOMAIN));
        preset.addListener((obs, old, now) -> applyPreset(old, now));
        tenant.addListener((obs, old, now) -> applyTenant());
        recompute();
        // settings set from outside (a profile opened in the Review step) refill the form
        state.providerProperty().addListener((obs, old, now) -> {
            if (!loading && now != null && !now.equals(settings.get())) {
                loading = true;
                try {
                    load(now);
                } finally {
                    loading = false;
                }
                recompute();
                remembered.reset(); // another profile: its own keychain entry decides the box
                if (now.clientSecret().isEmpty()) {
                    lookUpRememberedSecret(); // a profile holds no secret: the keychain may
                }
            }
        });
        ObjectProperty<DiscoveryReport> report = state.discoveryReportProperty();
        stale = Bindings.createBooleanBinding(() -> checkedRequest.get() != null
                && !checkedRequest.get().equals(DiscoveryRequest.from(settings.get())), checkedRequest, settings);
        valid = Bindings.createBooleanBinding(() -> validation.get().isValid()
                && report.get() != null && !report.get().hasErrors() && !checking.get()
                && checkedRequest.get() != null && checkedRequest.get().equals(DiscoveryRequest.from(settings.get())),
                validation, report, checkedRequest, settings, checking);
        canCheck = Bindings.createBooleanBinding(() -> !checking.get() && !issuer.get().isBlank(), checking, issuer);
        domainSuggestion = Bindings.createObjectBinding(() -> state.loginResultProperty().get()
                        instanceof dev.ssosetup.core.login.LoginTestResult.Passed passed
                        ? dev.ssosetup.core.provider.PrincipalDomainSuggestion.of(settings.get(), passed.claims())
                        .orElse(null) : null,
                state.loginResultProperty(), settings);
    }

    private final javafx.beans.binding.ObjectBinding<dev.ssosetup.core.provider.PrincipalDomainSuggestion>
            domainSuggestion;

    /** The login test's "Use example.com from alice@example.com"; null when it offers none. */
    public javafx.beans.binding.ObjectBinding<dev.ssosetup.core.provider.PrincipalDomainSuggestion>
            domainSuggestionProperty() {
        return domainSuggestion;
    }

    /** Sets the principal domain the login test suggests. */
    public void useSuggestedDomain() {
        var suggestion = domainSuggestion.get();
        if (suggestion != null) {
            principalDomain.set(suggestion.domain());
        }
    }

    /** The suggestion's button text, "" when there is none. */
    public ObservableValue<String> domainSuggestionTextProperty() {
        return Bindings.createStringBinding(() -> domainSuggestion.get() == null ? ""
                : messages.text(domainSuggestion.get().label()), domainSuggestion);
    }

    private void load(ProviderSettings s) {
        preset.set(s.preset());
        providerName.set(s.providerName());
        issuer.set(s.issuer());
        discoveryUrl.set(s.discoveryUrl());
        tenant.set(s.tenant());
        clientType.set(s.clientType());
        deployment.set(s.deployment());
        responseType.set(s.responseType());
        clientId.set(s.clientId());
        clientSecret.set(s.clientSecret().reveal());
        scopes.set(String.join(" ", s.scopes()));
        authMethod.set(s.clientAuthMethod());
        algorithm.set(s.tokenValidationAlgorithm());
        serverUrl.set(s.serverUrl());
        principalClaims.set(String.join(", ", s.principalClaims()));
        claimsMapping.set(s.principalClaimsMapping().entrySet().stream().sorted(Map.Entry.<String, String>comparingByKey().reversed())
                .map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(", ")));
        adminPrincipals.set(String.join(", ", s.adminPrincipals()));
        principalDomain.set(s.principalDomain());
        enforcePrincipalDomain.set(s.enforcePrincipalDomain());
        registrationDomains.set(String.join(", ", s.allowedRegistrationDomains()));
        selfSignup.set(s.selfSignup());
        omVersion.set(s.openMetadataVersion());
        sessionExpiry.set(Integer.toString(s.sessionExpirySeconds()));
        maxActiveSessionsPerUser.set(Integer.toString(s.maxActiveSessionsPerUser()));
        teamClaimMapping.set(s.teamClaimMapping());
        defaultOAuthRole.set(s.defaultOAuthRole());
        prompt.set(s.prompt());
    }

    private void track(String field, StringProperty property) {
        property.addListener((obs, old, now) -> touched.add(field));
    }

    private void recompute() {
        if (loading) {
            return;
        }
        ProviderSettings s = ProviderSettings.builder()
                .preset(preset.get())
                .providerName(providerName.get().strip())
                .issuer(issuer.get().strip())
                .discoveryUrl(discoveryUrl.get().strip())
                .tenant(tenant.get().strip())
                .clientType(clientType.get())
                .deployment(deployment.get())
                .responseType(responseType.get())
                .clientId(clientId.get())
                .clientSecret(Secret.of(clientSecret.get()))
                .scopes(ProviderFormValidator.splitList(scopes.get()))
                .clientAuthMethod(authMethod.get())
                .tokenValidationAlgorithm(algorithm.get())
                .serverUrl(serverUrl.get().strip())
                .principalClaims(ProviderFormValidator.splitList(principalClaims.get()))
                .principalClaimsMapping(ProviderFormValidator.parseMapping(claimsMapping.get()))
                .adminPrincipals(ProviderFormValidator.splitList(adminPrincipals.get()))
                .principalDomain(principalDomain.get().strip())
                .enforcePrincipalDomain(enforcePrincipalDomain.get())
                .allowedRegistrationDomains(ProviderFormValidator.splitList(registrationDomains.get()))
                .selfSignup(selfSignup.get())
                .openMetadataVersion(omVersion.get())
                .sessionExpirySeconds(whole(sessionExpiry.get()))
                .maxActiveSessionsPerUser(whole(maxActiveSessionsPerUser.get()))
                .teamClaimMapping(teamClaimMapping.get().strip())
                .defaultOAuthRole(defaultOAuthRole.get().strip())
                .prompt(prompt.get().strip())
                .build();
        validation.set(ProviderFormValidator.validate(s));
        settings.set(s);
        state.providerProperty().set(s);
    }

    private void applyPreset(Preset old, Preset now) {
        if (now == null) {
            return;
        }
        boolean issuerFromPreset = issuer.get().isBlank() || old != null && old.isTemplateFilled(issuer.get())
                || Preset.byTemplate(issuer.get()).isPresent();
        if (issuerFromPreset && !now.issuerTemplate().isEmpty()) {
            issuer.set(now.issuerFor(tenant.get()));
        } else if (issuerFromPreset) {
            issuer.set("");
        }
        if (providerName.get().isBlank() || old != null && providerName.get().equals(old.displayName())) {
            providerName.set(now.displayName());
        }
    }

    private void applyTenant() {
        if (preset.get().needsTenant() && preset.get().isTemplateFilled(issuer.get())) {
            issuer.set(preset.get().issuerFor(tenant.get()));
        }
    }

    /** The error text to show under {@code field}, empty while it is fine or not yet touched. */
    public ObservableValue<String> errorProperty(String field) {
        return errors.computeIfAbsent(field, f -> Bindings.createStringBinding(() -> {
            if (!showAllErrors.get() && !touched.contains(f)) {
                return "";
            }
            return validation.get().problem(f).map(this::text).orElse("");
        }, validation, touched, showAllErrors));
    }

    private String text(FieldProblem p) {
        return messages.text(p.text());
    }

    /** Marks every field as touched so that all errors show (before a check, or when Next is refused). */
    public void revealErrors() {
        showAllErrors.set(true);
    }

    /** Runs the discovery check in the background. */
    public void check() {
        if (!canCheck.get()) {
            return;
        }
        revealErrors();
        if (clientSecret.get().isEmpty()) {
            lookUpRememberedSecret();
        } else {
            storeRememberedSecret();
        }
        DiscoveryRequest request = DiscoveryRequest.from(settings.get());
        String ca = caFile.get().strip();
        findings.clear(); // the last check's findings (or "no findings") are not this check's answer
        reported.set(false);
        String running = messages.get("provider.check.running", hostOf(request.discoveryUrl()));
        checkStatus.set(running);
        checkTask.<DiscoveryReport>task("provider-discovery", ctx -> {
            Optional<byte[]> pem = ca.isEmpty() ? Optional.empty()
                    : Optional.of(dev.ssosetup.ui.common.CaBundleFile.read(files, ca, messages));
            return new DiscoveryService(gateways.create(pem)).check(request, ctx);
        }).saying(running).onSuccess(report -> {
            checkedRequest.set(request);
            state.discoveryReportProperty().set(report);
            state.idpJwksUriProperty().set(report.jwksUri().orElse(""));
            state.stepFindings().put("provider", report.findings());
            checkStatus.set(summary(report));
            findings.setAll(report.findings());
            reported.set(true); // last: the view reads the findings when this turns true
            checkAnswered.set(checkAnswered.get() + 1);
        }).afterFailure(error -> checkAnswered.set(checkAnswered.get() + 1)).start();
    }

    /**
     * Loads the provider's client credentials file (read in the background: it is file I/O) and fills what it knows:
     * provider, issuer, client ID, type and secret. A file that is not understood changes nothing and says why.
     */
    public void loadCredentialsFile(java.nio.file.Path file) {
        String name = String.valueOf(file.getFileName());
        runner.execute(BackgroundTask.of("provider-credentials", ctx -> {
            try {
                return CredentialsFile.read(files, file.toString(), name);
            } catch (java.io.IOException e) { // a Problem: the file is named, never its content
                throw new java.io.IOException(messages.get("provider.credentials.unreadable", name), null);
            }
        }).onSuccess(result -> show(name, result)).onFailure(error -> {
            credentialsRefused.set(true);
            credentialsStatus.set(error.getMessage());
        }));
    }

    /** Fills the form from a credentials file's {@code content}; see {@link #loadCredentialsFile}. */
    public void loadCredentials(String fileName, byte[] content) {
        show(fileName, CredentialsFile.parse(fileName, content));
    }

    private void show(String fileName, CredentialsFile.Result result) {
        switch (result) {
            case CredentialsFile.Refused refused -> {
                credentialsRefused.set(true);
                credentialsStatus.set(messages.text(refused.message()));
            }
            case CredentialsFile.Read read -> {
                ClientCredentials c = read.credentials();
                c.preset().ifPresent(preset::set);
                if (!c.issuer().isEmpty()) {
                    issuer.set(c.issuer());
                }
                if (!c.discoveryUrl().isEmpty()) {
                    discoveryUrl.set(c.discoveryUrl());
                }
                clientType.set(c.clientType());
                clientId.set(c.clientId());
                clientSecret.set(c.clientSecret().reveal());
                credentialsRefused.set(false);
                credentialsStatus.set(messages.get("provider.credentials.filled", fileName,
                        c.filledFields().stream().map(messages::text)
                                .collect(java.util.stream.Collectors.joining(", "))));
            }
        }
    }

    /** What the last credentials file filled, or why it was refused; empty before any. */
    public ReadOnlyStringProperty credentialsStatusProperty() {
        return credentialsStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty credentialsRefusedProperty() {
        return credentialsRefused.getReadOnlyProperty();
    }

    /** Stops a running check. */
    public void cancelCheck() {
        checkTask.cancel();
    }

    private String summary(DiscoveryReport report) {
        long errorCount = report.count(Severity.ERROR);
        long warningCount = report.count(Severity.WARNING);
        return errorCount == 0
                ? messages.get("provider.check.ok", warningCount)
                : messages.get("provider.check.errors", errorCount, warningCount);
    }

    private static String hostOf(String url) {
        return dev.ssosetup.core.provider.Urls.host(url);
    }

    @Override
    public ObservableBooleanValue validProperty() {
        return valid;
    }

    /** Picks up settings that someone else put into the wizard state (a loaded profile, for instance). */
    @Override
    public void onEnter() {
        ProviderSettings shared = state.providerProperty().get();
        if (shared != null && !shared.equals(settings.get())) {
            load(shared);
        }
        if (clientSecret.get().isEmpty()) {
            lookUpRememberedSecret();
        }
    }

    @Override
    public void onLeave() {
        revealErrors();
        storeRememberedSecret();
    }

    // ---- keychain (issue 14)

    private Optional<SecretKey> secretKey() {
        ProviderSettings s = settings.get();
        if (s == null || s.clientType() != ClientType.CONFIDENTIAL
                || !SecretKey.canKeyClientSecret(s.issuer(), s.clientId())) {
            return Optional.empty();
        }
        return Optional.of(SecretKey.clientSecret(s.issuer(), s.clientId()));
    }

    /** True when this build offers the keychain at all (the check box shows). */
    public boolean keychainOffered() {
        return remembered.offered();
    }

    /** Fills the (empty) secret field with the secret remembered for the current issuer and client ID. */
    public void lookUpRememberedSecret() {
        remembered.lookUp();
    }

    /** Stores the typed secret when "Remember" is ticked (on ticking, and when the step is left). */
    public void storeRememberedSecret() {
        remembered.store();
    }

    /** Removes the remembered secret for the current issuer and client ID (the field keeps what it shows). */
    public void forgetRememberedSecret() {
        remembered.forget();
    }

    /** "Remember the client secret in the system keychain" (off by default). */
    public BooleanProperty rememberSecretProperty() {
        return remembered.rememberProperty();
    }

    /** True when a secret is remembered for the current issuer and client ID (the Forget button shows). */
    public ReadOnlyBooleanProperty secretRememberedProperty() {
        return remembered.rememberedProperty();
    }

    /** What the keychain did, or why it cannot be used. */
    public ReadOnlyStringProperty keychainStatusProperty() {
        return remembered.statusProperty();
    }

    public BooleanBinding canCheckProperty() {
        return canCheck;
    }

    /** True when the last check was for other settings than the current ones: check again. */
    public BooleanBinding staleProperty() {
        return stale;
    }

    /** True while the findings shown are a finished check's answer (so an empty list means "no findings"). */
    public ReadOnlyBooleanProperty reportedProperty() {
        return reported.getReadOnlyProperty();
    }

    /** Changes each time a check comes back with findings or a failure (not when it is cancelled). */
    public javafx.beans.property.ReadOnlyIntegerProperty checkAnsweredProperty() {
        return checkAnswered.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checkTask.busyProperty();
    }

    public javafx.beans.property.ReadOnlyDoubleProperty progressProperty() {
        return checkTask.progressProperty();
    }

    /** What the running check does now (discovery document, signing keys, the checks); "" when none runs. */
    public ReadOnlyStringProperty checkStepProperty() {
        return checkTask.stepProperty();
    }

    public ReadOnlyStringProperty checkStatusProperty() {
        return checkStatus.getReadOnlyProperty();
    }

    public ObservableList<Finding> findings() {
        return findingsView; // one wrapper: it holds its listeners only weakly on the list
    }

    public ReadOnlyObjectProperty<ProviderSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<FormValidation> validationProperty() {
        return validation.getReadOnlyProperty();
    }

    public ObservableValue<String> callbackUrlProperty() {
        return Bindings.createStringBinding(() -> settings.get().callbackUrl(), settings);
    }

    public ObservableValue<String> derivedDiscoveryUrlProperty() {
        return Bindings.createStringBinding(() -> ProviderSettings.discoveryUrlFor(settings.get().issuer()),
                settings);
    }

    public ObservableValue<String> presetNoteProperty() {
        return Bindings.createStringBinding(() -> messages.get("provider.preset.note." + preset.get().name()),
                preset);
    }

    public BooleanBinding tenantNeededProperty() {
        return Bindings.createBooleanBinding(() -> preset.get().needsTenant(), preset);
    }

    public BooleanBinding confidentialProperty() {
        return Bindings.createBooleanBinding(() -> clientType.get() == ClientType.CONFIDENTIAL, clientType);
    }

    public List<Preset> presets() {
        return List.of(Preset.values());
    }

    public List<String> algorithms() {
        return versionAlgorithms;
    }

    /** The algorithms the chosen OpenMetadata version accepts (ES from 1.13 on), updated when it changes. */
    public javafx.collections.ObservableList<String> versionAlgorithms() {
        return versionAlgorithms;
    }

    /** A typed whole number; anything else is -1, which the form rules refuse with the field's message. */
    private static int whole(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public List<OpenMetadataVersion> omVersions() {
        return List.of(OpenMetadataVersion.values());
    }

    public ObjectProperty<OpenMetadataVersion> omVersionProperty() {
        return omVersion;
    }

    public StringProperty sessionExpiryProperty() {
        return sessionExpiry;
    }

    public StringProperty maxActiveSessionsPerUserProperty() {
        return maxActiveSessionsPerUser;
    }

    public StringProperty teamClaimMappingProperty() {
        return teamClaimMapping;
    }

    public StringProperty defaultOAuthRoleProperty() {
        return defaultOAuthRole;
    }

    public StringProperty promptProperty() {
        return prompt;
    }

    /** What Detect found (or why it could not). */
    public StringProperty versionStatusProperty() {
        return versionStatus;
    }

    /**
     * Detect: asks the server at the OpenMetadata URL for its version ({@code GET /api/v1/system/version}, no token)
     * in the background, and chooses the release its configuration is made for.
     */
    public void detectVersion() {
        String url = serverUrl.get().strip();
        ServerAddress address;
        try {
            address = ServerAddress.parse(url);
        } catch (ServerAddress.InvalidServerAddress e) {
            versionStatus.set(messages.get("provider.omVersion.detectFailed", messages.text(e.text())));
            return;
        }
        java.util.Optional<byte[]> ca = java.util.Optional.empty();
        runner.execute(dev.ssosetup.ui.task.BackgroundTask.<ServerVersion>of("provider-detect-version", ctx ->
                        new OpenMetadataClient(gateways.create(ca), address, Secret.empty(),
                                dev.ssosetup.core.net.HttpExchange.Limits.DEFAULT).version())
                .onSuccess(v -> OpenMetadataVersion.forServer(v.major(), v.minor()).ifPresentOrElse(t -> {
                    omVersion.set(t);
                    versionStatus.set(messages.get("provider.omVersion.detected", v.raw(), t.label()));
                }, () -> versionStatus.set(messages.get("provider.omVersion.detectFailed", v.raw()))))
                .onFailure(e -> versionStatus.set(messages.get("provider.omVersion.detectFailed",
                        String.valueOf(((Throwable) e).getMessage())))));
    }

    public ObjectProperty<Preset> presetProperty() {
        return preset;
    }

    public StringProperty providerNameProperty() {
        return providerName;
    }

    public StringProperty issuerProperty() {
        return issuer;
    }

    public StringProperty discoveryUrlProperty() {
        return discoveryUrl;
    }

    public StringProperty tenantProperty() {
        return tenant;
    }

    public StringProperty caFileProperty() {
        return caFile;
    }

    /** Self-hosted OpenMetadata or Collate (hosted): Collate needs no Keys and no Push step (issue 19 C). */
    public ObjectProperty<dev.ssosetup.core.provider.Deployment> deploymentProperty() {
        return deployment;
    }

    public ObjectProperty<ClientType> clientTypeProperty() {
        return clientType;
    }

    /** A public client's flow in OpenMetadata: implicit ({@code id_token}) or code with PKCE. */
    public ObjectProperty<ResponseType> responseTypeProperty() {
        return responseType;
    }

    /** True for a public client: only then is the flow a choice (a confidential client always uses the code flow). */
    public BooleanBinding publicClientProperty() {
        return Bindings.createBooleanBinding(() -> clientType.get() == ClientType.PUBLIC, clientType);
    }

    public StringProperty clientIdProperty() {
        return clientId;
    }

    /** The secret as typed; it leaves the view model only as a {@link Secret} inside the settings. */
    public StringProperty clientSecretProperty() {
        return clientSecret;
    }

    public StringProperty scopesProperty() {
        return scopes;
    }

    public ObjectProperty<ClientAuthMethod> authMethodProperty() {
        return authMethod;
    }

    public StringProperty algorithmProperty() {
        return algorithm;
    }

    public StringProperty serverUrlProperty() {
        return serverUrl;
    }

    public StringProperty principalClaimsProperty() {
        return principalClaims;
    }

    public StringProperty claimsMappingProperty() {
        return claimsMapping;
    }

    public StringProperty adminPrincipalsProperty() {
        return adminPrincipals;
    }

    public StringProperty principalDomainProperty() {
        return principalDomain;
    }

    public BooleanProperty enforcePrincipalDomainProperty() {
        return enforcePrincipalDomain;
    }

    public StringProperty registrationDomainsProperty() {
        return registrationDomains;
    }

    public BooleanProperty selfSignupProperty() {
        return selfSignup;
    }

    /** For the view: the display text of enum choices. */
    public String label(Enum<?> value) {
        return messages.get("provider." + value.getDeclaringClass().getSimpleName().toLowerCase(java.util.Locale.ROOT)
                + "." + value.name());
    }
}
