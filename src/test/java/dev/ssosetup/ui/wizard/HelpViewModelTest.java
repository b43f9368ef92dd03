package dev.ssosetup.ui.wizard;

import dev.ssosetup.core.diagnostics.Diagnostics;
import dev.ssosetup.core.diagnostics.LogSource;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.ui.task.InlineBackgroundRunner;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Help → Copy diagnostics: the CLI's report for the wizard's target version, redacted, to the clipboard. */
class HelpViewModelTest {
    private final Messages messages = Messages.load();

    @Test
    void theReportForTheTargetGoesToTheClipboardAndTheOperatorIsTold() {
        LogSource log = new LogSource() {
            @Override
            public String location() {
                return "/home/op/.sso-setup-console/logs";
            }

            @Override
            public List<String> lastLines(int count) {
                return List.of("WARNING token endpoint said client_secret=CANARY-77 is wrong");
            }

            @Override
            public void verbose(boolean on) {
            }
        };
        List<String> clipboard = new ArrayList<>();
        List<String> notices = new ArrayList<>();
        HelpViewModel help = new HelpViewModel(new InlineBackgroundRunner(), () -> "2.0",
                target -> Diagnostics.collect("9.9.9", target, log).text(), messages,
                (text, error) -> notices.add(error + ": " + text));
        help.copyDiagnostics(clipboard::add);
        assertEquals(1, clipboard.size());
        String report = clipboard.getFirst();
        assertTrue(report.contains("openmetadata-target: 2.0"), report);
        assertTrue(report.contains("sso-setup: 9.9.9"), report);
        assertTrue(report.contains("log: /home/op/.sso-setup-console/logs"), report);
        assertTrue(report.contains("token endpoint said client_secret="), report);
        assertFalse(report.contains("CANARY-77"), "redacted: " + report);
        assertEquals(List.of("false: " + messages.get("help.diagnostics.copied")), notices);
    }

    @Test
    void aFailureIsSaidAndNothingIsCopied() {
        List<String> clipboard = new ArrayList<>();
        List<String> notices = new ArrayList<>();
        HelpViewModel help = new HelpViewModel(new InlineBackgroundRunner(), () -> "1.10", target -> {
            throw new IllegalStateException("disk gone");
        }, messages, (text, error) -> notices.add(error + ": " + text));
        help.copyDiagnostics(clipboard::add);
        assertEquals(List.of(), clipboard);
        assertEquals(List.of("true: " + messages.get("help.diagnostics.failed")), notices);
    }
}
