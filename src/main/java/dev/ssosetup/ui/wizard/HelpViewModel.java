package dev.ssosetup.ui.wizard;

import dev.ssosetup.core.text.Messages;
import dev.ssosetup.ui.task.BackgroundRunner;
import dev.ssosetup.ui.task.BackgroundTask;

import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Help → Copy diagnostics: the report {@code sso-setup diagnostics} prints (versions, the log's tail, redacted), made
 * off the JavaFX thread (it reads the log file) and handed to the clipboard.
 */
public final class HelpViewModel {
    private final BackgroundRunner runner;
    private final Supplier<String> targetVersion;
    private final Function<String, String> diagnostics;
    private final Messages messages;
    private final BiConsumer<String, Boolean> notice;

    /**
     * @param targetVersion the OpenMetadata version the wizard targets (read on the JavaFX thread)
     * @param diagnostics   the report's text for that version (made in the background; redacted by its maker)
     * @param notice        where to say what happened: text, and whether it is an error
     */
    public HelpViewModel(BackgroundRunner runner, Supplier<String> targetVersion,
                         Function<String, String> diagnostics, Messages messages,
                         BiConsumer<String, Boolean> notice) {
        this.runner = Objects.requireNonNull(runner);
        this.targetVersion = Objects.requireNonNull(targetVersion);
        this.diagnostics = Objects.requireNonNull(diagnostics);
        this.messages = Objects.requireNonNull(messages);
        this.notice = Objects.requireNonNull(notice);
    }

    /** Makes the report in the background and gives it to {@code clipboard} (on the JavaFX thread). */
    public void copyDiagnostics(Consumer<String> clipboard) {
        String target = targetVersion.get();
        runner.execute(BackgroundTask.of("diagnostics", ctx -> diagnostics.apply(target))
                .onSuccess(text -> {
                    clipboard.accept(text);
                    notice.accept(messages.get("help.diagnostics.copied"), false);
                })
                .onFailure(e -> notice.accept(messages.get("help.diagnostics.failed"), true)));
    }
}
