package dev.ssosetup.infra.secrets;

import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.secrets.KeychainProblem;
import dev.ssosetup.core.secrets.SecretKey;
import dev.ssosetup.core.secrets.SecretStore;
import dev.ssosetup.core.secrets.UnavailableSecretStore;
import dev.ssosetup.core.secrets.SecretStoreException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Without a D-Bus session on Linux the app says "no keychain here" and why, before touching any library. */
class SystemSecretStoresTest {
    @Test
    void linuxWithoutADBusSessionHasNoKeychainAndSaysWhy() {
        SecretStore store = SystemSecretStores.choose("Linux", Map.of("HOME", "/tmp"));
        assertInstanceOf(UnavailableSecretStore.class, store);
        assertEquals(KeychainProblem.Kind.NO_SESSION, store.problem().orElseThrow().kind());
        SecretKey key = SecretKey.clientSecret("https://idp.example.com", "c");
        SecretStoreException e = assertThrows(SecretStoreException.class,
                () -> store.store(key, Secret.of("never-written")));
        assertEquals(KeychainProblem.Kind.NO_SESSION, e.problem().kind());
        assertFalse(e.getMessage().contains("never-written"));
        assertThrows(SecretStoreException.class, () -> store.read(key));
        assertThrows(SecretStoreException.class, () -> store.forget(key));
    }

    @Test
    void linuxWithASessionUsesJavaKeyring() {
        assertInstanceOf(KeyringSecretStore.class,
                SystemSecretStores.choose("Linux", Map.of("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nowhere")));
        assertInstanceOf(KeyringSecretStore.class, SystemSecretStores.choose("Mac OS X", Map.of()));
        assertInstanceOf(KeyringSecretStore.class, SystemSecretStores.choose("Windows 11", Map.of()));
    }
}
