package dev.ssosetup.core.config;

import dev.ssosetup.core.keys.JwtKeySettings;
import dev.ssosetup.core.provider.Deployment;
import org.junit.jupiter.api.Test;

import java.util.List;

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
