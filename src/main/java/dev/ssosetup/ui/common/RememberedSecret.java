package dev.ssosetup.ui.common;

import dev.ssosetup.core.text.Messages;
import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.secrets.SecretKey;
import dev.ssosetup.core.secrets.SecretStore;
import dev.ssosetup.core.secrets.SecretStoreException;
import dev.ssosetup.ui.task.BackgroundRunner;
import dev.ssosetup.ui.task.BackgroundTask;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.StringProperty;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * "Remember it in the system keychain" for one secret field of a step (the Provider step's client secret, the Push
 * step's admin token): the box, whether an entry exists, what the keychain did, and look-up, store and forget, all in
 * background tasks. One rule for both steps; each names its field, its entry and its texts.
 */
public final class RememberedSecret {
    /** Message keys: the field was filled from the keychain, the value is stored, the entry was removed. */
    public record Texts(String filled, String stored, String forgotten) {
    }

    private final SecretStore keychain;
    private final BackgroundRunner runner;
    private final Messages messages;
    private final Texts texts;
    private final Supplier<Optional<SecretKey>> key;
    private final StringProperty field;
    private final boolean strip;
    private final BooleanProperty remember = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper remembered = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private SecretKey rememberedKey;
    private Secret rememberedValue;
    private boolean quiet;

    /**
     * @param keychain   the system keychain, or null when this build offers none (then nothing happens)
     * @param texts      the message keys of what happened
     * @param key        the entry the field's current value belongs to; empty when it cannot be named yet
     * @param field      the secret field; filled from the keychain only while empty
     * @param strip      whether the field's value is stored without surrounding white space (a token)
     */
    public RememberedSecret(SecretStore keychain, BackgroundRunner runner, Messages messages, Texts texts,
                            Supplier<Optional<SecretKey>> key, StringProperty field, boolean strip) {
        this.keychain = keychain;
        this.runner = runner;
        this.messages = messages;
        this.texts = texts;
        this.key = () -> keychain == null ? Optional.empty() : key.get();
        this.field = field;
        this.strip = strip;
        remember.addListener((o, was, now) -> {
            if (now && !quiet) {
                store(); // ticking the box stores what is typed; a box ticked by a look-up stores nothing
            }
        });
    }

    /** True when this build offers the keychain at all (the check box shows). */
    public boolean offered() {
        return keychain != null;
    }

    /** Fills the (empty) field with the entry for the current key and says so; a keychain that fails says why. */
    public void lookUp() {
        Optional<SecretKey> k = key.get();
        if (k.isEmpty() || !value().isEmpty()) {
            return;
        }
        runner.execute(BackgroundTask.of("keychain-read", ctx -> keychain.read(k.get())).onSuccess(found -> {
            if (found.isEmpty()) {
                remembered.set(false);
                status.set("");
                return;
            }
            rememberedKey = k.get();
            rememberedValue = found.get();
            boolean fill = value().isEmpty() && key.get().equals(k);
            if (fill) {
                field.set(found.get().reveal());
            }
            setQuietly(true);
            remembered.set(true);
            status.set(messages.get(fill ? texts.filled() : texts.stored()));
        }).onFailure(this::failed));
    }

    /** Stores the typed value when the box is ticked and it is not stored yet (on ticking, and on leaving). */
    public void store() {
        if (!remember.get()) {
            return; // not ticked: nothing to key (the key is computed on the JavaFX thread, so only when needed)
        }
        Optional<SecretKey> k = key.get();
        Secret value = Secret.of(value());
        if (!remember.get() || k.isEmpty() || value.isEmpty()
                || k.get().equals(rememberedKey) && value.equals(rememberedValue)) {
            return;
        }
        runner.execute(BackgroundTask.of("keychain-store", ctx -> {
            keychain.store(k.get(), value);
            return Boolean.TRUE;
        }).onSuccess(ok -> {
            rememberedKey = k.get();
            rememberedValue = value;
            remembered.set(true);
            status.set(messages.get(texts.stored()));
        }).onFailure(this::failed));
    }

    /** Removes the entry for the current key (the field keeps what it shows). */
    public void forget() {
        Optional<SecretKey> k = key.get();
        if (k.isEmpty()) {
            return;
        }
        runner.execute(BackgroundTask.of("keychain-forget", ctx -> keychain.forget(k.get())).onSuccess(removed -> {
            rememberedKey = null;
            rememberedValue = null;
            setQuietly(false);
            remembered.set(false);
            status.set(messages.get(texts.forgotten()));
        }).onFailure(this::failed));
    }

    /** Another profile or server: its own entry decides the box, not the previous one's. */
    public void reset() {
        setQuietly(false);
        remembered.set(false);
        status.set("");
    }

    private void setQuietly(boolean on) {
        quiet = true;
        try {
            remember.set(on);
        } finally {
            quiet = false;
        }
    }

    private String value() {
        String v = field.get() == null ? "" : field.get();
        return strip ? v.strip() : v;
    }

    private void failed(Throwable error) {
        remembered.set(false);
        status.set(error instanceof SecretStoreException e ? messages.get("secrets.problem",
                messages.get("secrets.problem." + e.problem().kind().name()))
                : messages.get("secrets.problem", error.getClass().getSimpleName()));
    }

    /** The "Remember ... in the system keychain" box (off by default). */
    public BooleanProperty rememberProperty() {
        return remember;
    }

    /** True when an entry exists for the current key (the Forget button shows). */
    public ReadOnlyBooleanProperty rememberedProperty() {
        return remembered.getReadOnlyProperty();
    }

    /** What the keychain did, or why it cannot be used. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
