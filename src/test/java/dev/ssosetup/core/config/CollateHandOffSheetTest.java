package dev.ssosetup.core.config;

import dev.ssosetup.core.keys.JwtKeySettings;
import dev.ssosetup.core.provider.Deployment;
import dev.ssosetup.core.text.Messages;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 19 C: the Collate (hosted) hand-off sheet and the rules a Collate configuration must meet. */
class CollateHandOffSheetTest {
    private final Renderers renderers = new Renderers();

    private static SsoConfiguration collate() {
        SsoConfiguration c = Samples.confidential();
        return new SsoConfiguration(c.provider().toBuilder().deployment(Deployment.COLLATE)
                .serverUrl("https://acme.getcollate.io/").adminPrincipals(List.of()).principalDomain("").build(),
                c.authorizerOptions(), JwtKeySettings.empty(), "");
    }

    @Test
    void theSheetCarriesThePassedLoginTestsPrincipalAndNeverTheSecret() {
        String sheet = renderers.render(OutputFormat.COLLATE, collate(),
                RenderOptions.withSecret().withLoginTestPrincipal("alice`\nx")).text();
        assertTrue(sheet.contains("OpenMetadata would sign in `alicex`"), sheet);
        assertTrue(sheet.contains("`https://acme.getcollate.io/callback`"), sheet);
        assertFalse(sheet.contains(Samples.SECRET), sheet);
        assertTrue(sheet.contains("over a secure channel"), sheet);
        String untested = renderers.render(OutputFormat.COLLATE, collate(), RenderOptions.withSecret()).text();
        assertTrue(untested.contains("No passed login test"), untested);
    }

    /** In German the headings and prose are German; the values (URLs, the client ID, scopes) are the same. */
    @Test
    void theSheetSpeaksTheOperatorsLanguageAndKeepsTheValues() {
        Messages german = Messages.forLocale(Locale.GERMAN);
        for (SsoConfiguration c : List.of(collate(), Samples.confidential())) {
            String en = renderers.render(OutputFormat.COLLATE, c, RenderOptions.withoutSecret()).text();
            String de = renderers.render(OutputFormat.COLLATE, c,
                    RenderOptions.withoutSecret().withMessages(german)).text();
            assertTrue(de.startsWith("# " + german.get("output.collate.title") + "\n"), de);
            assertTrue(de.contains("## " + german.get("output.collate.register")), de);
            assertTrue(de.contains("| " + german.get("output.collate.row.clientId") + " | `"
                    + c.provider().clientId().strip() + "` |"), de);
            assertTrue(de.contains(german.get("output.collate.secret").lines().findFirst().orElseThrow()), de);
            assertFalse(de.contains("Send to the Collate team"), de);
            assertEquals(values(en), values(de), "the same values in both languages");
            assertEquals(en.lines().count(), de.lines().count(), "the same shape");
        }
    }

    /** The table's value column and every `quoted` value of the sheet. */
    private static List<String> values(String sheet) {
        List<String> out = new java.util.ArrayList<>();
        sheet.lines().filter(l -> l.startsWith("| ") && !l.startsWith("|---"))
                .map(l -> l.substring(l.indexOf(" | ") + 3)).forEach(out::add);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("`[^`]*`").matcher(sheet);
        while (m.find()) {
            out.add(m.group());
        }
        return out.subList(1, out.size()); // the table's header row names its columns
    }

    @Test
    void aCollateConfigurationNeedsNoKeysAdminsDomainOrJwksButStillItsClientAndDomain() {
        assertEquals(List.of(), new ConfigurationCheck().check(collate()).stream()
                .filter(ReviewProblem::isError).toList());
        var p = collate().provider().toBuilder().clientId("").serverUrl("").build();
        List<String> ids = new ConfigurationCheck().check(collate().withProvider(p)).stream()
                .filter(ReviewProblem::isError).map(r -> r.finding().id()).toList();
        assertEquals(List.of("server-url-missing", "client-id-missing"), ids);
    }
}
