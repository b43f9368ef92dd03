package dev.ssosetup.testing;

import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.provider.ClientAuthMethod;
import dev.ssosetup.core.provider.ClientType;
import dev.ssosetup.core.provider.Preset;
import dev.ssosetup.core.provider.ProviderSettings;
import dev.ssosetup.core.provider.ResponseType;

import java.util.List;
import java.util.Map;

/** Builds {@link ProviderSettings} for tests, field by field, starting from the defaults. */
public final class Settings {
    private String issuer = "";
    private String discoveryUrl = "";
    private ClientType type = ClientType.PUBLIC;
    /** Tests of the code flow are the most; {@link #implicit()} for OpenMetadata's default public flow. */
    private ResponseType responseType = ResponseType.CODE;
    private String clientId = "";
    private Secret secret = Secret.empty();
    private ClientAuthMethod method = ClientAuthMethod.CLIENT_SECRET_POST;
    private List<String> scopes = ProviderSettings.DEFAULT_SCOPES;
    private String alg = "RS256";
    private List<String> claims = ProviderSettings.DEFAULT_PRINCIPAL_CLAIMS;
    private Map<String, String> mapping = Map.of();
    private List<String> admins = List.of();
    private String domain = "";
    private boolean enforce;

    public static Settings publicClient(String issuer, String clientId) {
        Settings s = new Settings();
        s.issuer = issuer;
        s.clientId = clientId;
        return s;
    }

    public static Settings confidential(String issuer, String clientId, String secret, ClientAuthMethod method) {
        Settings s = publicClient(issuer, clientId);
        s.type = ClientType.CONFIDENTIAL;
        s.secret = Secret.of(secret);
        s.method = method;
        return s;
    }

    /** A public client that signs in with the implicit flow ({@code responseType: id_token}). */
    public Settings implicit() {
        responseType = ResponseType.ID_TOKEN;
        return this;
    }

    public Settings discoveryUrl(String v) {
        discoveryUrl = v;
        return this;
    }

    public Settings issuer(String v) {
        issuer = v;
        return this;
    }

    public Settings scopes(List<String> v) {
        scopes = v;
        return this;
    }

    public Settings alg(String v) {
        alg = v;
        return this;
    }

    public Settings claims(List<String> v) {
        claims = v;
        return this;
    }

    public Settings mapping(Map<String, String> v) {
        mapping = v;
        return this;
    }

    public Settings admins(String... v) {
        admins = List.of(v);
        return this;
    }

    public Settings domain(String v, boolean enforced) {
        domain = v;
        enforce = enforced;
        return this;
    }

    public ProviderSettings build() {
        return ProviderSettings.builder().preset(Preset.CUSTOM_OIDC).providerName("Test").issuer(issuer)
                .discoveryUrl(discoveryUrl).clientType(type).responseType(responseType).clientId(clientId).clientSecret(secret).scopes(scopes)
                .clientAuthMethod(method).tokenValidationAlgorithm(alg).serverUrl("https://om.example.com")
                .principalClaims(claims).principalClaimsMapping(mapping).adminPrincipals(admins).principalDomain(domain)
                .enforcePrincipalDomain(enforce).allowedRegistrationDomains(List.of()).selfSignup(true).build();
    }
}
