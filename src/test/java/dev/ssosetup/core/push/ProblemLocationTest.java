package dev.ssosetup.core.push;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 16: a Review problem leads to the field that fixes it; the link's text form reads back. */
class ProblemLocationTest {
    @Test
    void reviewProblemsNameTheirField() {
        assertEquals(new WizardLocation("provider", "principalDomain"),
                FieldLocator.forProblem("provider", "principal-domain-missing"));
        assertEquals(new WizardLocation("provider", "serverUrl"), FieldLocator.forProblem("provider", "server-url-not-https"));
        assertEquals(new WizardLocation("keys", "keysKeyId"), FieldLocator.forProblem("keys", "jwt-key-id-shipped"));
        assertEquals(new WizardLocation("provider", ""), FieldLocator.forProblem("provider", "schema-violation"));
    }

    @Test
    void theTextFormReadsBack() {
        WizardLocation field = new WizardLocation("provider", "clientId");
        assertEquals(field, WizardLocation.parse(field.toString()));
        assertEquals(new WizardLocation("review", ""), WizardLocation.parse("review"));
    }
}
