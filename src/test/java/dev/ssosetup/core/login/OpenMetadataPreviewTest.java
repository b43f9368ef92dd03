package dev.ssosetup.core.login;

import dev.ssosetup.core.provider.ProviderSettings;
import dev.ssosetup.testing.Settings;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import dev.ssosetup.testsupport.En;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OpenMetadata's way of naming a user, applied to claims. */
class OpenMetadataPreviewTest {
    private static Settings base() {
        return Settings.publicClient("https://idp", "c");
    }

    private static boolean has(OpenMetadataPreview p, String id) {
        return p.warnings().stream().anyMatch(f -> f.id().equals(id));
    }

    @Test
    void theFirstPresentPrincipalClaimNamesTheUser() {
        ProviderSettings s = base().claims(List.of("email", "preferred_username", "sub")).admins("jdoe").build();
        OpenMetadataPreview p = OpenMetadataPreview.of(s, Map.of("preferred_username", "jdoe", "sub", "x"), Map.of());
        assertEquals("preferred_username", p.principalClaim());
        assertEquals("jdoe", p.userName());
        assertEquals("", p.email(), "no email and no principal domain");
        assertTrue(p.admin());
        assertNull(p.domain().ok());
    }

    @Test
    void aUserNameWithoutAtGetsThePrincipalDomainAsEmailButFailsAnEnforcedDomain() {
        ProviderSettings s = base().claims(List.of("preferred_username")).admins("jdoe")
                .domain("acme.example", true).build();
        OpenMetadataPreview p = OpenMetadataPreview.of(s, Map.of("preferred_username", "JDoe"), Map.of());
        assertEquals("jdoe", p.userName(), "OpenMetadata lower-cases user names");
        assertEquals("jdoe@acme.example", p.email());
        assertEquals(Boolean.FALSE, p.domain().ok(), "OpenMetadata takes the domain from the claim value itself");
        assertTrue(has(p, "login-domain-refused"));
        assertTrue(En.text(p.warnings().getFirst().hint()).contains("email"), En.text(p.warnings().getFirst().hint()));
        ProviderSettings emailFirst = base().admins("jdoe").domain("acme.example", true).build();
        OpenMetadataPreview ok = OpenMetadataPreview.of(emailFirst, Map.of("EMAIL", "jdoe@acme.example"), Map.of());
        assertEquals("email", ok.principalClaim(), "claim names compare without case");
        assertEquals(Boolean.TRUE, ok.domain().ok());
        assertTrue(ok.warnings().isEmpty(), ok.warnings()::toString);
    }

    @Test
    void theMappingWinsOverTheClaimList() {
        ProviderSettings s = base().mapping(Map.of("username", "upn", "email", "mail")).admins("boss").build();
        OpenMetadataPreview p = OpenMetadataPreview.of(s,
                Map.of("email", "other@x.example", "upn", "boss@corp.example", "mail", "boss@corp.example"), Map.of());
        assertEquals("upn", p.principalClaim());
        assertEquals("boss", p.userName());
        assertEquals("boss@corp.example", p.email());
        assertTrue(p.admin());
    }

    @Test
    void noPrincipalClaimIsALoudWarningAndMentionsClaimsOnlyInUserinfo() {
        ProviderSettings s = base().claims(List.of("email")).admins("a").build();
        OpenMetadataPreview p = OpenMetadataPreview.of(s, Map.of("sub", "1"), Map.of("email", "a@b"));
        assertEquals("", p.principalClaim());
        assertTrue(has(p, "login-no-principal-claim"));
        assertTrue(En.text(p.warnings().getFirst().hint()).contains("only in userinfo"), En.text(p.warnings().getFirst().hint()));
        assertFalse(p.admin());
    }

    @Test
    void notAnAdminAndAWrongDomainWarnOfLockOut() {
        ProviderSettings s = base().admins("alice").domain("acme.example", true).build();
        OpenMetadataPreview p = OpenMetadataPreview.of(s, Map.of("email", "Bob@Other.example"), Map.of());
        assertEquals("bob", p.userName());
        assertFalse(p.admin());
        assertTrue(has(p, "login-not-admin"));
        assertTrue(has(p, "login-domain-refused"));
        assertEquals(Boolean.FALSE, p.domain().ok());
        assertTrue(p.warnings().stream().allMatch(f -> En.text(f.message()).contains("lock")), p.warnings()::toString);
    }
}
