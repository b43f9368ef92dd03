package dev.ssosetup.ui.wizard;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the Finish page shows: label/value rows of what was set up, where the backup of the previous configuration
 * is ("" when none), and the post-push checklist items (filled by the Push feature; empty shows a default line).
 */
public record FinishSummary(List<Map.Entry<String, String>> rows, String backupFile, List<Item> checklist) {
    /** One checklist line: what to do, and whether it is done already (checked against the server). */
    public record Item(String text, boolean done) {
        public Item {
            Objects.requireNonNull(text);
        }
    }

    public FinishSummary {
        rows = List.copyOf(rows);
        backupFile = backupFile == null ? "" : backupFile;
        checklist = List.copyOf(checklist);
    }

    /**
     * The summary after a push: the Provider step's main choices, where the backup is, and the post-push checklist
     * as the Push step last checked it against the server.
     */
    public static FinishSummary of(dev.ssosetup.core.provider.ProviderSettings p, String backupFile,
                                   List<dev.ssosetup.core.push.ChecklistItem> checklist,
                                   dev.ssosetup.core.text.Messages messages) {
        List<Map.Entry<String, String>> rows = List.of(
                Map.entry(messages.get("finish.row.provider"), p.providerName()),
                Map.entry(messages.get("finish.row.issuer"), p.issuer()),
                Map.entry(messages.get("finish.row.clientId"), p.clientId()),
                Map.entry(messages.get("finish.row.server"), p.serverUrl()),
                Map.entry(messages.get("finish.row.admins"), String.join(", ", p.adminPrincipals())),
                Map.entry(messages.get("finish.row.domain"), p.principalDomain()));
        return new FinishSummary(rows, backupFile, checklist.stream().map(i -> new Item(messages.text(i.text()), i.done())).toList());
    }

    public static FinishSummary empty() {
        return new FinishSummary(List.of(), "", List.of());
    }
}
