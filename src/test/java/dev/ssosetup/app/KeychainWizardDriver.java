package dev.ssosetup.app;

import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.push.LockoutEvidence;
import dev.ssosetup.core.provider.ClientAuthMethod;
import dev.ssosetup.core.provider.ClientType;
import dev.ssosetup.core.provider.Preset;
import dev.ssosetup.core.provider.ProviderSettings;
import dev.ssosetup.core.secrets.SecretStore;
import dev.ssosetup.infra.push.FileBackupStore;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.infra.common.LocalOperatorFiles;
import dev.ssosetup.ui.provider.ProviderViewModel;
import dev.ssosetup.ui.push.PushViewModel;
import dev.ssosetup.ui.task.InlineBackgroundRunner;
import dev.ssosetup.ui.wizard.WizardState;
import javafx.beans.property.SimpleObjectProperty;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * One wizard session in its own JVM (so that it sees the test's D-Bus session): the Provider and Push step view
 * models wired to the keychain exactly as {@link CompositionRoot} wires them. {@code remember} types the client
 * secret and the token (read from standard input) and ticks both "Remember" boxes; {@code reopen} opens the saved
 * profile (no secret in it) and enters the Push step. Prints statuses and whether the fields were filled, never a
 * secret.
 */
public final class KeychainWizardDriver {
    static final String ISSUER = "https://idp.example.test/realms/corp";
    static final String CLIENT_ID = "openmetadata";
    static final String SERVER = "https://openmetadata.example.test";

    private KeychainWizardDriver() {
    }

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String secret = in.readLine();
        String token = in.readLine();
        // as the app does: the log goes to its file (in this session's home), never to the console
        dev.ssosetup.infra.log.FileLog.install(dev.ssosetup.infra.log.FileLog.defaultFolder(), false);
        Messages messages = Messages.load();
        SecretStore keychain = new CompositionRoot.Services().keychain();
        WizardState state = new WizardState();
        InlineBackgroundRunner runner = new InlineBackgroundRunner();
        ProviderViewModel provider = new ProviderViewModel(state, runner, pem -> request -> {
            throw new IllegalStateException("no network");
        }, new LocalOperatorFiles(), messages, keychain);
        PushViewModel push = new PushViewModel(pem -> request -> {
            throw new IllegalStateException("no network");
        }, new LocalOperatorFiles(), new FileBackupStore(Path.of(System.getProperty("user.home"), "backups")), Clock.systemUTC(),
                Optional::empty, new SimpleObjectProperty<>(LockoutEvidence.none()), id -> { }, runner, messages,
                keychain);
        if (args[0].equals("remember")) {
            provider.issuerProperty().set(ISSUER);
            provider.clientTypeProperty().set(ClientType.CONFIDENTIAL);
            provider.clientIdProperty().set(CLIENT_ID);
            provider.clientSecretProperty().set(secret);
            provider.rememberSecretProperty().set(true);
            provider.onLeave();
            push.connection().serverUrlProperty().set(SERVER);
            push.connection().tokenProperty().set(token);
            push.connection().rememberTokenProperty().set(true);
        } else {
            state.providerProperty().set(ProviderSettings.builder().preset(Preset.CUSTOM_OIDC).issuer(ISSUER)
                    .clientType(ClientType.CONFIDENTIAL).clientId(CLIENT_ID).clientSecret(Secret.empty())
                    .clientAuthMethod(ClientAuthMethod.CLIENT_SECRET_POST).scopes(List.of("openid"))
                    .serverUrl(SERVER).build());
            push.connection().serverUrlProperty().set(SERVER);
            push.onEnter();
        }
        System.out.println("provider-status: " + provider.keychainStatusProperty().get());
        System.out.println("push-status: " + push.connection().keychainStatusProperty().get());
        System.out.println("secret-filled: " + provider.clientSecretProperty().get().equals(secret));
        System.out.println("secret-in-settings: "
                + state.providerProperty().get().clientSecret().equals(Secret.of(secret)));
        System.out.println("token-filled: " + push.connection().tokenProperty().get().equals(token));
        System.exit(0);
    }
}
