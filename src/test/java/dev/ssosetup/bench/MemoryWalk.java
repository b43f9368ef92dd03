package dev.ssosetup.bench;

import dev.ssosetup.app.CompositionRoot;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Resident memory of the wizard as an operator's machine sees it: a fresh JVM with the app's runtime classpath builds
 * the window exactly as {@code WizardApplication} does (composition root, real runner, real glass under Xvfb), walks
 * the wizard (Provider filled and checked against {@code ISSUER}, login test passed through a scripted browser, a key
 * pair generated and exported to a temporary folder, then on through Review to Push) and reads
 * {@code VmRSS}/{@code VmHWM} from {@code /proc/self/status}. Prints {@code RSS_SHOWN}, {@code RSS_WALKED},
 * {@code HWM} (kB) and {@code REACHED} (the last step title).
 *
 * <p>Usage: {@code MemoryWalk ISSUER} (run by {@code bench/memory/run.sh}).
 */
public final class MemoryWalk {
    private MemoryWalk() {
    }

    public static void main(String[] args) throws Exception {
        String issuer = args[0];
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(60, TimeUnit.SECONDS);
        java.nio.file.Path keysFolder = java.nio.file.Files.createTempDirectory("memory-walk-keys");
        CompositionRoot.Gui gui = onFx(() -> CompositionRoot.forGui(url -> { })
                .keysDialogs(new dev.ssosetup.testing.FolderKeysDialogs(keysFolder)));
        Parent root = onFx(() -> {
            Parent r = gui.wizardView();
            Stage stage = new Stage();
            stage.setTitle("SSO Setup Console");
            stage.setScene(new Scene(r));
            stage.show();
            return r;
        });
        Thread.sleep(1500);
        long shown = rss("VmRSS");

        set(root, "providerName", "Local test IdP");
        set(root, "issuer", issuer);
        onFx(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<Object> type = (ComboBox<Object>) root.lookup("#clientType");
            type.setValue(type.getItems().stream().filter(t -> t.toString().toUpperCase().contains("CONFIDENTIAL"))
                    .findFirst().orElse(type.getItems().get(1)));
            return null;
        });
        set(root, "clientId", "openmetadata");
        set(root, "clientSecret", "memory-walk-secret");
        set(root, "serverUrl", "http://localhost:8585");
        set(root, "adminPrincipals", "admin");
        set(root, "principalDomain", "example.com"); // required (issue 16)
        onFx(() -> {
            ((Button) root.lookup("#checkButton")).fire();
            return null;
        });
        waitUntil(60, () -> !((Button) root.lookup("#nextButton")).isDisabled());
        String reached = title(root);
        for (int i = 0; i < 6; i++) {
            onFx(() -> {
                for (Node n : root.lookupAll("#placeholderAck")) {
                    if (n.getScene() != null && n.isVisible() && n instanceof CheckBox c) {
                        c.setSelected(true);
                    }
                }
                return null;
            });
            String step = title(root);
            if (step.equals("Login test") && onFx(() -> ((Button) root.lookup("#nextButton")).isDisabled())) {
                onFx(() -> {
                    ((Button) root.lookup("#loginStart")).fire();
                    return null;
                });
                waitUntil(30, () -> !((TextField) root.lookup("#loginUrl")).getText().isBlank());
                String url = onFx(() -> ((TextField) root.lookup("#loginUrl")).getText());
                new dev.ssosetup.testing.TestBrowser().visit(java.net.URI.create(url));
                waitUntil(60, () -> !((Button) root.lookup("#nextButton")).isDisabled());
            } else if (step.equals("Keys") && onFx(() -> ((Button) root.lookup("#nextButton")).isDisabled())) {
                onFx(() -> {
                    ((Button) root.lookup("#keysGenerate")).fire();
                    return null;
                });
                waitUntil(120, () -> !((Button) root.lookup("#keysExport")).isDisabled());
                onFx(() -> {
                    ((Button) root.lookup("#keysExport")).fire(); // Next waits until the keys are on disk
                    return null;
                });
                waitUntil(60, () -> !((Button) root.lookup("#nextButton")).isDisabled());
            }
            if (!waitUntil(5, () -> !((Button) root.lookup("#nextButton")).isDisabled())) {
                break; // a real step that needs more than this walk gives it
            }
            onFx(() -> {
                ((Button) root.lookup("#nextButton")).fire();
                return null;
            });
            Thread.sleep(500);
            reached = title(root);
            if (reached.equals("Push")) { // the last step: every step's view and view model have been used
                break;
            }
        }
        Thread.sleep(2000); // let background renders and checks settle
        long walked = rss("VmRSS");
        System.out.println("REACHED " + reached);
        System.out.println("RSS_SHOWN " + shown);
        System.out.println("RSS_WALKED " + walked);
        System.out.println("HWM " + rss("VmHWM"));
        onFx(() -> {
            gui.close();
            return null;
        });
        try (var files = Files.walk(keysFolder)) { // the walk's key pair: not left behind in the temp folder
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        Platform.exit();
        System.exit(0);
    }

    private static String title(Parent root) throws Exception {
        return onFx(() -> ((Label) root.lookup(".step-title")).getText());
    }

    private static void set(Parent root, String id, String text) throws Exception {
        onFx(() -> {
            TextField f = (TextField) root.lookup("#" + id);
            f.requestFocus();
            f.setText(text);
            return null;
        });
    }

    private static boolean waitUntil(int seconds, Supplier<Boolean> condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            if (onFx(condition::get)) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }

    /** A line of /proc/self/status in kB. */
    static long rss(String field) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }
}
