package dev.ssosetup.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ssosetup.core.keys.KeyProblem;
import dev.ssosetup.core.keys.KeyReport;
import dev.ssosetup.core.keys.KeysService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code sso-setup keys inspect FILE}: what a key file is (type, size, fingerprint, thumbprint). Prints nothing
 * secret. Exit 0 for an RSA key (or an encrypted key), 1 for anything else.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show what a key file is: type and format, size, SHA-256 fingerprint and JWK thumbprint.")
public final class KeysInspectCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A private or public key (DER or PEM), or a jwks.json.")
    String file;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    private final KeysService service;

    public KeysInspectCommand(KeysService service) {
        this.service = service;
    }

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        KeyReport report;
        try {
            report = service.inspect(file);
        } catch (KeyProblem problem) {
            return KeysExporter.fail(cl, problem);
        }
        PrintWriter out = cl.getOut();
        boolean encrypted = report.type().startsWith("encrypted");
        if (json) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("file", report.path());
            map.put("type", report.type());
            map.put("rsa", report.isRsa());
            if (report.isRsa()) {
                map.put("bits", report.bits());
                map.put("fingerprintSha256", report.fingerprint());
                map.put("jwkThumbprint", report.thumbprint());
                if (!report.keyId().isEmpty()) {
                    map.put("keyId", report.keyId());
                }
            }
            out.println(JSON.writeValueAsString(map));
        } else {
            out.printf("File:        %s%n", report.path());
            out.printf("Type:        %s%n", report.type());
            if (report.isRsa()) {
                out.printf("Size:        %d bits%s%n", report.bits(),
                        report.bits() < 2048 ? "  (too small: OpenMetadata needs at least 2048)" : "");
                if (!report.keyId().isEmpty()) {
                    out.printf("Key id:      %s%n", report.keyId());
                }
                out.printf("SHA-256:     %s%n", report.fingerprint());
                out.printf("Thumbprint:  %s%n", report.thumbprint());
            } else if (encrypted) {
                out.println("Size:        unknown until decrypted (use 'keys import --password-file F')");
            }
        }
        out.flush();
        if (report.isRsa() || encrypted) {
            return ExitCodes.OK;
        }
        cl.getErr().println(cl.getCommandSpec().qualifiedName() + ": " + report.path() + " is not an RSA key.");
        return ExitCodes.FAILED;
    }
}
