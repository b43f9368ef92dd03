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
import dev.ssosetup.infra.common.LocalOperatorFiles;
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
        return new PushViewModel(new JdkHttpGatewayFactory(), new LocalOperatorFiles(), new FileBackupStore(backups), Clock.systemUTC(),
                Optional::empty, new SimpleObjectProperty<>(LockoutEvidence.none()), id -> { },
                new InlineBackgroundRunner(), messages, keychain);
    }

    @Test
    void aRememberedTokenIsFilledInTheNextSessionAndForgetRemovesIt() {
        PushViewModel first = session();
        first.connection().serverUrlProperty().set(SERVER + "/");
        first.connection().tokenProperty().set("admin-token-typed-once");
        assertFalse(first.connection().rememberTokenProperty().get(), "off by default");
        assertTrue(keychain.entries().isEmpty());
        first.connection().rememberTokenProperty().set(true);
        SecretKey key = SecretKey.adminToken(ServerAddress.parse(SERVER));
        assertEquals(Secret.of("admin-token-typed-once"), keychain.entries().get(key));
        assertEquals(messages.get("secrets.push.stored"), first.connection().keychainStatusProperty().get());

        PushViewModel second = session();
        second.connection().serverUrlProperty().set(SERVER);
        second.onEnter();
        assertEquals("admin-token-typed-once", second.connection().tokenProperty().get());
        assertTrue(second.connection().rememberTokenProperty().get());
        assertEquals(messages.get("secrets.push.filled"), second.connection().keychainStatusProperty().get());

        PushViewModel otherServer = session();
        otherServer.connection().serverUrlProperty().set("https://other-om.example.com");
        otherServer.onEnter();
        assertEquals("", otherServer.connection().tokenProperty().get(), "another server's token is never filled");

        second.connection().forgetRememberedToken();
        assertTrue(keychain.entries().isEmpty());
        assertFalse(second.connection().rememberTokenProperty().get());
        assertEquals(messages.get("secrets.push.forgotten"), second.connection().keychainStatusProperty().get());
    }

    @Test
    void aLockedKeychainSaysSoAndTheTokenIsAskedFor() {
        keychain.fail(new KeychainProblem(KeychainProblem.Kind.LOCKED, ""));
        PushViewModel vm = session();
        vm.connection().serverUrlProperty().set(SERVER);
        vm.onEnter();
        assertEquals("", vm.connection().tokenProperty().get());
        assertTrue(vm.connection().keychainStatusProperty().get().contains(messages.get("secrets.problem.LOCKED")));
        vm.connection().tokenProperty().set("typed-token");
        vm.connection().rememberTokenProperty().set(true);
        assertTrue(keychain.entries().isEmpty(), "nothing is written anywhere");
        assertFalse(vm.connection().keychainStatusProperty().get().contains("typed-token"));
    }
}
