package dev.ssosetup.core.login;

import dev.ssosetup.core.provider.PrincipalDomainSuggestion;
import dev.ssosetup.core.provider.ProviderSettings;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.core.text.Text;
import dev.ssosetup.testing.Settings;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 16: the preview says which claims it looked for, in which order, why it chose one, and why no email. */
class PreviewExplanationTest {
    private final Messages en = Messages.forLocale(Locale.ENGLISH);

    private List<String> lines(OpenMetadataPreview p) {
        return p.explanation().stream().map(en::text).toList();
    }

    @Test
    void theOrderTheAbsentClaimsAndTheChosenOneAreExplained() {
        ProviderSettings s = Settings.publicClient("https://idp", "c")
                .claims(List.of("email", "preferred_username", "sub")).admins("jdoe").build();
        OpenMetadataPreview p = OpenMetadataPreview.of(s, Map.of("preferred_username", "jdoe", "sub", "x"), Map.of());
        assertEquals(List.of("login.preview.why.order", "login.preview.why.absent", "login.preview.why.chosen",
                "login.preview.why.userName"), p.explanation().stream().map(Text::key).toList());
        List<String> lines = lines(p);
        assertTrue(lines.getFirst().contains("email, preferred_username, sub"), lines::toString);
        assertTrue(lines.get(1).startsWith("email: not in the ID token"), lines::toString);
        assertTrue(lines.get(2).startsWith("preferred_username: in the ID token (jdoe)"), lines::toString);
        // no email: the note names the claim that would have provided one
        assertNotNull(p.emailNote());
        assertEquals("login.preview.email.none.noAddress", p.emailNote().key());
        OpenMetadataPreview withEmail = OpenMetadataPreview.of(s.toBuilder()
                        .principalClaims(List.of("preferred_username", "email")).build(),
                Map.of("preferred_username", "jdoe", "email", "jdoe@example.com"), Map.of());
        assertEquals("", withEmail.email());
        assertEquals("login.preview.email.none.emailNotFirst", withEmail.emailNote().key());
        assertTrue(en.text(withEmail.emailNote()).contains("jdoe@example.com"), en.text(withEmail.emailNote()));
        OpenMetadataPreview onlyUserInfo = OpenMetadataPreview.of(s,
                Map.of("preferred_username", "jdoe"), Map.of("email", "jdoe@example.com"));
        assertEquals("login.preview.email.none.userInfo", onlyUserInfo.emailNote().key());
    }

    @Test
    void anAppendedDomainAndAMappingSayWhereTheEmailComesFrom() {
        ProviderSettings s = Settings.publicClient("https://idp", "c").claims(List.of("preferred_username"))
                .admins("jdoe").domain("example.com", false).build();
        OpenMetadataPreview p = OpenMetadataPreview.of(s, Map.of("preferred_username", "jdoe"), Map.of());
        assertEquals("jdoe@example.com", p.email());
        assertNull(p.emailNote());
        assertTrue(lines(p).stream().anyMatch(l -> l.contains("appends the principal domain example.com")),
                lines(p)::toString);
        ProviderSettings mapped = Settings.publicClient("https://idp", "c")
                .mapping(Map.of("username", "upn", "email", "mail")).admins("boss").build();
        OpenMetadataPreview m = OpenMetadataPreview.of(mapped, Map.of("upn", "boss@corp.example"), Map.of());
        assertEquals("login.preview.why.mapping", m.explanation().getFirst().key());
        assertEquals("login.preview.email.none.mapped", m.emailNote().key());
    }

    @Test
    void theSignedInUsersDomainIsSuggestedUnlessItIsSetAlready() {
        ProviderSettings s = Settings.publicClient("https://idp", "c").admins("alice").build();
        var suggestion = PrincipalDomainSuggestion.of(s, Map.of("email", "alice@Example.com")).orElseThrow();
        assertEquals("example.com", suggestion.domain());
        assertEquals("Use example.com from alice@Example.com", en.text(suggestion.label()));
        assertEquals("example.com", suggestion.applyTo(s).principalDomain());
        assertTrue(PrincipalDomainSuggestion.of(suggestion.applyTo(s), Map.of("email", "alice@example.com")).isEmpty());
        assertTrue(PrincipalDomainSuggestion.of(s, Map.of("email", "alice")).isEmpty(), "no address, no domain");
    }
}
