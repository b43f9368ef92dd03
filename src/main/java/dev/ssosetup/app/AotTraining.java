package dev.ssosetup.app;

import com.sun.net.httpserver.HttpServer;
import dev.ssosetup.core.diagnostics.LogSource;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;

/**
 * The AOT cache's training run (installer/Packager.java, ADR 0009): the one cache of the image must cover the GUI
 * and the CLI, but the JDK records one process. So the packaging build starts the GUI launcher with
 * {@code -Dsso.setup.aotTraining=true}: before the window, this class runs the CLI commands in-process
 * ({@code --version}, the help pages, {@code discover} against a loopback provider served here); then the window
 * starts, shows its first frame, preloads the other step views and leaves ({@link StartupProbe}). Off unless that
 * system property is set, which only the packaging build does.
 */
final class AotTraining {
    static final String PROPERTY = "sso.setup.aotTraining";

    private AotTraining() {
    }

    /** {@code -Dsso.setup.aotTraining=true}: the CLI commands, then the window; {@code =cli}: the CLI only. */
    static boolean enabled() {
        String value = System.getProperty(PROPERTY, "");
        return value.equals("true") || cliOnly();
    }

    static boolean cliOnly() {
        return System.getProperty(PROPERTY, "").equals("cli");
    }

    /**
     * Runs the CLI commands an operator runs, each as {@link Main} would, against a provider on loopback.
     *
     * @return each command's exit code, in order (empty when no loopback server could be opened)
     */
    static List<Integer> runCli(LogSource log) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            System.out.println("aot-training: no loopback server (" + e.getMessage() + "); CLI not trained");
            return List.of();
        }
        String issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/default";
        serve(server, "/default/.well-known/openid-configuration", discovery(issuer));
        serve(server, "/default/jwks", jwks());
        server.start();
        List<Integer> codes = new java.util.ArrayList<>();
        try {
            for (List<String> args : List.of(List.of("--version"), List.of("--help"), List.of("discover", "--help"),
                    List.of("discover", "--issuer", issuer), List.of("discover", "--issuer", issuer, "--json"),
                    List.of("keys", "--help"), List.of("render", "--help"), List.of("push", "--help"),
                    List.of("test-login", "--help"), List.of("diagnostics", "--help"))) {
                String[] argv = args.toArray(String[]::new); // as Main runs them (ADR 0034)
                int code = CompositionRoot.Cli.versionOnly(argv) ? CompositionRoot.Cli.version(System.out)
                        : CompositionRoot.forCli(log).commandLineFor(argv).execute(argv);
                System.out.println("aot-training: sso-setup " + String.join(" ", args) + " -> " + code);
                codes.add(code);
            }
        } finally {
            server.stop(0);
        }
        return codes;
    }

    private static void serve(HttpServer server, String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        server.createContext(path, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }

    private static String discovery(String issuer) {
        return """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",\
                "userinfo_endpoint":"%1$s/userinfo","jwks_uri":"%1$s/jwks","end_session_endpoint":"%1$s/endsession",\
                "response_types_supported":["code","id_token","id_token token"],"subject_types_supported":["public"],\
                "id_token_signing_alg_values_supported":["RS256"],"scopes_supported":["openid","email","profile"],\
                "token_endpoint_auth_methods_supported":["client_secret_basic","client_secret_post"],\
                "claims_supported":["sub","email","preferred_username","name"],\
                "grant_types_supported":["authorization_code","implicit","refresh_token"],\
                "code_challenge_methods_supported":["S256"]}""".formatted(issuer);
    }

    private static String jwks() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            RSAPublicKey key = (RSAPublicKey) generator.generateKeyPair().getPublic();
            return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"training\",\"n\":\""
                    + base64Url(key.getModulus()) + "\",\"e\":\"" + base64Url(key.getPublicExponent()) + "\"}]}";
        } catch (NoSuchAlgorithmException e) {
            return "{\"keys\":[]}";
        }
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        int skip = bytes.length > 1 && bytes[0] == 0 ? 1 : 0; // unsigned big-endian
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                java.util.Arrays.copyOfRange(bytes, skip, bytes.length));
    }
}
