package dev.ssosetup.infra.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Honours {@code HTTPS_PROXY}/{@code HTTP_PROXY} and {@code NO_PROXY} (upper or lower case), falling back to the
 * system proxy selector. Loopback addresses never go through a proxy.
 */
public final class EnvironmentProxySelector extends ProxySelector {
    private final InetSocketAddress httpsProxy;
    private final InetSocketAddress httpProxy;
    private final List<String> noProxy;
    private final ProxySelector fallback;

    EnvironmentProxySelector(InetSocketAddress httpsProxy, InetSocketAddress httpProxy, List<String> noProxy,
                             ProxySelector fallback) {
        this.httpsProxy = httpsProxy;
        this.httpProxy = httpProxy;
        this.noProxy = noProxy;
        this.fallback = fallback;
    }

    public static ProxySelector fromEnvironment(Map<String, String> env, ProxySelector fallback) {
        InetSocketAddress https = address(first(env, "HTTPS_PROXY", "https_proxy"));
        InetSocketAddress http = address(first(env, "HTTP_PROXY", "http_proxy"));
        String no = first(env, "NO_PROXY", "no_proxy");
        List<String> noProxy = no == null ? List.of() : Arrays.stream(no.split(","))
                .map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
        return new EnvironmentProxySelector(https, http, noProxy,
                fallback == null ? ProxySelector.of(null) : fallback);
    }

    @Override
    public List<Proxy> select(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (isLoopback(host) || bypassed(host)) {
            return List.of(Proxy.NO_PROXY);
        }
        InetSocketAddress proxy = "https".equalsIgnoreCase(uri.getScheme()) ? httpsProxy : httpProxy;
        if (proxy != null) {
            return List.of(new Proxy(Proxy.Type.HTTP, proxy));
        }
        List<Proxy> system = fallback.select(uri);
        return system == null || system.isEmpty() ? List.of(Proxy.NO_PROXY) : system;
    }

    boolean bypassed(String host) {
        for (String rule : noProxy) {
            if (rule.equals("*")) {
                return true;
            }
            String r = rule.startsWith(".") ? rule.substring(1) : rule;
            if (host.equals(r) || host.endsWith("." + r)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        fallback.connectFailed(uri, sa, ioe);
    }

    private static String first(Map<String, String> env, String... names) {
        for (String n : names) {
            String v = env.get(n);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private static InetSocketAddress address(String value) {
        if (value == null) {
            return null;
        }
        try {
            URI u = URI.create(value.contains("://") ? value : "http://" + value);
            if (u.getHost() == null) {
                return null;
            }
            return InetSocketAddress.createUnresolved(u.getHost(), u.getPort() == -1 ? 80 : u.getPort());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
