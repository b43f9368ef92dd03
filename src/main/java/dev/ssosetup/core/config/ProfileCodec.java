package dev.ssosetup.core.config;

import dev.ssosetup.core.text.Text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.keys.JwtKeySettings;
import dev.ssosetup.core.provider.ClientAuthMethod;
import dev.ssosetup.core.provider.ClientType;
import dev.ssosetup.core.provider.Deployment;
import dev.ssosetup.core.provider.OpenMetadataVersion;
import dev.ssosetup.core.provider.Preset;
import dev.ssosetup.core.provider.ProviderSettings;
import dev.ssosetup.core.provider.ResponseType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and writes profiles as versioned JSON ({@code "profileVersion": 2}; version 1, written before the target
 * OpenMetadata version was part of the model, still loads: it was made for 1.10/1.11 and is upgraded with a note). Written field by field, so that the client
 * secret and tokens can never slip in. Reading is strict about the version and the types and refuses with a message
 * naming the field; it never returns half a profile.
 */
public final class ProfileCodec {
    /** Started on first use, not when the wizard is built (start-up time). */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    public String write(Profile profile) {
        SsoConfiguration c = profile.configuration();
        ProviderSettings p = c.provider();
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("profileVersion", Profile.VERSION);
        ObjectNode pn = root.putObject("provider");
        pn.put("deployment", p.deployment().name());
        pn.put("preset", p.preset().name());
        pn.put("providerName", p.providerName());
        pn.put("issuer", p.issuer());
        pn.put("discoveryUrl", p.discoveryUrl());
        pn.put("idpJwksUri", c.idpJwksUri());
        pn.put("tenant", p.tenant());
        pn.put("clientType", p.clientType().name());
        pn.put("responseType", p.responseType().name());
        pn.put("clientId", p.clientId());
        strings(pn, "scopes", p.scopes());
        pn.put("clientAuthMethod", p.clientAuthMethod().name());
        pn.put("tokenValidationAlgorithm", p.tokenValidationAlgorithm());
        pn.put("serverUrl", p.serverUrl());
        strings(pn, "principalClaims", p.principalClaims());
        ObjectNode mapping = pn.putObject("principalClaimsMapping");
        new TreeMap<>(p.principalClaimsMapping()).forEach(mapping::put);
        strings(pn, "adminPrincipals", p.adminPrincipals());
        pn.put("principalDomain", p.principalDomain());
        pn.put("enforcePrincipalDomain", p.enforcePrincipalDomain());
        strings(pn, "allowedRegistrationDomains", p.allowedRegistrationDomains());
        pn.put("selfSignup", p.selfSignup());
        pn.put("openMetadataVersion", p.openMetadataVersion().label());
        pn.put("sessionExpirySeconds", p.sessionExpirySeconds());
        pn.put("maxActiveSessionsPerUser", p.maxActiveSessionsPerUser());
        pn.put("teamClaimMapping", p.teamClaimMapping());
        pn.put("defaultOAuthRole", p.defaultOAuthRole());
        pn.put("prompt", p.prompt());
        ObjectNode an = root.putObject("authorizer");
        strings(an, "allowedDomains", c.authorizerOptions().allowedDomains());
        an.put("enableSecureSocketConnection", c.authorizerOptions().enableSecureSocketConnection());
        an.put("useRolesFromProvider", c.authorizerOptions().useRolesFromProvider());
        JwtKeySettings k = c.keys();
        ObjectNode kn = root.putObject("keys");
        kn.put("privateKeyPath", k.privateKeyPath());
        kn.put("publicKeyPath", k.publicKeyPath());
        kn.put("issuer", k.issuer());
        kn.put("keyId", k.keyId());
        ObjectNode ln = root.putObject("loginTest");
        new TreeMap<>(profile.loginTest()).forEach(ln::put);
        try {
            return Json.MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public ProfileLoad read(String text) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            if (e.getLocation() == null) { // the parser's limits (nesting depth, number or string length)
                return new ProfileLoad.Refused(Text.of("profile.refused.tooDeep"));
            }
            return new ProfileLoad.Refused(Text.of("profile.refused.notJson", e.getLocation().getLineNr(),
                    e.getLocation().getColumnNr()));
        }
        if (root == null || !root.isObject()) {
            return new ProfileLoad.Refused(Text.of("profile.refused.notObject"));
        }
        JsonNode version = root.get("profileVersion");
        if (version == null || !version.isInt()) {
            return new ProfileLoad.Refused(Text.of("profile.refused.noVersion"));
        }
        if (version.intValue() != Profile.VERSION && version.intValue() != Profile.VERSION_BEFORE_TARGET) {
            return new ProfileLoad.Refused(Text.of("profile.refused.version", version.intValue(),
                    Profile.VERSION_BEFORE_TARGET, Profile.VERSION));
        }
        try {
            Profile profile = parse(root);
            if (version.intValue() == Profile.VERSION_BEFORE_TARGET) {
                return new ProfileLoad.Loaded(profile, List.of(Text.of("profile.upgraded",
                        Profile.VERSION_BEFORE_TARGET, OpenMetadataVersion.LEGACY_DEFAULT.label(), Profile.VERSION)));
            }
            return new ProfileLoad.Loaded(profile);
        } catch (BadField e) {
            return new ProfileLoad.Refused(e.text);
        }
    }

