package dev.ssosetup.ui.push;

import dev.ssosetup.core.push.DiffEntry;
import dev.ssosetup.core.push.FieldIssue;
import dev.ssosetup.core.push.StepReport;
import dev.ssosetup.core.text.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import dev.ssosetup.ui.common.DataTables;
import dev.ssosetup.ui.common.FieldDecorations;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.Locale;

/** The view of {@link PushViewModel}: binds fields, renders the plan, diff, issues and checklists. */
public final class PushController {
    private final PushViewModel viewModel;
    private final Messages messages;

    @FXML private TextField serverUrl;
    @FXML private Label serverUrlError;
    private final FieldDecorations decorations = new FieldDecorations();
    @FXML private PasswordField token;
    @FXML private Label tokenError;
    @FXML private TextField caFile;
    @FXML private Button planButton;
    @FXML private Button cancelButton;
    @FXML private ProgressBar progress;
    @FXML private Label progressText;
    @FXML private Label status;
    @FXML private VBox planSteps;
    @FXML private TableView<DiffEntry> diffTable;
    @FXML private TableColumn<DiffEntry, String> changeColumn;
    @FXML private TableColumn<DiffEntry, String> pathColumn;
    @FXML private TableColumn<DiffEntry, String> liveColumn;
    @FXML private TableColumn<DiffEntry, String> oursColumn;
    @FXML private Label diffTitle;
    @FXML private VBox issues;
    @FXML private VBox planNotes;
    @FXML private Label checklistTitle;
    @FXML private VBox checklist;
    @FXML private Label guardText;
    @FXML private VBox confirmationBox;
    @FXML private Label confirmationPrompt;
    @FXML private TextField confirmation;
    @FXML private Button applyButton;
    @FXML private VBox applySteps;
    @FXML private Label backupFile;
    @FXML private Label recovery;
    @FXML private TextField restoreFile;
    @FXML private PasswordField restoreSecret;
    @FXML private Button restoreButton;
    @FXML private Button restoreConfirmButton;
    @FXML private javafx.scene.control.CheckBox restoreOtherServer;
    @FXML private VBox keychainBox;
    @FXML private javafx.scene.control.CheckBox rememberToken;
    @FXML private Label keychainStatus;
    @FXML private Button forgetToken;

    public PushController(PushViewModel viewModel, Messages messages) {
        this.viewModel = viewModel;
        this.messages = messages;
    }

    @FXML
    private void onForgetToken() {
        viewModel.connection().forgetRememberedToken();
    }

