package dev.ssosetup.push;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssosetup.cli.PushEnvironment;
import dev.ssosetup.cli.RestoreCommand;
import dev.ssosetup.core.push.Backup;
import dev.ssosetup.core.push.DesiredConfiguration;
import dev.ssosetup.core.push.LockoutEvidence;
import dev.ssosetup.core.push.RestorePolicy;
import dev.ssosetup.core.push.ServerAddress;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.infra.common.LocalOperatorFiles;
import dev.ssosetup.infra.net.JdkHttpGatewayFactory;
import dev.ssosetup.infra.push.FileBackupStore;
import dev.ssosetup.testserver.PushFixture;
import dev.ssosetup.ui.push.PushViewModel;
import dev.ssosetup.ui.task.InlineBackgroundRunner;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Push step's restore and {@code sso-setup restore} refuse the same backups with the same words: both ask
 * {@link RestorePolicy} (ADR 0026). Nothing here reaches a server: the refusal comes before any request.
 */
class RestoreRefusalParityTest {
    private static final String TARGET = "http://127.0.0.1:9";
    private static final String TOKEN = "parity-admin-token-5d1e";
    private final Messages english = Messages.forLocale(Locale.ENGLISH);
    @TempDir
    Path dir;

    private Path backup(ObjectNode body, String from) throws IOException {
        return Files.write(dir.resolve("backup-" + from.length() + ".json"),
                Backup.of(body, Instant.parse("2026-12-01T10:00:00Z"), from, "1.10.4").toJson());
    }

    private String gui(Path backup) {
        PushViewModel vm = new PushViewModel(new JdkHttpGatewayFactory(), new LocalOperatorFiles(), new FileBackupStore(dir.resolve("b")),
                Clock.systemUTC(), () -> Optional.<DesiredConfiguration>empty(),
                new SimpleObjectProperty<>(LockoutEvidence.none()), id -> { }, new InlineBackgroundRunner(), english);
        vm.connection().serverUrlProperty().set(TARGET);
        vm.connection().tokenProperty().set(TOKEN);
        vm.restoring().restoreFileProperty().set(backup.toString());
        vm.restoring().restore();
        assertNull(vm.restoring().restorePlanProperty().get(), "refused, nothing to confirm");
        return vm.status().statusProperty().get();
    }

    private String cli(Path backup) throws IOException {
        Path token = Files.writeString(dir.resolve("token"), TOKEN);
        PushEnvironment env = new PushEnvironment(new JdkHttpGatewayFactory(), FileBackupStore::new,
                dir.resolve("b"), Clock.systemUTC(), Optional.empty(), LockoutEvidence::none,
                new ByteArrayInputStream(new byte[0]), new LocalOperatorFiles());
        CommandLine cl = new CommandLine(new RestoreCommand(env));
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        assertEquals(2, cl.execute("--server", TARGET, "--token-file", token.toString(), "--backup",
                backup.toString(), "--yes"), err.toString());
        return err.toString();
    }

    private void bothRefuse(Path backup, RestorePolicy.Reason reason) throws Exception {
        Backup read = new FileBackupStore(dir).load(backup.toString());
        RestorePolicy.Refusal refusal = RestorePolicy.check(read, new RestorePolicy.Request(
                ServerAddress.parse(TARGET), false, false, List.of())).orElseThrow();
        assertEquals(reason, refusal.reason());
        String fact = english.text(refusal.text());
        String gui = gui(backup);
        String cli = cli(backup);
        assertTrue(gui.contains(fact), "the window says: " + gui + "\nexpected: " + fact);
        assertTrue(cli.contains(fact), "the CLI says: " + cli + "\nexpected: " + fact);
    }

    @Test
    void aBackupOfAnotherServer() throws Exception {
        bothRefuse(backup(PushFixture.example("security-config.custom-oidc.public.json"),
                "https://other.example.com"), RestorePolicy.Reason.OTHER_SERVER);
    }

    @Test
    void aBackupThatDoesNotNameItsServer() throws Exception {
        bothRefuse(backup(PushFixture.example("security-config.custom-oidc.public.json"), ""),
                RestorePolicy.Reason.UNKNOWN_SERVER);
    }

    @Test
    void aBackupWithAMaskedClientSecret() throws Exception {
        ObjectNode body = PushFixture.example("security-config.custom-oidc.confidential.json");
        ((ObjectNode) body.path("authenticationConfiguration").path("oidcConfiguration")).put("secret", "********");
        bothRefuse(backup(body, TARGET), RestorePolicy.Reason.CLIENT_SECRET_MASKED);
    }

    @Test
    void aBackupWithAnotherMaskedSecret() throws Exception {
        ObjectNode body = PushFixture.example("security-config.custom-oidc.public.json");
        ((ObjectNode) body.path("authenticationConfiguration")).putObject("ldapConfiguration")
                .put("host", "ldap.example.com").put("dnAdminPassword", "*********");
        bothRefuse(backup(body, TARGET), RestorePolicy.Reason.FIELD_SECRET_MASKED);
    }
}
