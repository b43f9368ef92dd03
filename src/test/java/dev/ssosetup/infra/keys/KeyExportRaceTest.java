package dev.ssosetup.infra.keys;

import dev.ssosetup.core.keys.JwtKeyGenerator;
import dev.ssosetup.core.keys.JwtKeySettings;
import dev.ssosetup.core.keys.KeyExport;
import dev.ssosetup.core.keys.KeyFileNames;
import dev.ssosetup.core.keys.KeyFileReader;
import dev.ssosetup.core.keys.KeyProblem;
import dev.ssosetup.core.keys.KeySize;
import dev.ssosetup.core.keys.KeysService;
import dev.ssosetup.core.keys.SigningSelfTest;
import dev.ssosetup.core.task.TaskContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An export without overwrite puts each file in place with create-new semantics: a file (or a link) that appears
 * under an export name after the up-front check is never replaced; the export stops and undoes itself.
 */
class KeyExportRaceTest {
    @TempDir
    Path dir;

    private KeysService service(FileSystemKeyFileStore.WriteHook hook) {
        return new KeysService(new FileSystemKeyFileStore(FilePermissions.forPlatform(), hook), new JwtKeyGenerator(),
                new KeyFileReader(), new SigningSelfTest(Clock.systemUTC()));
    }

    @Test
    void aFileThatAppearsDuringTheExportIsNotReplaced() throws Exception {
        Path out = dir.resolve("keys");
        Path elsewhere = dir.resolve("precious.txt");
        Files.writeString(elsewhere, "precious\n");
        String victim = KeyFileNames.PUBLIC_DER;
        KeysService service = service(new FileSystemKeyFileStore.WriteHook() {
            @Override
            public void fileCommitted(String name) {
            }

            @Override
            public void beforePlacing(String name) throws IOException {
                if (name.equals(victim)) {
                    Files.writeString(out.resolve(victim), "someone else's file\n");
                }
            }
        });
        var pair = new JwtKeyGenerator().generate(KeySize.RSA_2048, TaskContext.none());
        KeyExport export = new KeyExport(out.toString(), pair, new JwtKeySettings(
                JwtKeySettings.DEFAULT_PRIVATE_KEY_PATH, JwtKeySettings.DEFAULT_PUBLIC_KEY_PATH, "om.example.com",
                "kid-1"), List.of(), null);
        KeyProblem problem = assertThrows(KeyProblem.class, () -> service.export(export, false, TaskContext.none()));
        assertTrue(dev.ssosetup.core.text.Messages.forLocale(java.util.Locale.ENGLISH).text(problem.text()).contains("a file of that name is already there"),
                problem.getMessage());
        assertEquals("someone else's file\n", Files.readString(out.resolve(victim)), "kept, not replaced");
        try (var files = Files.list(out)) {
            assertEquals(List.of(victim), files.map(p -> p.getFileName().toString()).toList(),
                    "the export undid itself and left no temporary file");
        }
        assertFalse(Files.exists(out.resolve(KeyFileNames.PRIVATE_DER)));
    }
}
