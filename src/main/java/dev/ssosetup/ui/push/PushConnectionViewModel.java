package dev.ssosetup.ui.push;

import dev.ssosetup.core.common.OperatorFiles;
import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.net.HttpExchange;
import dev.ssosetup.core.net.HttpGatewayFactory;
import dev.ssosetup.core.push.AdminToken;
import dev.ssosetup.core.push.OpenMetadataClient;
import dev.ssosetup.core.push.ServerAddress;
import dev.ssosetup.core.secrets.SecretKey;
import dev.ssosetup.core.secrets.SecretStore;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.ui.common.CaBundleFile;
import dev.ssosetup.ui.common.RememberedSecret;
import dev.ssosetup.ui.task.BackgroundRunner;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Push step's connection form: server URL, admin token (optionally remembered in the system keychain) and CA
 * bundle. Checks what was typed on the JavaFX thread and builds the OpenMetadata client in the background.
 */
public final class PushConnectionViewModel {
    private final HttpGatewayFactory gateways;
    private final OperatorFiles files;
    private final Messages messages;
    private final PushStatus status;
    private final SecretStore keychain;
    private final RememberedSecret remembered;

    private final StringProperty serverUrl = new SimpleStringProperty("");
    private final StringProperty token = new SimpleStringProperty("");
    private final StringProperty caFile = new SimpleStringProperty("");
    private final StringProperty serverUrlError = new SimpleStringProperty("");
    private final StringProperty tokenError = new SimpleStringProperty("");

    /** @param keychain the system keychain for "Remember the admin token", or null to offer no keychain */
    PushConnectionViewModel(HttpGatewayFactory gateways, OperatorFiles files, BackgroundRunner runner,
                            Messages messages, PushStatus status, SecretStore keychain) {
        this.gateways = Objects.requireNonNull(gateways);
        this.files = Objects.requireNonNull(files);
        this.messages = Objects.requireNonNull(messages);
        this.status = Objects.requireNonNull(status);
        this.keychain = keychain;
        this.remembered = new RememberedSecret(keychain, runner, messages, new RememberedSecret.Texts(
                "secrets.push.filled", "secrets.push.stored", "secrets.push.forgotten"), this::tokenKey, token,
                true);
    }

    /** What the operator typed to connect; checked on the JavaFX thread, the client is built in the background. */
    record Inputs(ServerAddress address, Secret token, String caFile) {
    }

    /** A CA bundle that cannot be read or holds no certificate: said as such, never as an "unexpected" error. */
    static final class CaBundleProblem extends RuntimeException {
        CaBundleProblem(String message) {
            super(message, null, false, false);
        }
    }

    /** The inputs that make the connection; every change to them makes a plan or a checked restore out of date. */
    List<Observable> inputObservables() {
        return List.of(serverUrl, token, caFile);
    }

    /** The checked inputs, or empty after marking the fields that need fixing and saying so on the status line. */
    Optional<Inputs> inputs() {
        serverUrlError.set("");
        tokenError.set("");
        ServerAddress address;
        try {
            address = ServerAddress.parse(serverUrl.get());
        } catch (ServerAddress.InvalidServerAddress e) {
            serverUrlError.set(messages.text(e.text()));
            status.say(PushStatus.Tone.ERROR, messages.get("push.status.fixFields"));
            return Optional.empty();
        }
        if (token.get() == null || token.get().isBlank()) {
            tokenError.set(messages.get("push.token.missing"));
            status.say(PushStatus.Tone.ERROR, messages.get("push.status.fixFields"));
            return Optional.empty();
        }
        Secret admin;
        try {
            admin = AdminToken.fromText(token.get(), messages.get("push.token"));
        } catch (AdminToken.InvalidTokenException e) {
            tokenError.set(messages.text(e.text())); // names the offset, never the token
            status.say(PushStatus.Tone.ERROR, messages.get("push.status.fixFields"));
            return Optional.empty();
        }
        return Optional.of(new Inputs(address, admin, caFile.get() == null ? "" : caFile.get()));
    }

    /** Builds the OpenMetadata client: reads the CA bundle and sets up TLS, so only on a background thread. */
    OpenMetadataClient client(Inputs in) {
        Optional<byte[]> ca = Optional.empty();
        if (!in.caFile().isBlank()) {
            try {
                ca = Optional.of(CaBundleFile.read(files, in.caFile().strip(), messages));
            } catch (IOException e) {
                throw new CaBundleProblem(e.getMessage());
            }
        }
        try {
            return new OpenMetadataClient(gateways.create(ca), in.address(), in.token(), HttpExchange.Limits.DEFAULT);
        } catch (IllegalArgumentException e) {
            throw new CaBundleProblem(messages.get("push.caFile.error", e.getMessage()));
        }
    }

    // ---- keychain (issue 14)

    private Optional<SecretKey> tokenKey() {
        if (keychain == null || serverUrl.get() == null || serverUrl.get().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(SecretKey.adminToken(ServerAddress.parse(serverUrl.get())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** True when this build offers the keychain at all. */
    public boolean keychainOffered() {
        return keychain != null;
    }

    /** Fills an empty token field with the token remembered for the server URL, and says so. */
    public void lookUpRememberedToken() {
        remembered.lookUp();
    }

    /** Stores the typed token when "Remember" is ticked (on ticking, and when a plan starts). */
    public void storeRememberedToken() {
        remembered.store();
    }

    /** Removes the token remembered for the server URL (the field keeps what it shows). */
    public void forgetRememberedToken() {
        remembered.forget();
    }

    public BooleanProperty rememberTokenProperty() {
        return remembered.rememberProperty();
    }

    public ObservableBooleanValue tokenRememberedProperty() {
        return remembered.rememberedProperty();
    }

    public ObservableStringValue keychainStatusProperty() {
        return remembered.statusProperty();
    }

    // ---- properties

    public StringProperty serverUrlProperty() {
        return serverUrl;
    }

    public StringProperty tokenProperty() {
        return token;
    }

    public StringProperty caFileProperty() {
        return caFile;
    }

    public StringProperty serverUrlErrorProperty() {
        return serverUrlError;
    }

    public StringProperty tokenErrorProperty() {
        return tokenError;
    }
}
