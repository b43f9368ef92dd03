package dev.ssosetup.core.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The hand-off sheet for a hosted (Collate) OpenMetadata: what to send to the Collate team, what to register at the
 * identity provider, and a reminder that the secret travels over a secure channel. The secret itself is never in it.
 */
public final class CollateSheetRenderer implements ConfigRenderer {
    @Override
    public OutputFormat format() {
        return OutputFormat.COLLATE;
    }

    @Override
    public RenderedOutput render(SsoConfiguration c, RenderOptions options) {
        if (c.provider().collate()) {
            return new RenderedOutput(format(), hosted(c, options), false);
        }
        var p = c.provider();
        String server = c.serverUrl().isEmpty() ? "https://<your-collate-domain>" : c.serverUrl();
        List<String> scopes = new ArrayList<>(p.scopes());
        List<String> l = new ArrayList<>();
        l.add("# Single sign-on hand-off for Collate");
        l.add("");
        l.add("## Send to the Collate team");
        l.add("");
        l.add("| Setting | Value |");
        l.add("|---|---|");
        l.add("| Identity provider | " + c.providerName() + " (" + c.omProvider() + ") |");
        l.add("| Client type | " + p.clientType().wire() + " |");
        l.add("| Client ID | `" + p.clientId().strip() + "` |");
        l.add("| Discovery URL | " + p.effectiveDiscoveryUrl() + " |");
        l.add("| Authority (issuer) | " + c.authority() + " |");
        l.add("| Scopes | `" + String.join(" ", scopes) + "` |");
        if (c.confidential()) {
            l.add("| Client authentication | " + p.clientAuthMethod().wire() + " |");
        }
        if (!c.tenant().isEmpty()) {
            l.add("| Tenant | " + c.tenant() + " |");
        }
        l.add("| IdP JWKS URL | " + (c.idpJwksKnown() ? c.idpJwksUri() : "unknown: run discovery") + " |");
        l.add("| Admin users | " + String.join(", ", p.adminPrincipals()) + " |");
        l.add("| Principal domain | " + c.authorizer().principalDomain() + " |");
        l.add("");
        if (!scopes.contains("offline_access")) {
            l.add("Add the scope `offline_access` if users should stay signed in through refresh tokens.");
            l.add("");
        }
        if (c.confidential()) {
            l.add("**The client secret is not in this sheet.** Send it to the Collate team over a secure channel");
            l.add("(their secret-sharing link or an encrypted message), never by plain e-mail or chat.");
            l.add("");
        }
        l.add("## Register at your identity provider");
        l.add("");
        l.add("- Redirect (callback) URI, exactly: `" + server + "/callback`");
        l.add("- OpenMetadata's public keys will be at `" + server + SsoConfiguration.SERVER_JWKS_PATH + "`");
        l.add("");
        return new RenderedOutput(format(), String.join("\n", l), false);
    }

    /**
     * The sheet for a Collate (hosted) customer: only what the Collate team needs to configure the server (no JWT
     * keys, admins or principal domain: they set those), the redirect URI to register for the Collate domain, and how
     * to send the secret.
     */
    private static String hosted(SsoConfiguration c, RenderOptions options) {
        var p = c.provider();
        String callback = p.callbackUrl().isEmpty() ? "https://<your-collate-domain>/callback" : p.callbackUrl();
        List<String> l = new ArrayList<>();
        l.add("# Single sign-on hand-off for Collate");
        l.add("");
        l.add("## Send to the Collate team");
        l.add("");
        l.add("| Setting | Value |");
        l.add("|---|---|");
        l.add("| Identity provider | " + c.providerName() + " (" + c.omProvider() + ") |");
        l.add("| Discovery URL | " + p.effectiveDiscoveryUrl() + " |");
        l.add("| Authority (issuer) | " + c.authority() + " |");
        l.add("| Client ID | `" + p.clientId().strip() + "` |");
        l.add("| Client type | " + p.clientType().wire() + " |");
        l.add("| Flow (response type) | " + p.effectiveResponseType().wire() + " |");
        if (c.confidential()) {
            l.add("| Client authentication | " + p.clientAuthMethod().wire() + " |");
        }
        if (!c.tenant().isEmpty()) {
            l.add("| Tenant | " + c.tenant() + " |");
        }
        l.add("| Scopes | `" + String.join(" ", p.scopes()) + "` |");
        l.add("| Principal claims | `" + String.join(" ", p.principalClaims()) + "` |");
        if (!p.principalClaimsMapping().isEmpty()) {
            l.add("| Principal claims mapping | `" + new java.util.TreeMap<>(p.principalClaimsMapping()).entrySet()
                    .stream().map(e -> e.getKey() + ":" + e.getValue()).collect(java.util.stream.Collectors
                            .joining(" ")) + "` |");
        }
        l.add("");
        if (!p.scopes().contains("offline_access")) {
            l.add("Add the scope `offline_access` if users should stay signed in through refresh tokens.");
            l.add("");
        }
        if (c.confidential()) {
            l.add("**The client secret is not in this sheet.** Send it to the Collate team over a secure channel");
            l.add("(their secret-sharing link or an encrypted message), never by plain e-mail or chat.");
            l.add("");
        }
        l.add("The Collate team configures the server (its keys, admins and principal domain); nothing is pushed "
                + "from here.");
        l.add("");
        l.add("## Login test");
        l.add("");
        if (options.loginTestPrincipal().isEmpty()) {
            l.add("No passed login test with these settings: run the Login test step before handing off.");
        } else {
            l.add("Passed with these settings: OpenMetadata would sign in `"
                    + options.loginTestPrincipal().replaceAll("[\\p{Cntrl}`]", "")
                    + "`. (No token or code is included.)");
        }
        l.add("");
        l.add("## Register at your identity provider");
        l.add("");
        l.add("- Redirect (callback) URI for your Collate domain, exactly: `" + callback + "`");
        l.add("");
        return String.join("\n", l);
    }
}
