package dev.ssosetup.core.push;

import dev.ssosetup.core.text.Text;

import dev.ssosetup.core.common.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The production notes of OpenMetadata's Custom OIDC setup page as a checklist, each item checked against the server
 * where it can be: the JWT key ids its {@code /api/v1/system/config/jwks} serves (OpenMetadata's shipped key must go;
 * the Keys step's key must be served after the restart). The rest are the operator's to do and tick.
 */
public final class PostPushChecklist {
    /** The key id of the JWT key pair OpenMetadata ships for quick starts (never for production). */
    public static final String SHIPPED_KEY_ID = "Gb389a-9f76-gdjs-a92j-0242bk94356";

    private PostPushChecklist() {
    }

    /**
     * @param servedKeyIds the key ids the server's JWKS serves; empty when they could not be read
     * @param configuredKeyId the key id of the Keys step ("" when unknown, e.g. push --config)
     * @param testRedirectUri the loopback redirect URI the login test used ("" when none ran)
     */
    public static List<ChecklistItem> of(Optional<List<String>> servedKeyIds, String configuredKeyId,
                                         String testRedirectUri) {
        List<ChecklistItem> out = new ArrayList<>();
        Text replace = Text.of("push.checklist.replaceKeys");
        if (servedKeyIds.isEmpty()) {
            out.add(new ChecklistItem("default-jwt-key", false, Severity.ERROR, Text.of(
                    "push.checklist.defaultKey.unknown", SHIPPED_KEY_ID, replace)));
        } else if (servedKeyIds.get().contains(SHIPPED_KEY_ID)) {
            out.add(new ChecklistItem("default-jwt-key", false, Severity.ERROR, Text.of(
                    "push.checklist.defaultKey.served", SHIPPED_KEY_ID, replace)));
        } else {
            out.add(new ChecklistItem("default-jwt-key", true, Severity.ERROR, Text.of(
                    "push.checklist.defaultKey.gone", SHIPPED_KEY_ID)));
        }
        String kid = configuredKeyId == null ? "" : configuredKeyId.strip();
        if (kid.isEmpty()) {
            out.add(new ChecklistItem("configured-key-served", false, Severity.WARNING, Text.of(
                    "push.checklist.keyServed.unknown")));
        } else if (servedKeyIds.isPresent() && servedKeyIds.get().contains(kid)) {
            out.add(new ChecklistItem("configured-key-served", true, Severity.WARNING, Text.of(
                    "push.checklist.keyServed.yes", kid)));
        } else {
            out.add(new ChecklistItem("configured-key-served", false, Severity.WARNING, servedKeyIds.isPresent()
                    ? Text.of("push.checklist.keyServed.noServes", kid, servedKeyIds.get().toString())
                    : Text.of("push.checklist.keyServed.no", kid)));
        }
        out.add(new ChecklistItem("delete-basic-admin", false, Severity.WARNING, Text.of(
                "push.checklist.deleteBasicAdmin")));
        out.add(new ChecklistItem("remove-test-redirect", false, Severity.WARNING,
                testRedirectUri == null || testRedirectUri.isBlank() ? Text.of("push.checklist.testRedirect.any")
                        : Text.of("push.checklist.testRedirect", testRedirectUri.strip())));
        out.add(new ChecklistItem("private-window", false, Severity.WARNING, Text.of(
                "push.checklist.privateWindow")));
        return out;
    }
}
