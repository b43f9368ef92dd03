package dev.ssosetup.core.login;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import dev.ssosetup.core.net.HttpExchange;
import dev.ssosetup.core.net.HttpFailure;
import dev.ssosetup.core.net.HttpGateway;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Sends Nimbus protocol requests through the {@link HttpGateway} port and hands the answers back to Nimbus. */
final class OidcHttp {
    private final HttpGateway gateway;

    OidcHttp(HttpGateway gateway) {
        this.gateway = gateway;
    }

    HTTPResponse send(HTTPRequest request, HttpExchange.Limits limits) throws HttpFailure {
        Map<String, String> headers = new HashMap<>();
        Map<String, List<String>> nimbusHeaders = request.getHeaderMap();
        nimbusHeaders.forEach((name, values) -> headers.put(name, String.join(", ", values)));
        headers.putIfAbsent("Accept", "application/json");
        String body = request.getBody();
        HttpExchange.Request r = new HttpExchange.Request(request.getMethod().name(), request.getURI(), headers,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), limits);
        return toNimbus(gateway.send(r));
    }

    HttpExchange.Response get(java.net.URI uri, HttpExchange.Limits limits) throws HttpFailure {
        return gateway.send(HttpExchange.Request.get(uri).withLimits(limits));
    }

    static HTTPResponse toNimbus(HttpExchange.Response response) {
        HTTPResponse out = new HTTPResponse(response.status());
        response.headers().forEach((name, values) -> {
            if (name != null && !values.isEmpty()) {
                out.setHeader(name, values.toArray(String[]::new));
            }
        });
        out.setBody(response.bodyText());
        return out;
    }
}
