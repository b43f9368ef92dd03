package dev.ssosetup.infra.secrets;

import dev.ssosetup.core.secrets.KeychainProblem;
import dev.ssosetup.core.secrets.KeychainProblem.Kind;
import org.freedesktop.dbus.ObjectPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.secret.Collection;
import org.freedesktop.secret.Service;

import java.util.Optional;

/**
 * Looks at the Secret Service (Linux) before java-keyring does: is there a default collection, is it unlocked?
 * java-keyring 1.0.4 throws a {@link NullPointerException} in both cases when it writes, and reads a locked
 * collection as "nothing stored"; this probe turns them into a {@link KeychainProblem} the operator can act on.
 */
final class SecretServiceProbe {
    private SecretServiceProbe() {
    }

    /** Empty when the default collection exists and is unlocked. */
    static Optional<KeychainProblem> check() {
        try (DBusConnection connection = DBusConnectionBuilder.forSessionBus().withShared(false).build()) {
            Service service = new Service(connection);
            ObjectPath collection = service.readAlias("default");
            if (collection == null) {
                return Optional.of(new KeychainProblem(Kind.NO_BACKEND, "no Secret Service on the D-Bus session"));
            }
            if ("/".equals(collection.getPath())) {
                return Optional.of(new KeychainProblem(Kind.NO_DEFAULT_COLLECTION, ""));
            }
            if (new Collection(collection, service).isLocked()) {
                return Optional.of(new KeychainProblem(Kind.LOCKED, ""));
            }
            return Optional.empty();
        } catch (Exception | LinkageError e) { // DBusException, IOException on close, library surprises
            return Optional.of(new KeychainProblem(Kind.NO_BACKEND, e.getClass().getSimpleName()));
        }
    }
}
