package dev.ssosetup.core.push;

import dev.ssosetup.core.text.Text;

/**
 * The port through which backups reach the disk. An adapter writes owner-only files (0600) with timestamped names,
 * atomically, and reads them back.
 */
public interface BackupStore {

    /** Where a backup went: the backup file and the recovery text beside it, as the operator should see them. */
    record Saved(String backupFile, String recoveryFile) {
    }

    /**
     * Saves the backup (its JSON) and the recovery text beside it.
     *
     * @throws BackupException when either file cannot be written; nothing half-written is left behind
     */
    Saved save(Backup backup) throws BackupException;

    /** Reads a backup file the operator names. */
    Backup load(String file) throws BackupException;

    /** A backup could not be written or read; {@link #text()} names the file and the cause. */
    final class BackupException extends Exception {
        private final transient Text text;

        public BackupException(Text text) {
            super(text.key(), null, false, false);
            this.text = text;
        }

        /** What happened, for the operator. */
        public Text text() {
            return text;
        }
    }
}
