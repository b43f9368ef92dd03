package dev.ssosetup.core.provider;

import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.provider.FormValidation.Field;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Provider form's rules: each wrong field is named with the message key of its fix. */
class ProviderFormValidatorTest {

    private static ProviderSettings valid() {
        return new ProviderSettings(Preset.KEYCLOAK, "Keycloak", "https://sso.example.com/realms/main", "", "",
                ClientType.PUBLIC, "openmetadata", Secret.empty(), ProviderSettings.DEFAULT_SCOPES,
                ClientAuthMethod.CLIENT_SECRET_POST, "RS256", "https://om.example.com",
                ProviderSettings.DEFAULT_PRINCIPAL_CLAIMS, Map.of(), List.of("admin"), "example.com", true,
                List.of("example.com"), true);
    }

    private static ProviderSettings with(java.util.function.UnaryOperator<Object[]> change) {
        ProviderSettings v = valid();
        Object[] a = {v.preset(), v.providerName(), v.issuer(), v.discoveryUrl(), v.tenant(), v.clientType(),
                v.clientId(), v.clientSecret(), v.scopes(), v.clientAuthMethod(), v.tokenValidationAlgorithm(),
                v.serverUrl(), v.principalClaims(), v.principalClaimsMapping(), v.adminPrincipals(),
                v.principalDomain(), v.enforcePrincipalDomain(), v.allowedRegistrationDomains(), v.selfSignup()};
        a = change.apply(a);
        @SuppressWarnings("unchecked")
        ProviderSettings s = new ProviderSettings((Preset) a[0], (String) a[1], (String) a[2], (String) a[3],
                (String) a[4], (ClientType) a[5], (String) a[6], (Secret) a[7], (List<String>) a[8],
                (ClientAuthMethod) a[9], (String) a[10], (String) a[11], (List<String>) a[12],
                (Map<String, String>) a[13], (List<String>) a[14], (String) a[15], (Boolean) a[16],
                (List<String>) a[17], (Boolean) a[18]);
        return s;
    }

    private static ProviderSettings set(int index, Object value) {
        return with(a -> {
            a[index] = value;
            return a;
        });
    }

    private static String keyFor(ProviderSettings s, String field) {
        FormValidation v = ProviderFormValidator.validate(s);
        assertEquals(Set.of(field), v.problems().keySet(), () -> "problems: " + v.problems());
        return v.problem(field).orElseThrow().key();
    }

    @Test
    void aCompleteFormIsValid() {
        assertTrue(ProviderFormValidator.validate(valid()).isValid());
    }

    @Test
    void eachWrongFieldIsNamedWithItsFix() {
        assertEquals("provider.invalid.providerName.required", keyFor(set(1, " "), Field.PROVIDER_NAME));
        assertEquals("provider.invalid.issuer.required", keyFor(set(2, ""), Field.ISSUER));
        assertEquals("provider.invalid.url", keyFor(set(2, "sso.example.com"), Field.ISSUER));
        assertEquals("provider.invalid.url.https", keyFor(set(2, "http://sso.example.com"), Field.ISSUER));
        assertEquals("provider.invalid.url.query", keyFor(set(2, "https://sso.example.com/?x=1"), Field.ISSUER));
        assertEquals("provider.invalid.placeholder", keyFor(set(2, "https://HOST/realms/REALM"), Field.ISSUER));
        assertEquals("provider.invalid.url", keyFor(set(3, "not a url"), Field.DISCOVERY_URL));
        assertEquals("provider.invalid.clientId.required", keyFor(set(6, ""), Field.CLIENT_ID));
        assertEquals("provider.invalid.clientId.spaces", keyFor(set(6, " abc"), Field.CLIENT_ID));
        assertEquals("provider.invalid.clientSecret.required", keyFor(set(5, ClientType.CONFIDENTIAL),
                Field.CLIENT_SECRET));
        assertEquals("provider.invalid.scopes.openid", keyFor(set(8, List.of("email")), Field.SCOPES));
        assertEquals("provider.invalid.algorithm", keyFor(set(10, "HS256"), Field.ALGORITHM));
        assertEquals("provider.invalid.serverUrl.required", keyFor(set(11, ""), Field.SERVER_URL));
        assertEquals("provider.invalid.principalClaims.required", keyFor(set(12, List.of()),
                Field.PRINCIPAL_CLAIMS));
        assertEquals("provider.invalid.mapping.both", keyFor(set(13, Map.of("username", "preferred_username")),
                Field.CLAIMS_MAPPING));
        assertEquals("provider.invalid.mapping.format", keyFor(set(13, Map.of("user", "x", "email", "email")),
                Field.CLAIMS_MAPPING));
        assertEquals("provider.invalid.adminPrincipals.required", keyFor(set(14, List.of()),
                Field.ADMIN_PRINCIPALS));
        assertEquals("provider.invalid.principalDomain.required", keyFor(set(15, ""), Field.PRINCIPAL_DOMAIN));
        assertEquals("provider.invalid.domain", keyFor(set(15, "example"), Field.PRINCIPAL_DOMAIN));
        assertEquals("provider.invalid.domain", keyFor(set(17, List.of("exa mple.com", "x")),
                Field.REGISTRATION_DOMAINS));
    }

