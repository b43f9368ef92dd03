package dev.ssosetup.core.push;

import dev.ssosetup.core.text.Text;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares what was sent with what the server returns. Secrets are skipped (the server masks them), fields the
 * server added with defaults are tolerated, and so is {@code publicKeyUrls} filled in by the server when it was sent
 * empty (OpenMetadata does that for a confidential client). Anything else that differs is a mismatch.
 */
final class ReadBackComparison {
    private ReadBackComparison() {
    }

    static List<Text> mismatches(JsonNode sent, JsonNode readBack) {
        List<Text> out = new ArrayList<>();
        for (DiffEntry e : ConfigDiff.between(sent, readBack).entries()) {
            if (SecretFields.isSecret(e.path()) || e.change() == DiffEntry.Change.ADDED) {
                continue;
            }
            if (e.path().equals("authenticationConfiguration.publicKeyUrls") && e.live().equals("[]")) {
                continue;
            }
            out.add(e.change() == DiffEntry.Change.REMOVED ? Text.of("push.report.readBack.missing", e.path())
                    : Text.of("push.report.readBack.differs", e.path(), e.ours(), e.live()));
        }
        return out;
    }

    static boolean same(JsonNode sent, JsonNode readBack) {
        return mismatches(sent, readBack).isEmpty();
    }
}