    @FXML
    private void initialize() {
        serverUrl.textProperty().bindBidirectional(viewModel.connection().serverUrlProperty());
        token.textProperty().bindBidirectional(viewModel.connection().tokenProperty());
        caFile.textProperty().bindBidirectional(viewModel.connection().caFileProperty());
        confirmation.textProperty().bindBidirectional(viewModel.guard().confirmationProperty());
        restoreFile.textProperty().bindBidirectional(viewModel.restoring().restoreFileProperty());
        restoreSecret.textProperty().bindBidirectional(viewModel.restoring().restoreSecretProperty());
        bindError(serverUrl, serverUrlError, viewModel.connection().serverUrlErrorProperty());
        bindError(token, tokenError, viewModel.connection().tokenErrorProperty());
        // ControlsFX marks the fields the view model found wrong (ADR 0017)
        FieldDecorations.host(serverUrl.getParent());
        decorations.error(serverUrl, viewModel.connection().serverUrlErrorProperty());
        decorations.error(token, viewModel.connection().tokenErrorProperty());
        // ---- keychain (issue 14)
        keychainBox.setVisible(viewModel.connection().keychainOffered());
        keychainBox.setManaged(viewModel.connection().keychainOffered());
        rememberToken.selectedProperty().bindBidirectional(viewModel.connection().rememberTokenProperty());
        keychainStatus.textProperty().bind(viewModel.connection().keychainStatusProperty());
        forgetToken.visibleProperty().bind(viewModel.connection().tokenRememberedProperty());
        forgetToken.managedProperty().bind(forgetToken.visibleProperty());
        serverUrl.focusedProperty().addListener((o, had, has) -> {
            if (had && !has) {
                viewModel.connection().lookUpRememberedToken();
            }
        });

        planButton.disableProperty().bind(viewModel.status().busyProperty());
        restoreButton.disableProperty().bind(viewModel.status().busyProperty());
        restoreOtherServer.selectedProperty().bindBidirectional(viewModel.restoring().restoreOtherServerProperty());
        restoreConfirmButton.disableProperty().bind(viewModel.restoring().canConfirmRestoreProperty().not());
        cancelButton.visibleProperty().bind(viewModel.status().busyProperty());
        cancelButton.managedProperty().bind(cancelButton.visibleProperty());
        progress.visibleProperty().bind(viewModel.status().busyProperty());
        progress.progressProperty().bind(viewModel.status().progressProperty());
        progressText.textProperty().bind(viewModel.status().progressTextProperty());
        applyButton.disableProperty().bind(Bindings.not(viewModel.planning().canApplyProperty()));

        status.textProperty().bind(viewModel.status().statusProperty());
        status.visibleProperty().bind(viewModel.status().statusProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        viewModel.status().toneProperty().addListener((o, a, tone) -> tone(tone));
        tone(viewModel.status().toneProperty().get());

        guardText.textProperty().bind(viewModel.guard().guardTextProperty());
        confirmationPrompt.setText(messages.get("push.guard.confirmation", viewModel.guard().confirmationPhrase()));
        confirmation.setPromptText(messages.get("push.guard.confirmation.prompt"));
        confirmationBox.visibleProperty().bind(Bindings.not(viewModel.guard().evidenceProvesAdminProperty()));
        confirmationBox.managedProperty().bind(confirmationBox.visibleProperty());

        backupFile.textProperty().bind(Bindings.createStringBinding(() -> viewModel.results().backupFileProperty().get()
                .isEmpty() ? "" : messages.get("push.backup.saved", viewModel.results().backupFileProperty().get(),
                viewModel.results().recoveryFileProperty().get()), viewModel.results().backupFileProperty(),
                viewModel.results().recoveryFileProperty()));
        backupFile.visibleProperty().bind(backupFile.textProperty().isNotEmpty());
        backupFile.managedProperty().bind(backupFile.visibleProperty());
        applySteps.visibleProperty().bind(Bindings.isNotEmpty(viewModel.results().applySteps()));
        applySteps.managedProperty().bind(applySteps.visibleProperty());
        recovery.setText(messages.get("push.recovery", viewModel.recoverySteps()));

        setUpDiff();
        render(viewModel.results().planSteps(), planSteps);
        render(viewModel.results().applySteps(), applySteps);
        Runnable notes = () -> planNotes.getChildren().setAll(viewModel.results().planNotes().stream().map(t -> {
            Label l = new Label(t);
            l.setWrapText(true);
            return l;
        }).toList());
        viewModel.results().planNotes().addListener((ListChangeListener<String>) c -> notes.run());
        Runnable items = () -> checklist.getChildren().setAll(viewModel.results().checklist().stream().map(i -> {
            Label l = new Label(i.line(messages));
            l.setWrapText(true);
            l.setId("checklist-" + i.id());
            if (!i.done() && i.severity() == dev.ssosetup.core.common.Severity.ERROR) {
                l.getStyleClass().add("severity-error");
            }
            return l;
        }).toList());
        viewModel.results().checklist().addListener((ListChangeListener<dev.ssosetup.core.push.ChecklistItem>) c -> items.run());
        checklistTitle.visibleProperty().bind(Bindings.isNotEmpty(viewModel.results().checklist()));
        checklistTitle.managedProperty().bind(checklistTitle.visibleProperty());
        viewModel.results().issues().addListener((ListChangeListener<FieldIssue>) c -> renderIssues());
        renderIssues();
    }

    private void setUpDiff() {
        diffTable.setItems(viewModel.results().diff());
        diffTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        changeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                messages.get("push.diff." + c.getValue().change().name().toLowerCase(Locale.ROOT))));
        pathColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().path()));
        String hidden = messages.get("push.diff.hidden");
        liveColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().liveShown(hidden)));
        oursColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().oursShown(hidden)));
        // sized to content, no filler rows, the selected change in full below, Ctrl+C copies (issue 16)
        DataTables.install(diffTable, d -> java.util.List.of(
                messages.get("push.diff." + d.change().name().toLowerCase(Locale.ROOT)), d.path(),
                d.liveShown(hidden), d.oursShown(hidden)),
                messages);
        // a restore's diff compares the live configuration with the backup, not with ours
        diffTitle.textProperty().bind(javafx.beans.binding.Bindings.when(viewModel.results().diffIsRestoreProperty())
                .then(messages.get("push.diff.restore")).otherwise(messages.get("push.diff")));
        oursColumn.textProperty().bind(javafx.beans.binding.Bindings.when(viewModel.results().diffIsRestoreProperty())
                .then(messages.get("push.diff.backup")).otherwise(messages.get("push.diff.ours")));
        for (TableColumn<DiffEntry, String> col : java.util.List.of(changeColumn, pathColumn, liveColumn, oursColumn)) {
            col.setCellFactory(column -> new TableCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    getStyleClass().removeAll("diff-added", "diff-removed", "diff-changed");
                    DiffEntry row = empty || getTableRow() == null ? null : getTableRow().getItem();
                    setText(empty ? null : item);
                    if (row != null) {
                        getStyleClass().add("diff-" + row.change().name().toLowerCase(Locale.ROOT));
                    }
                }
            });
        }
    }

    private void render(ObservableList<StepReport> source, VBox target) {
        Runnable redraw = () -> target.getChildren().setAll(source.stream().map(this::stepLabel).toList());
        source.addListener((ListChangeListener<StepReport>) c -> redraw.run());
        redraw.run();
    }

    private Label stepLabel(StepReport r) {
        String mark = switch (r.status()) {
            case OK -> "\u2713";
            case FAILED -> "\u2717";
            case WARNING -> "!";
            case SKIPPED -> "\u2013";
        };
        Label l = new Label(mark + "  " + messages.get("push.step." + r.step().name().toLowerCase(Locale.ROOT))
                + ": " + messages.text(r.detail()));
        l.setWrapText(true);
        l.getStyleClass().addAll("push-check", "push-check-" + r.status().name().toLowerCase(Locale.ROOT));
        return l;
    }

    private void renderIssues() {
        issues.getChildren().setAll(viewModel.results().issues().stream().map(this::issueRow).toList());
    }

    private HBox issueRow(FieldIssue issue) {
        Label text = new Label(messages.text(issue.line()));
        text.setWrapText(true);
        text.getStyleClass().add("severity-error");
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        String step = messages.get("wizard.step." + issue.location().stepId());
        Hyperlink link = new Hyperlink(issue.location().fieldId().isEmpty()
                ? messages.get("push.issue.goTo", step)
                : messages.get("push.issue.goToField", step, issue.location().fieldId()));
        link.getStyleClass().add("push-go-to");
        link.setOnAction(e -> viewModel.goTo(issue));
        HBox row = new HBox(10, text, link);
        row.getStyleClass().add("push-issue");
        return row;
    }

    private void tone(PushStatus.Tone tone) {
        status.getStyleClass().removeIf(s -> s.startsWith("tone-"));
        status.getStyleClass().add("tone-" + tone.name().toLowerCase(Locale.ROOT));
    }

    private static void bindError(javafx.scene.control.Control field, Label label,
                                  javafx.beans.property.StringProperty error) {
        label.textProperty().bind(error);
        label.visibleProperty().bind(error.isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        error.addListener((o, a, now) -> {
            field.getStyleClass().remove("invalid");
            if (now != null && !now.isEmpty()) {
                field.getStyleClass().add("invalid");
            }
        });
    }

    @FXML
    private void onPlan() {
        viewModel.planning().plan();
    }

    @FXML
    private void onCancel() {
        viewModel.cancel();
    }

    @FXML
    private void onApply() {
        viewModel.planning().apply();
    }

    @FXML
    private void onRestore() {
        viewModel.restoring().restore();
    }

    @FXML
    private void onConfirmRestore() {
        viewModel.restoring().confirmRestore();
    }
}
