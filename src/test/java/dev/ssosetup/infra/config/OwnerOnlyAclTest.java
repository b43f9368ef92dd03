package dev.ssosetup.infra.config;

import dev.ssosetup.cli.RenderCommand;
import dev.ssosetup.core.config.Samples;
import dev.ssosetup.core.keys.ExportFile;
import dev.ssosetup.infra.common.LocalOperatorFiles;
import dev.ssosetup.infra.keys.FilePermissions;
import dev.ssosetup.infra.keys.FileSystemKeyFileStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Windows' owner-only protection, run on Linux through the code that builds and sets the ACL: the file systems here
 * have no ACL view, so each path gets an in-memory one that starts with what Windows would inherit (Everyone and
 * Users may read) and records what the code sets and how many bytes the file held at that moment.
 */
class OwnerOnlyAclTest {
    private static final UserPrincipal OWNER = () -> "DESKTOP\\operator";
    private static final UserPrincipal EVERYONE = () -> "Everyone";
    private static final UserPrincipal USERS = () -> "BUILTIN\\Users";

    @TempDir
    Path dir;

    private final Map<Path, View> views = new ConcurrentHashMap<>();
    private final FilePermissions.Acl acl = new FilePermissions.Acl(p -> views.computeIfAbsent(p, View::new));

    /** An ACL view that starts with inherited read entries and records each setAcl. */
    private static final class View implements AclFileAttributeView {
        final Path path;
        List<AclEntry> acl = List.of(read(EVERYONE), read(USERS), full(OWNER));
        final List<Long> sizeAtSet = new ArrayList<>();

        View(Path path) {
            this.path = path;
        }

        @Override
        public String name() {
            return "acl";
        }

        @Override
        public List<AclEntry> getAcl() {
            return acl;
        }

        @Override
        public void setAcl(List<AclEntry> entries) throws IOException {
            sizeAtSet.add(Files.size(path));
            acl = List.copyOf(entries);
        }

        @Override
        public UserPrincipal getOwner() {
            return OWNER;
        }

        @Override
        public void setOwner(UserPrincipal owner) {
            throw new UnsupportedOperationException();
        }
    }

    private static AclEntry read(UserPrincipal who) {
        return AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(who)
                .setPermissions(AclEntryPermission.READ_DATA).build();
    }

    private static AclEntry full(UserPrincipal who) {
        return AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(who)
                .setPermissions(EnumSet.allOf(AclEntryPermission.class)).build();
    }

    private static void assertOwnerOnly(View view, Set<AclEntryFlag> flags) {
        assertEquals(1, view.acl.size(), "one entry, nothing for Everyone or Users: " + view.acl);
        AclEntry only = view.acl.getFirst();
        assertEquals(AclEntryType.ALLOW, only.type());
        assertEquals(OWNER, only.principal());
        assertEquals(EnumSet.allOf(AclEntryPermission.class), only.permissions());
        assertEquals(flags, only.flags());
        assertTrue(view.sizeAtSet.stream().allMatch(size -> size == 0), "set before any content: " + view.sizeAtSet);
    }

    private View viewOf(Path path) {
        return views.entrySet().stream().filter(e -> e.getKey().toAbsolutePath().equals(path.toAbsolutePath()))
                .map(Map.Entry::getValue).findFirst().orElseThrow(() -> new AssertionError("no ACL set on " + path
                        + "; set on " + views.keySet()));
    }

    @Test
    void aRenderedFileHoldingTheSecretGetsAnOwnerOnlyAclBeforeItsContent() throws IOException {
        LocalConfigFiles files = new LocalConfigFiles(acl);
        String secret = files.writeInto(dir.toString(), "openmetadata.env", "SECRET=x\n", true);
        assertOwnerOnly(viewOf(Path.of(secret)), Set.of());
        String plain = files.writeInto(dir.toString(), "values.yaml", "a: 1\n", false);
        assertFalse(views.containsKey(Path.of(plain)), "a file without a secret keeps the folder's ACL");

        // replacing (write through a temporary file): the temporary file is restricted before the secret is in it
        views.clear();
        files.write(secret, "SECRET=y\n", true);
        assertEquals(1, views.size(), views.keySet().toString());
        View temp = views.values().iterator().next();
        assertTrue(temp.path.getFileName().toString().startsWith(".sso-setup-"), temp.path.toString());
        assertOwnerOnly(temp, Set.of());
        assertEquals("SECRET=y\n", Files.readString(Path.of(secret)));
    }

    @Test
    void aPrivateKeyAndTheFolderTheExportCreatedGetOwnerOnlyAcls() {
        Path out = dir.resolve("keys");
        new FileSystemKeyFileStore(acl, FileSystemKeyFileStore.WriteHook.NONE).writeAll(out.toString(), List.of(
                new ExportFile("private_key.der", new byte[] {1, 2, 3}, true),
                new ExportFile("public_key.der", new byte[] {4, 5, 6}, false)), false);
        View folder = viewOf(out);
        assertEquals(1, folder.acl.size());
        assertEquals(Set.of(AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT), folder.acl.getFirst().flags(),
                "what is created inside inherits owner-only");
        List<View> files = views.values().stream().filter(v -> v != folder).toList();
        assertEquals(1, files.size(), "only the private key's (temporary) file: " + views.keySet());
        assertTrue(files.getFirst().path.getFileName().toString().startsWith(".private_key.der."));
        assertOwnerOnly(files.getFirst(), Set.of());
    }

    @Test
    void theCliNamesTheAclNot0600() throws IOException {
        Path profile = dir.resolve("profile.json");
        Files.writeString(profile, Samples.resource("/golden/sample-profile.json"));
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, Samples.SECRET + "\n");
        CommandLine cl = new CommandLine(new RenderCommand(new LocalConfigFiles(acl), new LocalOperatorFiles(), new NetworkntSchemaCheck()));
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        assertEquals(0, cl.execute("--profile", profile.toString(), "--format", "env", "--out",
                dir.resolve("out").toString(), "--client-secret-file", secret.toString()));
        assertTrue(out.toString().contains("(holds the client secret, owner-only ACL)"), out.toString());
        assertFalse(out.toString().contains("0600"), out.toString());
        assertTrue(new LocalConfigFiles().ownerOnlyNote().equals("0600"), "POSIX here");
    }
}
