package dev.ssosetup.core.config;

import dev.ssosetup.core.common.Finding;
import dev.ssosetup.core.common.Severity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Review step's summary: every choice with its source step, the verdicts other steps contributed, and the
 * problems still open (each linked to the step that fixes it, errors first).
 */
public record ReviewSummary(List<ReviewItem> items, List<StepNote> notes, List<ReviewProblem> problems,
                            boolean ready) {
    public ReviewSummary {
        items = List.copyOf(items);
        notes = List.copyOf(notes);
        problems = List.copyOf(problems);
    }

    /** Builds the summary from the model, what other steps fed in and the readiness verdict. */
    public static ReviewSummary of(SsoConfiguration c, ReviewInputs inputs, Readiness readiness) {
        var p = c.provider();
        var k = c.keys();
        var z = c.authorizer();
        String pr = StepIds.PROVIDER;
        List<ReviewItem> items = new ArrayList<>();
        // the preset's constant, shown in the operator's words by the view; OpenMetadata's own provider value beside it
        items.add(new ReviewItem(pr, "preset", p.preset().name()));
        items.add(new ReviewItem(pr, "omProvider", c.omProvider()));
        items.add(new ReviewItem(pr, "providerName", c.providerName()));
        items.add(new ReviewItem(pr, "issuer", c.authority()));
        items.add(new ReviewItem(pr, "discoveryUrl", p.effectiveDiscoveryUrl()));
        items.add(new ReviewItem(pr, "idpJwksUri", c.idpJwksKnown() ? c.idpJwksUri() : "unknown"));
        items.add(new ReviewItem(pr, "clientType", p.clientType().wire()));
        items.add(new ReviewItem(pr, "clientId", p.clientId()));
        if (c.confidential()) {
            items.add(new ReviewItem(pr, "clientSecret", p.clientSecret().isEmpty() ? "not-entered" : "entered"));
            items.add(new ReviewItem(pr, "clientAuthMethod", p.clientAuthMethod().wire()));
            items.add(new ReviewItem(pr, "tenant", c.tenant().isEmpty() ? "none" : c.tenant()));
        }
        items.add(new ReviewItem(pr, "scopes", c.scope()));
        items.add(new ReviewItem(pr, "algorithm", p.tokenValidationAlgorithm()));
        items.add(new ReviewItem(pr, "serverUrl", c.serverUrl()));
        items.add(new ReviewItem(pr, "callbackUrl", c.callbackUrl()));
        items.add(new ReviewItem(pr, "publicKeyUrls", String.join(", ", c.publicKeyUrls())));
        items.add(new ReviewItem(pr, "principalClaims", String.join(", ", p.principalClaims())));
        if (!c.principalClaimsMapping().isEmpty()) {
            items.add(new ReviewItem(pr, "claimsMapping", String.join(", ", c.principalClaimsMapping())));
        }
        items.add(new ReviewItem(pr, "admins", String.join(", ", z.adminPrincipals())));
        items.add(new ReviewItem(pr, "principalDomain", z.principalDomain()));
        items.add(new ReviewItem(pr, "enforceDomain", Boolean.toString(z.enforcePrincipalDomain())));
        items.add(new ReviewItem(pr, "registrationDomains", String.join(", ", z.allowedEmailRegistrationDomains())));
        items.add(new ReviewItem(pr, "selfSignup", Boolean.toString(p.selfSignup())));
        String ks = StepIds.KEYS;
        items.add(new ReviewItem(ks, "privateKeyPath", k.privateKeyPath()));
        items.add(new ReviewItem(ks, "publicKeyPath", k.publicKeyPath()));
        items.add(new ReviewItem(ks, "jwtIssuer", k.issuer()));
        items.add(new ReviewItem(ks, "keyId", k.keyId()));

        List<ReviewProblem> problems = new ArrayList<>(readiness.problems());
        inputs.findingsByStep().forEach((step, findings) -> {
            for (Finding f : findings) {
                if (f.severity() != Severity.INFO) {
                    problems.add(new ReviewProblem(step, f));
                }
            }
        });
        problems.sort(Comparator.comparing((ReviewProblem rp) -> rp.finding().severity()));
        return new ReviewSummary(items, inputs.notes(), problems, readiness.ready());
    }

    public long errorCount() {
        return problems.stream().filter(ReviewProblem::isError).count();
    }
}
