package dev.ssosetup.core.push;

import dev.ssosetup.core.text.Text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A field-by-field comparison of two security configurations, like {@code terraform plan}: objects are walked, and
 * every other value (strings, numbers, lists) is compared whole and named by its dotted path. Secrets are never shown:
 * the server masks its copy, so a secret we send always counts as a change, shown as {@code (hidden)} on both sides.
 */
public record ConfigDiff(List<DiffEntry> entries) {
    public ConfigDiff {
        entries = List.copyOf(entries);
    }

    /** Compares {@code live} (as read from the server) with {@code ours} (what would be sent). */
    public static ConfigDiff between(JsonNode live, JsonNode ours) {
        List<DiffEntry> out = new ArrayList<>();
        walk("", live == null ? MissingNode.getInstance() : live, ours == null ? MissingNode.getInstance() : ours,
                out);
        return new ConfigDiff(out);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The diff as lines ({@code + - ~}), or a note that nothing changes (a {@link Text}; render each line). */
    public List<Object> lines() {
        return entries.isEmpty() ? List.of(Text.of("push.diff.none"))
                : entries.stream().<Object>map(DiffEntry::line).toList();
    }

    private static void walk(String path, JsonNode live, JsonNode ours, List<DiffEntry> out) {
        boolean liveAbsent = absent(live);
        boolean oursAbsent = absent(ours);
        if (liveAbsent && oursAbsent) {
            return;
        }
        if (live.isObject() && ours.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            live.fieldNames().forEachRemaining(names::add);
            ours.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                walk(path.isEmpty() ? name : path + "." + name, live.path(name), ours.path(name), out);
            }
            return;
        }
        if (SecretFields.isSecret(path)) {
            if (liveAbsent) {
                out.add(new DiffEntry(path, DiffEntry.Change.ADDED, "", SecretFields.HIDDEN));
            } else if (oursAbsent) {
                out.add(new DiffEntry(path, DiffEntry.Change.REMOVED, SecretFields.HIDDEN, ""));
            } else {
                // the server masks its copy: we cannot compare, and ours replaces it
                out.add(new DiffEntry(path, DiffEntry.Change.CHANGED, SecretFields.HIDDEN, SecretFields.HIDDEN));
            }
            return;
        }
        if (liveAbsent) {
            addAll(path, ours, DiffEntry.Change.ADDED, out);
        } else if (oursAbsent) {
            addAll(path, live, DiffEntry.Change.REMOVED, out);
        } else if (!live.equals(ours)) {
            if (live.isObject() || ours.isObject()) {
                out.add(new DiffEntry(path, DiffEntry.Change.CHANGED, text(path, live), text(path, ours)));
            } else {
                out.add(new DiffEntry(path, DiffEntry.Change.CHANGED, live.toString(), ours.toString()));
            }
        }
    }

    /** A whole subtree added or removed: one entry per leaf, so that each field is named. */
    private static void addAll(String path, JsonNode node, DiffEntry.Change change, List<DiffEntry> out) {
        if (node.isObject() && !node.isEmpty()) {
            node.properties().forEach(e -> addAll(path + "." + e.getKey(), e.getValue(), change, out));
            return;
        }
        String value = SecretFields.isSecret(path) && !node.asText().isEmpty() ? SecretFields.HIDDEN
                : node.toString();
        out.add(change == DiffEntry.Change.ADDED ? new DiffEntry(path, change, "", value)
                : new DiffEntry(path, change, value, ""));
    }

    private static String text(String path, JsonNode node) {
        return SecretFields.masked(node).toString();
    }

    private static boolean absent(JsonNode n) {
        return n == null || n.isMissingNode() || n.isNull();
    }
}
