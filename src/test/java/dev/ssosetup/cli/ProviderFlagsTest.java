package dev.ssosetup.cli;

import dev.ssosetup.core.provider.ClientType;
import dev.ssosetup.core.provider.ResponseType;
import dev.ssosetup.infra.common.LocalOperatorFiles;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Issue 13: {@code discover} and {@code test-login} declare and parse the provider flags once ({@link ProviderFlags});
 * {@code --scopes} and {@code --claims} were one string in one command and a list in the other.
 */
class ProviderFlagsTest {
    private static ProviderFlags discover(String... args) {
        DiscoverCommand command = new DiscoverCommand(ca -> request -> {
            throw new AssertionError("nothing is fetched while parsing");
        }, new LocalOperatorFiles());
        new CommandLine(command).parseArgs(args);
        return command.provider;
    }

    private static ProviderFlags testLogin(String... args) {
        TestLoginCommand command = new TestLoginCommand(null, new LocalOperatorFiles());
        new CommandLine(command).parseArgs(args);
        return command.provider;
    }

    @Test
    void bothCommandsDeclareTheSameProviderFlags() {
        Map<String, String> d = options(new CommandLine(new DiscoverCommand(ca -> null, new LocalOperatorFiles())));
        Map<String, String> t = options(new CommandLine(new TestLoginCommand(null, new LocalOperatorFiles())));
        for (String flag : List.of("--issuer", "--discovery-url", "--credentials-file", "--response-type", "--scopes",
                "--alg", "--claims", "--ca-file")) {
            assertEquals(d.get(flag), t.get(flag), flag + ": declared differently");
        }
    }

    private static Map<String, String> options(CommandLine cl) {
        return cl.getCommandSpec().options().stream().collect(Collectors.toMap(o -> o.longestName(),
                o -> o.type().getSimpleName() + " " + o.splitRegex() + " " + o.defaultValue() + " "
                        + String.valueOf(o.initialValue()), (a, b) -> a));
    }

    @Test
    void scopesAndClaimsParseTheSameWayWithSpacesOrCommas() {
        for (String scopes : List.of("openid email groups", "openid,email,groups", "openid, email groups")) {
            assertEquals(List.of("openid", "email", "groups"), discover("--scopes", scopes).scopes(), scopes);
            assertEquals(List.of("openid", "email", "groups"), testLogin("--scopes", scopes).scopes(), scopes);
        }
        assertEquals(discover("--claims", "email upn").claims(), testLogin("--claims", "email,upn").claims());
        assertEquals(discover().scopes(), testLogin().scopes(), "the same defaults");
        assertEquals(discover().claims(), testLogin().claims(), "the same defaults");
    }

    @Test
    void theResponseTypeRuleIsOne() {
        CommandLine cl = new CommandLine(new DiscoverCommand(ca -> null, new LocalOperatorFiles()));
        assertSame(ResponseType.ID_TOKEN, discover().responseType(cl, ClientType.PUBLIC));
        assertSame(ResponseType.CODE, testLogin().responseType(cl, ClientType.CONFIDENTIAL));
        assertThrows(CommandLine.ParameterException.class,
                () -> discover("--response-type", "id_token").responseType(cl, ClientType.CONFIDENTIAL));
        assertThrows(CommandLine.ParameterException.class,
                () -> testLogin("--response-type", "id_token").responseType(cl, ClientType.CONFIDENTIAL));
        assertThrows(CommandLine.ParameterException.class, () -> testLogin("--alg", "HS256").algorithm(cl));
    }
}
