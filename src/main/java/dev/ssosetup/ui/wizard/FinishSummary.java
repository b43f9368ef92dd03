package dev.ssosetup.ui.wizard;

import java.util.List;
import java.util.Map;

/**
 * What the Finish page shows: label/value rows of what was set up, where the backup of the previous configuration
 * is ("" when none), and the post-push checklist items (filled by the Push feature; empty leaves the slot empty).
 */
public record FinishSummary(List<Map.Entry<String, String>> rows, String backupFile, List<String> checklist) {
    public FinishSummary {
        rows = List.copyOf(rows);
        backupFile = backupFile == null ? "" : backupFile;
        checklist = List.copyOf(checklist);
    }

    public static FinishSummary empty() {
        return new FinishSummary(List.of(), "", List.of());
    }
}
