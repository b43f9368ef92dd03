package dev.ssosetup.infra.keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.FileOwnerAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;

/**
 * Owner-only protection for private key files: mode 0600 on POSIX systems, an ACL granting only the owner on
 * Windows (NTFS). Public files get 0644 (or the folder's inherited ACL).
 */
public interface FilePermissions {

    void ownerOnly(Path file) throws IOException;

    void publicReadable(Path file) throws IOException;

    /** A folder the export created: 0700 on POSIX. */
    void ownerOnlyFolder(Path dir) throws IOException;

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
    }

    /** Windows: replace the ACL by one entry that gives the owner full control. */
    final class Acl implements FilePermissions {
        @Override
        public void ownerOnly(Path file) throws IOException {
            AclFileAttributeView view = Files.getFileAttributeView(file, AclFileAttributeView.class);
            if (view == null) {
                return; // a file system with neither POSIX modes nor ACLs (FAT): nothing can be restricted
            }
            UserPrincipal owner = Files.getFileAttributeView(file, FileOwnerAttributeView.class).getOwner();
            AclEntry entry = AclEntry.newBuilder()
                    .setType(AclEntryType.ALLOW)
                    .setPrincipal(owner)
                    .setPermissions(EnumSet.allOf(AclEntryPermission.class))
                    .build();
            view.setAcl(List.of(entry));
        }

        @Override
        public void publicReadable(Path file) {
            // keep the ACL inherited from the folder
        }

        @Override
        public void ownerOnlyFolder(Path dir) {
            // keep the ACL inherited from the parent
        }
    }
}