    private static Profile parse(JsonNode root) {
        JsonNode pn = object(root, "provider");
        ProviderSettings d = ProviderSettings.defaults();
        ProviderSettings p = ProviderSettings.builder()
                .preset(enumValue(pn, "provider.preset", "preset", Preset.class, d.preset()))
                .providerName(text(pn, "provider.providerName", "providerName", d.providerName()))
                .issuer(text(pn, "provider.issuer", "issuer", d.issuer()))
                .discoveryUrl(text(pn, "provider.discoveryUrl", "discoveryUrl", d.discoveryUrl()))
                .tenant(text(pn, "provider.tenant", "tenant", d.tenant()))
                .clientType(enumValue(pn, "provider.clientType", "clientType", ClientType.class, d.clientType()))
                .responseType(enumValue(pn, "provider.responseType", "responseType", ResponseType.class,
                        d.responseType()))
                .clientId(text(pn, "provider.clientId", "clientId", d.clientId()))
                .clientSecret(Secret.empty())
                .scopes(list(pn, "provider.scopes", "scopes", d.scopes()))
                .clientAuthMethod(enumValue(pn, "provider.clientAuthMethod", "clientAuthMethod",
                        ClientAuthMethod.class, d.clientAuthMethod()))
                .tokenValidationAlgorithm(text(pn, "provider.tokenValidationAlgorithm", "tokenValidationAlgorithm",
                        d.tokenValidationAlgorithm()))
                .serverUrl(text(pn, "provider.serverUrl", "serverUrl", d.serverUrl()))
                .principalClaims(list(pn, "provider.principalClaims", "principalClaims", d.principalClaims()))
                .principalClaimsMapping(map(pn, "provider.principalClaimsMapping", "principalClaimsMapping"))
                .adminPrincipals(list(pn, "provider.adminPrincipals", "adminPrincipals", d.adminPrincipals()))
                .principalDomain(text(pn, "provider.principalDomain", "principalDomain", d.principalDomain()))
                .enforcePrincipalDomain(bool(pn, "provider.enforcePrincipalDomain", "enforcePrincipalDomain",
                        d.enforcePrincipalDomain()))
                .allowedRegistrationDomains(list(pn, "provider.allowedRegistrationDomains",
                        "allowedRegistrationDomains", d.allowedRegistrationDomains()))
                .selfSignup(bool(pn, "provider.selfSignup", "selfSignup", d.selfSignup()))
                .openMetadataVersion(omVersion(pn))
                .sessionExpirySeconds(integer(pn, "provider.sessionExpirySeconds", "sessionExpirySeconds",
                        d.sessionExpirySeconds()))
                .maxActiveSessionsPerUser(integer(pn, "provider.maxActiveSessionsPerUser", "maxActiveSessionsPerUser",
                        d.maxActiveSessionsPerUser()))
                .teamClaimMapping(text(pn, "provider.teamClaimMapping", "teamClaimMapping", d.teamClaimMapping()))
                .defaultOAuthRole(text(pn, "provider.defaultOAuthRole", "defaultOAuthRole", d.defaultOAuthRole()))
                .prompt(text(pn, "provider.prompt", "prompt", d.prompt()))
                .deployment(enumValue(pn, "provider.deployment", "deployment", Deployment.class, d.deployment()))
                .build();
        String jwks = text(pn, "provider.idpJwksUri", "idpJwksUri", "");
        JsonNode an = object(root, "authorizer");
        AuthorizerOptions ad = AuthorizerOptions.defaults();
        AuthorizerOptions a = new AuthorizerOptions(
                list(an, "authorizer.allowedDomains", "allowedDomains", ad.allowedDomains()),
                bool(an, "authorizer.enableSecureSocketConnection", "enableSecureSocketConnection",
                        ad.enableSecureSocketConnection()),
                bool(an, "authorizer.useRolesFromProvider", "useRolesFromProvider", ad.useRolesFromProvider()));
        JsonNode kn = object(root, "keys");
        JwtKeySettings kd = JwtKeySettings.empty();
        JwtKeySettings k = new JwtKeySettings(
                text(kn, "keys.privateKeyPath", "privateKeyPath", kd.privateKeyPath()),
                text(kn, "keys.publicKeyPath", "publicKeyPath", kd.publicKeyPath()),
                text(kn, "keys.issuer", "issuer", kd.issuer()),
                text(kn, "keys.keyId", "keyId", kd.keyId()));
        Map<String, String> login = map(root, "loginTest", "loginTest");
        return new Profile(new SsoConfiguration(p, a, k, jwks), login);
    }

