package dev.ssosetup.infra.keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.LinkOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;

/**
 * Owner-only protection for files holding secrets (private keys, rendered outputs with the client secret): mode 0600
 * on POSIX systems, an ACL granting only the owner on Windows (NTFS). Public files get 0644 (or the folder's
 * inherited ACL).
 */
public interface FilePermissions {

    void ownerOnly(Path file) throws IOException;

    void publicReadable(Path file) throws IOException;

    /** A folder the export created: 0700 on POSIX. */
    void ownerOnlyFolder(Path dir) throws IOException;

    /** How owner-only files are protected, for messages: "0600" or "owner-only ACL". */
    String ownerOnlyName();

    /** POSIX modes when the file system supports them, else owner-only ACLs. */
    static FilePermissions forPlatform() {
        return java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new Posix() : new Acl();
    }

    /** Mode bits. */
    final class Posix implements FilePermissions {
        @Override
        public void ownerOnly(Path file) throws IOException {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }

        @Override
        public void publicReadable(Path file) throws IOException {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }

        @Override
        public void ownerOnlyFolder(Path dir) throws IOException {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }

        @Override
        public String ownerOnlyName() {
            return "0600";
        }
    }

    /**
     * Windows (NTFS): the file's ACL is replaced by one entry that gives its owner full control, nothing for anyone
     * else; a folder the export created gets the same entry, inherited by what is created inside it. {@code views}
     * finds a path's ACL view (the platform's; tests give their own, as Linux file systems have none).
     */
    final class Acl implements FilePermissions {
        private final Function<Path, AclFileAttributeView> views;

        public Acl() {
            this(path -> Files.getFileAttributeView(path, AclFileAttributeView.class, LinkOption.NOFOLLOW_LINKS));
        }

        public Acl(Function<Path, AclFileAttributeView> views) {
            this.views = views;
        }

        @Override
        public void ownerOnly(Path file) throws IOException {
            AclFileAttributeView view = views.apply(file);
            if (view == null) {
                return; // a file system with neither POSIX modes nor ACLs (FAT): nothing can be restricted
            }
            view.setAcl(ownerOnlyEntries(view.getOwner(), false));
        }

        @Override
        public void publicReadable(Path file) {
            // keep the ACL inherited from the folder
        }

        @Override
        public void ownerOnlyFolder(Path dir) throws IOException {
            AclFileAttributeView view = views.apply(dir);
            if (view != null) {
                view.setAcl(ownerOnlyEntries(view.getOwner(), true));
            }
        }

        @Override
        public String ownerOnlyName() {
            return "owner-only ACL";
        }

        /** Exactly one entry: ALLOW everything to {@code owner}; for a folder, inherited by files and subfolders. */
        static List<AclEntry> ownerOnlyEntries(UserPrincipal owner, boolean folder) {
            AclEntry.Builder entry = AclEntry.newBuilder()
                    .setType(AclEntryType.ALLOW)
                    .setPrincipal(owner)
                    .setPermissions(EnumSet.allOf(AclEntryPermission.class));
            if (folder) {
                entry.setFlags(AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT);
            }
            return List.of(entry.build());
        }
    }
}
