package dev.ssosetup.hostile;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures everything a run could print while it lasts: {@code System.out}, {@code System.err} (still passed through)
 * and every {@code java.util.logging} record at any level, formatted with its parameters and exception.
 */
public final class LeakCapture implements AutoCloseable {
    private final PrintStream oldOut = System.out;
    private final PrintStream oldErr = System.err;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final StringWriter logs = new StringWriter();
    private final Logger root = Logger.getLogger("");
    private final Level oldLevel = root.getLevel();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            synchronized (logs) {
                logs.append(r.getLevel().getName()).append(' ').append(String.valueOf(r.getLoggerName())).append(": ")
                        .append(new java.util.logging.SimpleFormatter().formatMessage(r)).append('\n');
                if (r.getThrown() != null) {
                    java.io.PrintWriter w = new java.io.PrintWriter(logs);
                    r.getThrown().printStackTrace(w);
                    w.flush();
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    public LeakCapture() {
        System.setOut(new PrintStream(tee(out, oldOut), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(tee(err, oldErr), true, StandardCharsets.UTF_8));
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
        root.setLevel(Level.ALL);
    }

    private static OutputStream tee(ByteArrayOutputStream copy, PrintStream through) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                copy.write(b);
                through.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                copy.write(b, off, len);
                through.write(b, off, len);
            }
        };
    }

    public String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    public String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    public String logs() {
        synchronized (logs) {
            return logs.toString();
        }
    }

    @Override
    public void close() {
        System.setOut(oldOut);
        System.setErr(oldErr);
        root.removeHandler(handler);
        root.setLevel(oldLevel);
    }
}