    private static JsonNode object(JsonNode parent, String name) {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) {
            return Json.MAPPER.createObjectNode();
        }
        if (!n.isObject()) {
            throw new BadField("profile.field.object", name);
        }
        return n;
    }

    private static String text(JsonNode parent, String path, String name, String fallback) {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isTextual()) {
            throw new BadField("profile.field.string", path);
        }
        return n.textValue();
    }

    private static OpenMetadataVersion omVersion(JsonNode pn) {
        String label = text(pn, "provider.openMetadataVersion", "openMetadataVersion", null);
        if (label == null) {
            return OpenMetadataVersion.LEGACY_DEFAULT;
        }
        return OpenMetadataVersion.ofLabel(label).orElseThrow(() -> new BadField("profile.field.unknown",
                "provider.openMetadataVersion", label, String.join(", ", java.util.Arrays.stream(
                        OpenMetadataVersion.values()).map(OpenMetadataVersion::label).toList())));
    }

    private static int integer(JsonNode parent, String path, String name, int fallback) {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isInt()) {
            throw new BadField("profile.field.integer", path);
        }
        return n.intValue();
    }

    private static boolean bool(JsonNode parent, String path, String name, boolean fallback) {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isBoolean()) {
            throw new BadField("profile.field.boolean", path);
        }
        return n.booleanValue();
    }

    private static List<String> list(JsonNode parent, String path, String name, List<String> fallback) {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isArray()) {
            throw new BadField("profile.field.list", path);
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : n) {
            if (!item.isTextual()) {
                throw new BadField("profile.field.list", path);
            }
            out.add(item.textValue());
        }
        return out;
    }

    private static Map<String, String> map(JsonNode parent, String path, String name) {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) {
            return Map.of();
        }
        if (!n.isObject()) {
            throw new BadField("profile.field.map", path);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (var e : n.properties()) {
            if (!e.getValue().isTextual()) {
                throw new BadField("profile.field.string", path + "." + e.getKey());
            }
            out.put(e.getKey(), e.getValue().textValue());
        }
        return out;
    }

    private static <E extends Enum<E>> E enumValue(JsonNode parent, String path, String name, Class<E> type,
                                                   E fallback) {
        String s = text(parent, path, name, null);
        if (s == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, s.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            List<String> allowed = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
            throw new BadField("profile.field.unknown", path, s, String.join(", ", allowed));
        }
    }

    private static void strings(ObjectNode parent, String name, List<String> values) {
        var arr = parent.putArray(name);
        values.forEach(arr::add);
    }

    /** A field of the wrong type or value; the message names it. */
    private static final class BadField extends RuntimeException {
        private final transient Text text;

        BadField(String key, Object... args) {
            super(key, null, false, false);
            this.text = Text.of(key, args);
        }
    }
}
