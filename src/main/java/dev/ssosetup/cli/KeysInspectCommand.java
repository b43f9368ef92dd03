package dev.ssosetup.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ssosetup.core.keys.KeyProblem;
import dev.ssosetup.core.keys.KeyReport;
import dev.ssosetup.core.keys.KeysService;
import dev.ssosetup.core.text.Messages;
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
@Command(name = "inspect", mixinStandardHelpOptions = true, resourceBundle = Messages.BUNDLE,
        description = "${bundle:cli.help.keys.inspect.description}")
public final class KeysInspectCommand implements Callable<Integer> {
    /** Built on first use: a command is constructed for every start of the command line (issue 20). */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", descriptionKey = "cli.opt.keys.file")
    String file;

    @Option(names = "--json", descriptionKey = "cli.opt.keys.json")
    boolean json;

    private final KeysService service;
    private final CliMessages messages;

    public KeysInspectCommand(KeysService service, CliMessages messages) {
        this.service = service;
        this.messages = messages;
    }

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        KeyReport report;
        try {
            report = service.inspect(file);
        } catch (KeyProblem problem) {
            return KeysExporter.fail(cl, problem, messages);
        }
        PrintWriter out = cl.getOut();
        boolean encrypted = report.encrypted();
        if (json) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("file", report.path());
            map.put("type", messages.text(report.type()));
            map.put("rsa", report.isRsa());
            if (report.isRsa()) {
                map.put("bits", report.bits());
                map.put("fingerprintSha256", report.fingerprint());
                map.put("jwkThumbprint", report.thumbprint());
                if (!report.keyId().isEmpty()) {
                    map.put("keyId", report.keyId());
                }
            }
            out.println(Json.MAPPER.writeValueAsString(map));
        } else {
            out.println(messages.get("cli.keys.inspect.file", report.path()));
            out.println(messages.get("cli.keys.inspect.type", messages.text(report.type())));
            if (report.isRsa()) {
                out.println(messages.get(report.bits() < 2048 ? "cli.keys.inspect.sizeTooSmall"
                        : "cli.keys.inspect.size", report.bits()));
                if (!report.keyId().isEmpty()) {
                    out.println(messages.get("cli.keys.keyId", report.keyId()));
                }
                out.println(messages.get("cli.keys.sha256", report.fingerprint()));
                out.println(messages.get("cli.keys.thumbprint", report.thumbprint()));
            } else if (encrypted) {
                out.println(messages.get("cli.keys.inspect.sizeEncrypted"));
            }
        }
        out.flush();
        if (report.isRsa() || encrypted) {
            return ExitCodes.OK;
        }
        cl.getErr().println(cl.getCommandSpec().qualifiedName() + ": " + messages.get("cli.keys.inspect.notRsa",
                report.path()));
        return ExitCodes.FAILED;
    }
}
