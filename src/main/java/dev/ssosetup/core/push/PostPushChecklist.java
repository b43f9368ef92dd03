package dev.ssosetup.core.push;

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
        String replace = "Replace the keys: generate your own pair (Keys step or sso-setup keys generate), point "
                + "jwtTokenConfiguration (RSA key file paths, keyId) at it in openmetadata.yaml, the environment or "
                + "the Helm values, and restart OpenMetadata.";
        if (servedKeyIds.isEmpty()) {
            out.add(new ChecklistItem("default-jwt-key", false, Severity.ERROR, "Could not read the server's "
                    + "/api/v1/system/config/jwks, so it is unknown whether it still signs tokens with the key "
                    + "OpenMetadata ships (key id " + SHIPPED_KEY_ID + "). " + replace));
        } else if (servedKeyIds.get().contains(SHIPPED_KEY_ID)) {
            out.add(new ChecklistItem("default-jwt-key", false, Severity.ERROR, "The server still serves "
                    + "OpenMetadata's shipped JWT key (key id " + SHIPPED_KEY_ID + "): anyone can sign tokens it "
                    + "accepts. " + replace));
        } else {
            out.add(new ChecklistItem("default-jwt-key", true, Severity.ERROR, "The server no longer serves "
                    + "OpenMetadata's shipped JWT key (" + SHIPPED_KEY_ID + ")."));
        }
        String kid = configuredKeyId == null ? "" : configuredKeyId.strip();
        if (kid.isEmpty()) {
            out.add(new ChecklistItem("configured-key-served", false, Severity.WARNING, "Not checked: no key id from "
                    + "the Keys step is known here (push a profile, or compare the server's "
                    + "/api/v1/system/config/jwks with your key id yourself)."));
        } else if (servedKeyIds.isPresent() && servedKeyIds.get().contains(kid)) {
            out.add(new ChecklistItem("configured-key-served", true, Severity.WARNING, "The server serves the key "
                    + "id of the Keys step (" + kid + ")."));
        } else {
            out.add(new ChecklistItem("configured-key-served", false, Severity.WARNING, "The server does not serve "
                    + "the key id of the Keys step (" + kid + ")" + servedKeyIds.map(k -> "; it serves " + k)
                    .orElse("") + ". Put the new keys in place and restart OpenMetadata, then check again."));
        }
        out.add(new ChecklistItem("delete-basic-admin", false, Severity.WARNING, "Once SSO sign-in works, delete "
                + "the default Basic-auth admin user OpenMetadata created (Settings > Users), as OpenMetadata's "
                + "production notes require."));
        String redirect = testRedirectUri == null || testRedirectUri.isBlank() ? "the loopback redirect URI "
                + "registered for the login test (http://127.0.0.1:<port>/callback)" : "the login test's redirect URI "
                + testRedirectUri.strip();
        out.add(new ChecklistItem("remove-test-redirect", false, Severity.WARNING, "OpenMetadata does not need "
                + redirect + ": remove it from the production client at the identity provider, or use a separate "
                + "client for login tests."));
        out.add(new ChecklistItem("private-window", false, Severity.WARNING, "Before you close this session, sign "
                + "in once from a private browser window to prove that a fresh browser gets in."));
        return out;
    }
}
