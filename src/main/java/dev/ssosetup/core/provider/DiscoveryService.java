package dev.ssosetup.core.provider;

import dev.ssosetup.core.common.Finding;
import dev.ssosetup.core.net.HttpExchange;
import dev.ssosetup.core.net.HttpFailure;
import dev.ssosetup.core.net.HttpGateway;
import dev.ssosetup.core.task.CancelledException;
import dev.ssosetup.core.task.TaskContext;
import dev.ssosetup.core.text.Text;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The "Check provider" use case: fetches the discovery document and the JWKS through the {@link HttpGateway} (no
 * redirects, verified TLS, time and size limits) and runs {@link DiscoveryChecks} on them. Transport problems become
 * findings too, so the operator always gets a report; only a cancel ends the check without one.
 */
public final class DiscoveryService {
    private final HttpGateway gateway;
    private final HttpExchange.Limits limits;
    private final Clock clock;

    /** With the standard limits (connect 5 s, whole request 15 s, 1 MiB) and the system clock. */
    public DiscoveryService(HttpGateway gateway) {
        this(gateway, HttpExchange.Limits.DEFAULT, Clock.systemUTC());
    }

    public DiscoveryService(HttpGateway gateway, HttpExchange.Limits limits, Clock clock) {
        this.gateway = Objects.requireNonNull(gateway);
        this.limits = Objects.requireNonNull(limits);
        this.clock = Objects.requireNonNull(clock);
    }

    public HttpExchange.Limits limits() {
        return limits;
    }

    /**
     * Runs the check.
     *
     * @throws CancelledException when the operator cancelled
     */
    public DiscoveryReport check(DiscoveryRequest request, TaskContext context) {
        List<Finding> findings = new ArrayList<>();
        try {
            return check(request, context, findings);
        } catch (CancelledException e) {
            throw e;
        } catch (RuntimeException e) {
            // every known problem is a finding; this is the net for a library surprise, so the operator still gets
            // a report that says what was found so far, never a crash; the stack trace goes to the log
            System.getLogger(DiscoveryService.class.getName()).log(System.Logger.Level.ERROR,
                    "the provider check stopped unexpectedly", e);
            findings.add(Finding.error("check-stopped", Text.of("finding.check-stopped"),
                    Text.of("finding.check-stopped.hint")));
            return new DiscoveryReport(request.issuer(), request.discoveryUrl(), findings, Map.of());
        }
    }

    private DiscoveryReport check(DiscoveryRequest request, TaskContext context, List<Finding> findings) {
        findings.addAll(DiscoveryChecks.placeholders(request));
        findings.addAll(DiscoveryChecks.callback(request.callbackUrl()));
        String url = request.discoveryUrl();
        Optional<URI> discoveryUri = Urls.parseHttp(url);
        if (!findings.stream().filter(f -> f.id().equals("placeholder")).toList().isEmpty()) {
            return new DiscoveryReport(request.issuer(), url, findings, Map.of());
        }
        if (discoveryUri.isEmpty()) {
            findings.add(Finding.error("unreachable", Text.of("finding.unreachable.notUrl", url),
                    Text.of("finding.unreachable.notUrl.hint")));
            return new DiscoveryReport(request.issuer(), url, findings, Map.of());
        }
        context.checkCancelled();
        context.progress(0.1, Text.of("task.discovery.fetching", discoveryUri.get().getHost()));
        Optional<HttpExchange.Response> doc = fetch(discoveryUri.get(), DiscoveryChecks.Fetched.DISCOVERY, "unreachable",
                findings, context);
        if (doc.isEmpty()) {
            return new DiscoveryReport(request.issuer(), url, findings, Map.of());
        }
        DiscoveryChecks.clockSkew(doc.get().header("Date"), clock.instant()).ifPresent(findings::add);
        Optional<Map<String, Object>> metadata = DiscoveryChecks.jsonObject(doc.get().bodyText());
        if (metadata.isEmpty()) {
            findings.add(DiscoveryChecks.notJson(doc.get(), DiscoveryChecks.Fetched.DISCOVERY));
            return new DiscoveryReport(request.issuer(), url, findings, Map.of());
        }
        context.progress(0.5, Text.of("task.discovery.checking"));
        findings.addAll(DiscoveryChecks.metadata(request, metadata.get()));
        context.checkCancelled();
        checkJwks(request, metadata.get(), findings, context);
        context.progress(1.0, Text.of("task.done"));
        return new DiscoveryReport(request.issuer(), url, findings, metadata.get());
    }

    private void checkJwks(DiscoveryRequest request, Map<String, Object> metadata, List<Finding> findings,
                           TaskContext context) {
        if (!(metadata.get("jwks_uri") instanceof String jwksUri) || jwksUri.isBlank()) {
            return; // missing-metadata already says so
        }
        Optional<URI> uri = Urls.parseHttp(jwksUri);
        if (uri.isEmpty()) {
            findings.add(Finding.error("jwks-unreachable", Text.of("finding.jwks-unreachable.notUrl", jwksUri),
                    Text.of("finding.jwks-unreachable.notUrl.hint")));
            return;
        }
        context.progress(0.6, Text.of("task.discovery.jwks", uri.get().getHost()));
        List<Finding> transport = new ArrayList<>();
        Optional<HttpExchange.Response> jwks = fetch(uri.get(), DiscoveryChecks.Fetched.JWKS, "jwks-unreachable", transport,
                context);
        if (jwks.isEmpty()) {
            // the transport cause (timeout, tls ...) keeps its own id, and the JWKS is named as unreachable
            findings.addAll(transport);
            if (transport.stream().noneMatch(f -> f.id().equals("jwks-unreachable"))) {
                findings.add(Finding.error("jwks-unreachable", Text.of("finding.jwks-unreachable", jwksUri),
                        Text.of("finding.jwks-unreachable.hint")));
            }
            return;
        }
        findings.addAll(DiscoveryChecks.jwks(jwks.get().bodyText(), request.algorithm()));
    }

    /** Fetches {@code uri}; a transport failure or a non-200 becomes a finding and an empty result. */
    private Optional<HttpExchange.Response> fetch(URI uri, DiscoveryChecks.Fetched what, String statusId, List<Finding> findings,
                                                  TaskContext context) {
        HttpExchange.Response response;
        try {
            response = gateway.send(HttpExchange.Request.get(uri).withLimits(limits));
        } catch (HttpFailure failure) {
            if (failure.kind() == HttpFailure.Kind.CANCELLED || context.isCancelled()) {
                throw new CancelledException();
            }
            findings.add(DiscoveryChecks.transport(failure, what));
            return Optional.empty();
        }
        context.checkCancelled();
        Optional<Finding> status = DiscoveryChecks.status(response, what, statusId);
        if (status.isPresent()) {
            findings.add(status.get());
            return Optional.empty();
        }
        return Optional.of(response);
    }
}