    @Test
    void loopbackMayUsePlainHttpAndAConfidentialClientWithASecretIsFine() {
        assertTrue(ProviderFormValidator.validate(set(2, "http://127.0.0.1:8080/realms/x")).isValid());
        assertTrue(ProviderFormValidator.validate(with(a -> {
            a[5] = ClientType.CONFIDENTIAL;
            a[7] = Secret.of("s");
            return a;
        })).isValid());
    }

    @Test
    void entraNeedsItsTenant() {
        ProviderSettings entra = with(a -> {
            a[0] = Preset.ENTRA_ID;
            a[2] = Preset.ENTRA_ID.issuerTemplate();
            return a;
        });
        FormValidation v = ProviderFormValidator.validate(entra);
        assertEquals("provider.invalid.tenant.required", v.problem(Field.TENANT).orElseThrow().key());
        assertEquals("provider.invalid.placeholder", v.problem(Field.ISSUER).orElseThrow().key());
        assertEquals("https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0",
                Preset.ENTRA_ID.issuerFor("contoso.onmicrosoft.com"));
    }

    @Test
    void listsAndMappingsParseAsTyped() {
        assertEquals(List.of("openid", "email", "profile"), ProviderFormValidator.splitList(" openid, email  profile "));
        assertEquals(Map.of("username", "preferred_username", "email", "mail"),
                ProviderFormValidator.parseMapping("username:preferred_username, email : mail"));
        assertEquals(Map.of("oops", ""), ProviderFormValidator.parseMapping("oops"));
    }

    @Test
    void placeholdersAreFoundButRealHostsAreNot() {
        assertEquals(List.of("{region}", "{userPoolId}"), Placeholders.find(Preset.COGNITO.issuerTemplate()));
        assertEquals(List.of("HOST", "REALM"), Placeholders.find(Preset.KEYCLOAK.issuerTemplate()));
        assertEquals(List.of("DOMAIN"), Placeholders.find(Preset.AUTH0.issuerTemplate()));
        assertTrue(Placeholders.find("https://login.microsoftonline.com/%7Btenant%7D/v2.0").size() == 1);
        for (String real : List.of("https://accounts.google.com", "https://host.example.com/realms/domain",
                "https://dev-123.okta.com/oauth2/default", "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Ab")) {
            assertEquals(List.of(), Placeholders.find(real), real);
        }
    }

    @Test
    void everyPresetSaysWhatItNeeds() {
        for (Preset p : Preset.values()) {
            assertEquals(p.placeholders(), Placeholders.find(p.issuerTemplate()), p.name());
        }
        assertTrue(Preset.GOOGLE.placeholders().isEmpty());
        assertEquals("https://accounts.google.com/.well-known/openid-configuration",
                ProviderSettings.discoveryUrlFor(Preset.GOOGLE.issuerTemplate()));
        assertEquals("https://x.auth0.com/.well-known/openid-configuration",
                ProviderSettings.discoveryUrlFor("https://x.auth0.com/"));
    }
}
