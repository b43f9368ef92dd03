package dev.ssosetup.app;

import dev.ssosetup.core.diagnostics.LogSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The AOT training run (ADR 0009) really exercises the CLI: every command succeeds against its loopback provider. */
class AotTrainingTest {

    @Test
    void everyTrainedCommandSucceedsAgainstTheLoopbackProvider() {
        List<Integer> codes = AotTraining.runCli(LogSource.none());
        assertEquals(10, codes.size(), "the commands run");
        assertTrue(codes.stream().allMatch(c -> c == 0), "exit codes: " + codes); // discover: 0 error findings
    }

    @Test
    void offUnlessThePackagingBuildAsks() {
        assertFalse(AotTraining.enabled());
        assertFalse(AotTraining.cliOnly());
    }

    @Test
    void timelineMarksAreInOrderAndCountFromProcessStart() throws InterruptedException {
        StartupTimeline.mark("test-a");
        Thread.sleep(30);
        StartupTimeline.mark("test-b");
        String marks = StartupTimeline.marks();
        long a = value(marks, "test-a");
        long b = value(marks, "test-b");
        assertTrue(a > 0, marks); // this JVM started before the test ran
        assertTrue(b - a >= 25, marks);
    }

    private static long value(String marks, String name) {
        for (String mark : marks.split(" ")) {
            if (mark.startsWith(name + "=")) {
                return Long.parseLong(mark.substring(name.length() + 1));
            }
        }
        throw new AssertionError(name + " not in " + marks);
    }
}
