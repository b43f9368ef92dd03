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
    public RenderedOutput render(SsoConfiguration c, RenderOptions o) {
        if (c.provider().collate()) {
            return new RenderedOutput(format(), hosted(c, o), false);
        }
        var p = c.provider();
        String server = c.serverUrl().isEmpty() ? "https://<your-collate-domain>" : c.serverUrl();
        List<String> scopes = new ArrayList<>(p.scopes());
        List<String> l = sendTable(c, o);
        l.add(row(o.text("output.collate.row.clientType"), p.clientType().wire()));
        l.add(row(o.text("output.collate.row.clientId"), "`" + p.clientId().strip() + "`"));
        l.add(row(o.text("output.collate.row.discovery"), p.effectiveDiscoveryUrl()));
        l.add(row(o.text("output.collate.row.authority"), c.authority()));
        l.add(row(o.text("output.collate.row.scopes"), "`" + String.join(" ", scopes) + "`"));
        if (c.confidential()) {
            l.add(row(o.text("output.collate.row.clientAuth"), p.clientAuthMethod().wire()));
        }
        if (!c.tenant().isEmpty()) {
            l.add(row(o.text("output.collate.row.tenant"), c.tenant()));
        }
        l.add(row(o.text("output.collate.row.jwks"), c.idpJwksKnown() ? c.idpJwksUri() : o.text("output.collate.jwksUnknown")));
        l.add(row(o.text("output.collate.row.admins"), String.join(", ", p.adminPrincipals())));
        l.add(row(o.text("output.collate.row.principalDomain"), c.authorizer().principalDomain()));
        l.add("");
        if (!scopes.contains("offline_access")) {
            l.addAll(o.lines("output.collate.offlineAccess"));
            l.add("");
        }
        if (c.confidential()) {
            l.addAll(o.lines("output.collate.secret"));
            l.add("");
        }
        l.add("## " + o.text("output.collate.register"));
        l.add("");
        l.add("- " + o.text("output.collate.redirect", server + "/callback"));
        l.add("- " + o.text("output.collate.serverKeys", server + SsoConfiguration.SERVER_JWKS_PATH));
        l.add("");
        return new RenderedOutput(format(), String.join("\n", l), false);
    }

    /**
     * The sheet for a Collate (hosted) customer: only what the Collate team needs to configure the server (no JWT
     * keys, admins or principal domain: they set those), the redirect URI to register for the Collate domain, and how
     * to send the secret.
     */
    /** The sheet's title and the start of the table of what to send: the provider first. */
    private static List<String> sendTable(SsoConfiguration c, RenderOptions o) {
        List<String> l = new ArrayList<>();
        l.add("# " + o.text("output.collate.title"));
        l.add("");
        l.add("## " + o.text("output.collate.send"));
        l.add("");
        l.add(row(o.text("output.collate.setting"), o.text("output.collate.value")));
        l.add("|---|---|");
        l.add(row(o.text("output.collate.row.provider"), c.providerName() + " (" + c.omProvider() + ")"));
        return l;
    }

    private static String hosted(SsoConfiguration c, RenderOptions o) {
        var p = c.provider();
        String callback = p.callbackUrl().isEmpty() ? "https://<your-collate-domain>/callback" : p.callbackUrl();
        List<String> l = sendTable(c, o);
        l.add(row(o.text("output.collate.row.discovery"), p.effectiveDiscoveryUrl()));
        l.add(row(o.text("output.collate.row.authority"), c.authority()));
        l.add(row(o.text("output.collate.row.clientId"), "`" + p.clientId().strip() + "`"));
        l.add(row(o.text("output.collate.row.clientType"), p.clientType().wire()));
        l.add(row(o.text("output.collate.row.flow"), p.effectiveResponseType().wire()));
        if (c.confidential()) {
            l.add(row(o.text("output.collate.row.clientAuth"), p.clientAuthMethod().wire()));
        }
        if (!c.tenant().isEmpty()) {
            l.add(row(o.text("output.collate.row.tenant"), c.tenant()));
        }
        l.add(row(o.text("output.collate.row.scopes"), "`" + String.join(" ", p.scopes()) + "`"));
        l.add(row(o.text("output.collate.row.claims"), "`" + String.join(" ", p.principalClaims()) + "`"));
        if (!p.principalClaimsMapping().isEmpty()) {
            l.add(row(o.text("output.collate.row.claimsMapping"), "`" + new java.util.TreeMap<>(p.principalClaimsMapping()).entrySet()
                    .stream().map(e -> e.getKey() + ":" + e.getValue()).collect(java.util.stream.Collectors
                            .joining(" ")) + "`"));
        }
        l.add("");
        if (!p.scopes().contains("offline_access")) {
            l.addAll(o.lines("output.collate.offlineAccess"));
            l.add("");
        }
        if (c.confidential()) {
            l.addAll(o.lines("output.collate.secret"));
            l.add("");
        }
        l.addAll(o.lines("output.collate.hosted.server"));
        l.add("");
        l.add("## " + o.text("output.collate.loginTest"));
        l.add("");
        if (o.loginTestPrincipal().isEmpty()) {
            l.addAll(o.lines("output.collate.loginTest.none"));
        } else {
            l.addAll(o.lines("output.collate.loginTest.passed",
                    o.loginTestPrincipal().replaceAll("[\\p{Cntrl}`]", "")));
        }
        l.add("");
        l.add("## " + o.text("output.collate.register"));
        l.add("");
        l.add("- " + o.text("output.collate.redirect.hosted", callback));
        l.add("");
        return String.join("\n", l);
    }

    /** A row of the settings table; a label never holds a {@code |}, a value is the setting as it is. */
    private static String row(String label, String value) {
        return "| " + label + " | " + value + " |";
    }
}
