package dev.ssosetup.ui.push;

import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.push.LockoutEvidence;
import dev.ssosetup.core.push.ServerAddress;
import dev.ssosetup.core.secrets.KeychainProblem;
import dev.ssosetup.core.secrets.SecretKey;
import dev.ssosetup.infra.net.JdkHttpGatewayFactory;
import dev.ssosetup.infra.push.FileBackupStore;
import dev.ssosetup.testsupport.MemorySecretStore;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.ui.task.InlineBackgroundRunner;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Push step's "Remember the admin token in the system keychain", as an alternative to typing it each time. */
class PushKeychainTest {
    private static final String SERVER = "https://om.example.com";
    private final Messages messages = Messages.load();
    private final MemorySecretStore keychain = new MemorySecretStore();
    @TempDir
    Path backups;

    private PushViewModel session() {
        return new PushViewModel(new JdkHttpGatewayFactory(), new FileBackupStore(backups), Clock.systemUTC(),
                Optional::empty, new SimpleObjectProperty<>(LockoutEvidence.none()), id -> { },
                new InlineBackgroundRunner(), messages, keychain);
    }

    @Test
    void aRememberedTokenIsFilledInTheNextSessionAndForgetRemovesIt() {
        PushViewModel first = session();
        first.serverUrlProperty().set(SERVER + "/");
        first.tokenProperty().set("admin-token-typed-once");
        assertFalse(first.rememberTokenProperty().get(), "off by default");
        assertTrue(keychain.entries().isEmpty());
        first.rememberTokenProperty().set(true);
        SecretKey key = SecretKey.adminToken(ServerAddress.parse(SERVER));
        assertEquals(Secret.of("admin-token-typed-once"), keychain.entries().get(key));
        assertEquals(messages.get("secrets.push.stored"), first.keychainStatusProperty().get());

        PushViewModel second = session();
        second.serverUrlProperty().set(SERVER);
        second.onEnter();
        assertEquals("admin-token-typed-once", second.tokenProperty().get());
        assertTrue(second.rememberTokenProperty().get());
        assertEquals(messages.get("secrets.push.filled"), second.keychainStatusProperty().get());

        PushViewModel otherServer = session();
        otherServer.serverUrlProperty().set("https://other-om.example.com");
        otherServer.onEnter();
        assertEquals("", otherServer.tokenProperty().get(), "another server's token is never filled");

        second.forgetRememberedToken();
        assertTrue(keychain.entries().isEmpty());
        assertFalse(second.rememberTokenProperty().get());
        assertEquals(messages.get("secrets.push.forgotten"), second.keychainStatusProperty().get());
    }

    @Test
    void aLockedKeychainSaysSoAndTheTokenIsAskedFor() {
        keychain.fail(new KeychainProblem(KeychainProblem.Kind.LOCKED, ""));
        PushViewModel vm = session();
        vm.serverUrlProperty().set(SERVER);
        vm.onEnter();
        assertEquals("", vm.tokenProperty().get());
        assertTrue(vm.keychainStatusProperty().get().contains(messages.get("secrets.problem.LOCKED")));
        vm.tokenProperty().set("typed-token");
        vm.rememberTokenProperty().set(true);
        assertTrue(keychain.entries().isEmpty(), "nothing is written anywhere");
        assertFalse(vm.keychainStatusProperty().get().contains("typed-token"));
    }
}
