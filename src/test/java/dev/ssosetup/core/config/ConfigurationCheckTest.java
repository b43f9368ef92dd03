package dev.ssosetup.core.config;

import dev.ssosetup.core.common.Finding;
import dev.ssosetup.core.common.Severity;
import dev.ssosetup.core.keys.JwtKeySettings;
import dev.ssosetup.core.provider.ProviderSettings;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import dev.ssosetup.testsupport.En;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The model's rules and the review summary: problems are linked to the step that fixes them. */
class ConfigurationCheckTest {
    private final ConfigurationCheck check = new ConfigurationCheck();

    @Test
    void theSampleHasNoErrors() {
        assertEquals(List.of(), check.check(Samples.confidential()).stream().filter(ReviewProblem::isError).toList());
    }

    @Test
    void aFreshWizardListsWhatIsMissingPerStep() {
        var problems = check.check(SsoConfiguration.of(ProviderSettings.defaults(), JwtKeySettings.empty(), ""));
        assertStep(problems, "server-url-missing", StepIds.PROVIDER);
        assertStep(problems, "issuer-missing", StepIds.PROVIDER);
        assertStep(problems, "client-id-missing", StepIds.PROVIDER);
        assertStep(problems, "idp-jwks-unknown", StepIds.PROVIDER);
        assertStep(problems, "admins-missing", StepIds.PROVIDER);
        assertStep(problems, "jwt-issuer-missing", StepIds.KEYS);
        assertStep(problems, "jwt-key-id-missing", StepIds.KEYS);
    }

    @Test
    void unknownJwksIsSaidNotGuessed() {
        var c = Samples.confidential();
        var unknown = new SsoConfiguration(c.provider(), c.authorizerOptions(), c.keys(), " ");
        assertEquals(List.of("https://om.example.com/api/v1/system/config/jwks"), unknown.publicKeyUrls());
        assertStep(check.check(unknown), "idp-jwks-unknown", StepIds.PROVIDER);
    }

    @Test
    void summaryShowsChoicesByStepNotesAndFedFindings() {
        var c = Samples.confidential();
        var inputs = new ReviewInputs(Map.of(StepIds.LOGIN, List.of(
                Finding.warning("nonce-missing", En.words("The ID token has no nonce."), En.words("Check the IdP.")),
                Finding.info("ok", En.words("fine"), Finding.NO_HINT))),
                List.of(new StepNote(StepIds.LOGIN, "loginVerdict", Severity.INFO, "Signed in as alice")));
        var summary = ReviewSummary.of(c, inputs, new Readiness(check.check(c), List.of()));
        assertTrue(summary.ready());
        assertTrue(summary.items().contains(new ReviewItem(StepIds.KEYS, "keyId", c.keys().keyId())));
        assertTrue(summary.items().contains(new ReviewItem(StepIds.PROVIDER, "clientSecret", "entered")));
        assertTrue(summary.items().stream().noneMatch(i -> i.value().contains(Samples.SECRET)));
        assertEquals(1, summary.problems().stream().filter(p -> p.stepId().equals(StepIds.LOGIN)).count());
        assertEquals("Signed in as alice", summary.notes().getFirst().text());
        assertFalse(ReviewSummary.of(c, inputs, new Readiness(List.of(),
                List.of(new SchemaViolation("$.x", dev.ssosetup.core.text.Text.of("schema.notJson"))))).ready(), "a schema violation blocks");
    }

    @Test
    void aLineBreakInAnyListEntryIsRefusedNamingTheFieldWithoutEchoingIt() {
        String hostile = "alice\nAUTHORIZER_ADMIN_PRINCIPALS=[mallory";
        var c = Samples.confidential();
        var p = c.provider();
        for (String field : List.of("Admin principals", "Principal claims", "Scopes", "Allowed registration domains")) {
            List<String> admins = field.equals("Admin principals") ? List.of("admin", hostile) : p.adminPrincipals();
            List<String> claims = field.equals("Principal claims") ? List.of("email", "sub\r") : p.principalClaims();
            List<String> scopes = field.equals("Scopes") ? List.of("openid", "email\u2028x") : p.scopes();
            List<String> reg = field.equals("Allowed registration domains") ? List.of("a.example\n") : List.of();
            var bad = c.withProvider(p.toBuilder().scopes(scopes).principalClaims(claims).adminPrincipals(admins)
                    .allowedRegistrationDomains(reg).build());
            var problems = check.check(bad);
            assertStep(problems, "line-break", StepIds.PROVIDER);
            var lineBreak = problems.stream().filter(x -> x.finding().id().equals("line-break")).toList();
            assertEquals(1, lineBreak.size(), field + ": " + lineBreak);
            assertTrue(En.text(lineBreak.getFirst().finding().message()).startsWith(field), lineBreak.toString());
            assertFalse(En.text(lineBreak.getFirst().finding().message()).contains("mallory"), "never echo the bad value");
        }
    }

    @Test
    void aLineBreakInAKeySettingPointsToTheKeysStep() {
        var c = Samples.confidential();
        var bad = new SsoConfiguration(c.provider(), c.authorizerOptions(), new JwtKeySettings(
                "/keys/private_key.der", "/keys/public_key.der", "iss\nx", c.keys().keyId()), c.idpJwksUri());
        assertStep(check.check(bad), "line-break", StepIds.KEYS);
    }

    @Test
    void theKeyIdOfTheKeysShippedInOpenMetadatasImagesIsAnError() {
        var c = Samples.confidential();
        var shipped = new SsoConfiguration(c.provider(), c.authorizerOptions(), new JwtKeySettings(
                "./conf/private_key.der", "./conf/public_key.der", "open-metadata.org",
                "Gb389a-9f76-gdjs-a92j-0242bk94356"), c.idpJwksUri());
        assertStep(check.check(shipped), "jwt-key-id-shipped", StepIds.KEYS);
        assertTrue(check.check(shipped).stream().anyMatch(x -> x.isError()
                && x.finding().id().equals("jwt-key-id-shipped")));
    }

    private static void assertStep(List<ReviewProblem> problems, String id, String step) {
        var p = problems.stream().filter(x -> x.finding().id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not in " + problems));
        assertEquals(step, p.stepId(), id);
        assertFalse(En.text(p.finding().hint()).isBlank(), id + " says how to fix it");
    }
}
