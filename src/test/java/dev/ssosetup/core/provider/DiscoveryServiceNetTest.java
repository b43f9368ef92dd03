package dev.ssosetup.core.provider;

import dev.ssosetup.core.common.Finding;
import dev.ssosetup.core.common.Severity;
import dev.ssosetup.core.net.HttpExchange;
import dev.ssosetup.core.task.TaskContext;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import dev.ssosetup.testsupport.En;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whatever goes wrong unexpectedly inside a check (here: an adapter that fails in a way its port does not declare, a
 * stand-in for a library surprise) still ends in a report: the findings made so far, plus one error that says the
 * check stopped. No exception reaches the operator.
 */
class DiscoveryServiceNetTest {

    @Test
    void anUnexpectedFailureEndsInAReportWithTheFindingsSoFar() {
        DiscoveryService service = new DiscoveryService(request -> {
            if (request.uri().getPath().endsWith("openid-configuration")) {
                String issuer = "https://idp.example.com";
                return new HttpExchange.Response(request.uri(), 200, Map.of("Content-Type",
                        java.util.List.of("application/json")), ("{\"issuer\":\"" + issuer + "\","
                        + "\"authorization_endpoint\":\"" + issuer + "/auth\",\"token_endpoint\":\"" + issuer
                        + "/token\",\"jwks_uri\":\"" + issuer + "/jwks\",\"response_types_supported\":[\"code\"],"
                        + "\"subject_types_supported\":[\"public\"],"
                        + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}").getBytes(), Instant.now());
            }
            throw new IllegalStateException("surprise from " + URI.create("https://idp.example.com/jwks"));
        });
        DiscoveryReport report = service.check(DiscoveryRequest.forIssuer("https://idp.example.com"),
                TaskContext.none());
        Finding stopped = report.findings().getLast();
        assertEquals("check-stopped", stopped.id());
        assertEquals(Severity.ERROR, stopped.severity());
        assertTrue(En.text(stopped.hint()).contains("please report it"), En.text(stopped.hint()));
        assertTrue(report.findings().size() > 1, "the findings made before it are kept: " + report.findings());
        assertFalse(report.findings().stream().anyMatch(f -> En.text(f.message()).contains("IllegalStateException")
                || En.text(f.message()).contains("surprise")), "no Java internals: " + report.findings());
    }
}
