package dev.ssosetup.ui.common;

import dev.ssosetup.core.text.Messages;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Counts read as a person writes them (issue 16): no "problem(s)" anywhere, and every count formatted with 1 is
 * singular ("1 error", not "1 errors").
 */
class PluralMessagesTest {
    private final Messages messages = Messages.load();
    private static final Pattern ONE_PLURAL = Pattern.compile(
            "\\b1 (\\w+ )?(errors|warnings|problems|fields|files|findings|keys|steps|items|claims|entries|users|"
                    + "admins|seconds|minutes|hours|days|ports|differences|values|notes|checks|scopes|domains)\\b");

    @Test
    void noTextWritesAPluralWithParentheses() {
        List<String> offenders = new ArrayList<>();
        for (String key : Collections.list(messages.bundle().getKeys())) {
            // "http(s)" names two URL schemes, not a plural
            if (messages.bundle().getString(key).replace("http(s)", "").contains("(s)")) {
                offenders.add(key);
            }
        }
        assertEquals(List.of(), offenders, "use {0,choice,1#1 thing|1<{0} things} instead of thing(s)");
    }

    @Test
    void everyCountedTextIsSingularForOne() {
        List<String> offenders = new ArrayList<>();
        for (String key : Collections.list(messages.bundle().getKeys())) {
            String pattern = messages.bundle().getString(key);
            if (!pattern.contains("choice")) {
                continue;
            }
            Object[] ones = new Object[10];
            java.util.Arrays.fill(ones, 1);
            String text = messages.get(key, ones);
            if (ONE_PLURAL.matcher(text).find()) {
                offenders.add(key + " -> " + text);
            }
        }
        assertEquals(List.of(), offenders);
        assertEquals("1 error, 1 warning: fix the errors below, then check again.",
                messages.get("provider.check.errors", 1, 1));
        assertTrue(messages.get("review.notReady", 1).contains("1 problem to fix"));
        assertTrue(messages.get("review.notReady", 3).contains("3 problems to fix"));
    }
}
