package dev.ssosetup.ui.login;

import dev.ssosetup.core.common.Finding;
import dev.ssosetup.core.common.Severity;
import dev.ssosetup.core.login.OpenMetadataPreview;
import dev.ssosetup.core.login.RedirectHost;
import dev.ssosetup.core.text.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import dev.ssosetup.ui.common.DataTables;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.WindowEvent;
import javafx.util.StringConverter;

import java.util.List;

/** The view of {@link LoginTestViewModel}: binds controls, renders warnings and the preview, copies to the clipboard. */
public final class LoginTestController {
    private final LoginTestViewModel viewModel;
    private final Messages messages;

    @FXML
    private TextField portsField;
    @FXML
    private ComboBox<RedirectHost> hostBox;
    @FXML
    private TextField timeoutField;
    @FXML
    private CheckBox browserCheck;
    @FXML
    private Label optionsError;
    @FXML
    private Button startButton;
    @FXML
    private Button cancelButton;
    @FXML
    private ProgressIndicator progress;
    @FXML
    private Label statusLabel;
    @FXML
    private VBox urlBox;
    @FXML
    private TextField urlField;
    @FXML
    private Label browserNote;
    @FXML
    private Label redirectLabel;
    @FXML
    private Label verdictLabel;
    @FXML
    private Label verdictDetail;
    @FXML
    private Label caNote;
    @FXML
    private VBox warningBox;
    @FXML
    private VBox previewBox;
    @FXML
    private Label previewClaim;
    @FXML
    private Label previewUser;
    @FXML
    private Label previewEmail;
    @FXML
    private Label previewAdmin;
    @FXML
    private Label previewDomain;
    @FXML
    private javafx.scene.control.Button previewUseDomain;
    @FXML
    private VBox previewWhy;
    @FXML
    private HBox tablesBox;
    @FXML
    private TableView<ClaimRow> claimsTable;
    @FXML
    private TableColumn<ClaimRow, String> claimName;
    @FXML
    private TableColumn<ClaimRow, String> claimValue;
    @FXML
    private TableColumn<ClaimRow, String> claimMeaning;
    @FXML
    private TableView<ClaimRow> userInfoTable;
    @FXML
    private TableColumn<ClaimRow, String> userInfoName;
    @FXML
    private TableColumn<ClaimRow, String> userInfoValue;
    @FXML
    private Button copyReportButton;
    @FXML
    private Label copiedLabel;

    private final javafx.collections.ObservableList<ClaimRow> shownClaims =
            javafx.collections.FXCollections.observableArrayList();
    private final javafx.collections.ObservableList<ClaimRow> shownUserInfo =
            javafx.collections.FXCollections.observableArrayList();
    private final dev.ssosetup.ui.common.PulseStages stages = new dev.ssosetup.ui.common.PulseStages();

    public LoginTestController(LoginTestViewModel viewModel) {
        this.viewModel = viewModel;
        this.messages = viewModel.messages();
    }

    @FXML
    private void initialize() {
        previewUseDomain.textProperty().bind(viewModel.domainSuggestionTextProperty());
        previewUseDomain.visibleProperty().bind(viewModel.domainSuggestionTextProperty().isNotEmpty());
        previewUseDomain.managedProperty().bind(previewUseDomain.visibleProperty());
        // plain http to a provider elsewhere was refused: ask, and run again only when the operator confirms
        viewModel.insecureHttpQuestionProperty().addListener((o, old, question) -> {
            if (!question.isEmpty()) {
                javafx.application.Platform.runLater(() -> askInsecureHttp(question));
            }
        });
        portsField.textProperty().bindBidirectional(viewModel.portsProperty());
        timeoutField.textProperty().bindBidirectional(viewModel.timeoutSecondsProperty());
        browserCheck.selectedProperty().bindBidirectional(viewModel.openBrowserProperty());
        hostBox.getItems().setAll(RedirectHost.values());
        hostBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(RedirectHost h) {
                return h == null ? "" : messages.get("login.options.host." + h.name().toLowerCase(java.util.Locale.ROOT));
            }

            @Override
            public RedirectHost fromString(String s) {
                return null;
            }
        });
        hostBox.valueProperty().bindBidirectional(viewModel.redirectHostProperty());
        optionsError.textProperty().bind(viewModel.optionsErrorProperty());
        showWhenText(optionsError);
        caNote.textProperty().bind(viewModel.caNoteProperty());
        showWhenText(caNote);
        portsField.disableProperty().bind(viewModel.runningProperty());
        hostBox.disableProperty().bind(viewModel.runningProperty());
        timeoutField.disableProperty().bind(viewModel.runningProperty());
        browserCheck.disableProperty().bind(viewModel.runningProperty());

        startButton.disableProperty().bind(viewModel.runningProperty()
                .or(viewModel.optionsErrorProperty().isNotEmpty()));
        cancelButton.disableProperty().bind(viewModel.runningProperty().not());
        progress.visibleProperty().bind(viewModel.runningProperty());
        progress.managedProperty().bind(viewModel.runningProperty());
        // while the attempt runs: which stage (discovery, listener, sign-in, token exchange, validation); then its end
        statusLabel.textProperty().bind(javafx.beans.binding.Bindings.when(viewModel.runningProperty())
                .then(viewModel.stepProperty()).otherwise(viewModel.statusProperty()));

        urlField.textProperty().bind(viewModel.authorizationUrlProperty());
        urlBox.visibleProperty().bind(viewModel.authorizationUrlProperty().isNotEmpty());
        urlBox.managedProperty().bind(urlBox.visibleProperty());
        browserNote.textProperty().bind(viewModel.browserNoteProperty());
        showWhenText(browserNote);
        redirectLabel.textProperty().bind(Bindings.createStringBinding(
                () -> viewModel.redirectUriProperty().get().isEmpty() ? ""
                        : messages.get("login.redirect", viewModel.redirectUriProperty().get()),
                viewModel.redirectUriProperty()));

        verdictLabel.textProperty().bind(viewModel.verdictProperty());
        verdictDetail.textProperty().bind(viewModel.verdictDetailProperty());
        styleVerdict(viewModel.verdictStyleProperty().get(), null);
        viewModel.verdictStyleProperty().addListener((o, old, now) -> styleVerdict(now, old));

        // a verdict changes most of this view at once: the verdict shows first, then the preview, the notes and
        // each table in a pulse of their own, so no single pulse (layout and painting) takes all of it (UiStallBench)
        viewModel.warnings().addListener((ListChangeListener<Finding>) c -> stages.post(this::renderWarnings));
        renderWarnings();
        viewModel.previewProperty().addListener((o, old, now) -> stages.post(
                () -> renderPreview(viewModel.previewProperty().get())));
        renderPreview(viewModel.previewProperty().get());

        claimName.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        claimValue.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().value()));
        claimMeaning.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().meaning()));
        userInfoName.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        userInfoValue.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().value()));
        claimsTable.setItems(shownClaims);
        userInfoTable.setItems(shownUserInfo);
        DataTables.install(claimsTable, r -> java.util.List.of(r.name(), r.value(), r.meaning()), messages);
        DataTables.install(userInfoTable, r -> java.util.List.of(r.name(), r.value()), messages);
        shownClaims.setAll(viewModel.claims());
        shownUserInfo.setAll(viewModel.userInfo());
        viewModel.claims().addListener((ListChangeListener<ClaimRow>) c -> stages.post(
                () -> shownClaims.setAll(viewModel.claims())));
        viewModel.userInfo().addListener((ListChangeListener<ClaimRow>) c -> stages.post(
                () -> shownUserInfo.setAll(viewModel.userInfo())));
        tablesBox.visibleProperty().bind(Bindings.isNotEmpty(shownClaims).or(Bindings.isNotEmpty(shownUserInfo)));
        tablesBox.managedProperty().bind(tablesBox.visibleProperty());
        claimsTable.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null && was == null && !warmed) {
                javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(
                        javafx.util.Duration.seconds(1.5)); // after the wizard has preloaded every step view
                later.setOnFinished(e -> warmTables());
                later.play();
            }
        });
        copyReportButton.disableProperty().bind(viewModel.resultProperty().isNull());

        // closing the window cancels a running attempt (and so releases the loopback port)
        startButton.sceneProperty().addListener((o, oldScene, scene) -> {
            if (scene != null) {
                scene.windowProperty().addListener((w, oldWindow, window) -> {
                    if (window != null) {
                        window.addEventHandler(WindowEvent.WINDOW_HIDING, e -> viewModel.cancel());
                    }
                });
            }
        });
    }

    private boolean warmed;

    /**
     * The first verdict would create both tables' rows and cells and style them in the pulse it is shown in, while the
     * operator waits (UiStallBench, login phase: up to 40 ms of the JavaFX thread at once). Once, a moment after the
     * view is preloaded (hidden), both tables get placeholder rows, are styled and laid out, and are emptied again in
     * the same turn of the JavaFX thread: nothing is drawn in between, and the cells stay in the tables for the verdict.
     */
    private void warmTables() {
        javafx.scene.Node view = claimsTable;
        while (view.getParent() != null && !view.getStyleClass().contains("login-scroll")) {
            view = view.getParent();
        }
        if (warmed || claimsTable.getScene() == null || view.isVisible() || !shownClaims.isEmpty()
                || !shownUserInfo.isEmpty()) {
            return; // shown now, or a verdict is already there: nothing to gain
        }
        warmed = true;
        List<ClaimRow> rows = java.util.stream.IntStream.range(0, DataTables.MAX_ROWS)
                .mapToObj(i -> new ClaimRow("", "", "")).toList();
        shownClaims.setAll(rows);
        shownUserInfo.setAll(rows);
        view.applyCss();
        if (view instanceof javafx.scene.Parent p) {
            p.layout();
        }
        shownClaims.clear();
        shownUserInfo.clear();
    }

    private static void showWhenText(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    private void styleVerdict(String now, String old) {
        if (old != null) {
            verdictLabel.getStyleClass().remove(old);
        }
        verdictLabel.getStyleClass().add(now);
    }

    private void renderWarnings() {
        warningBox.getChildren().clear();
        for (Finding f : viewModel.warnings()) {
            boolean loud = f.severity() != Severity.INFO && (f.id().startsWith("login-not-admin")
                    || f.id().startsWith("login-no-principal") || f.id().startsWith("login-domain")
                    || f.id().startsWith("login-mapping"));
            Label l = new Label((loud ? "\u26a0 " : "") + messages.text(f.message())
                    + (f.hasHint() ? "\n" + messages.get("login.fix", messages.text(f.hint())) : ""));
            l.setWrapText(true);
            l.setMaxWidth(Double.MAX_VALUE);
            l.getStyleClass().add(loud ? "login-warning" : "login-note");
            l.setId("warning-" + f.id());
            warningBox.getChildren().add(l);
        }
        warningBox.setVisible(!warningBox.getChildren().isEmpty());
        warningBox.setManaged(warningBox.isVisible());
    }

    private void renderPreview(OpenMetadataPreview p) {
        previewBox.setVisible(p != null);
        previewBox.setManaged(p != null);
        if (p == null) {
            return;
        }
        previewClaim.setText(p.principalClaim().isEmpty() ? messages.get("login.preview.none") : p.principalClaim());
        previewUser.setText(p.userName().isEmpty() ? messages.get("login.preview.none") : p.userName());
        previewEmail.setText(!p.email().isEmpty() ? p.email() : p.emailNote() != null ? messages.text(p.emailNote())
                : messages.get("login.preview.none"));
        previewEmail.setWrapText(true);
        previewWhy.getChildren().setAll(p.explanation().stream().map(t -> {
            Label line = new Label("\u2022 " + messages.text(t));
            line.setWrapText(true);
            line.getStyleClass().add("help-text");
            return line;
        }).toList());
        previewAdmin.setText(messages.get(p.admin() ? "login.preview.admin.yes" : "login.preview.admin.no"));
        mark(previewAdmin, p.admin());
        mark(previewClaim, !p.principalClaim().isEmpty());
        previewDomain.setText(switch (p.domain()) {
            case NOT_ENFORCED -> messages.get("login.preview.domain.off");
            case OK -> messages.get("login.preview.domain.ok");
            case REFUSED -> messages.get("login.preview.domain.refused");
        });
        mark(previewDomain, p.domain() != OpenMetadataPreview.DomainCheck.REFUSED);
    }

    private static void mark(Label label, boolean good) {
        label.getStyleClass().removeAll("good", "bad");
        label.getStyleClass().add(good ? "good" : "bad");
    }

    @FXML
    private void onUseDomain() {
        viewModel.useSuggestedDomain();
    }

    @FXML
    private void onStart() {
        copiedLabel.setText("");
        viewModel.start();
    }

    @FXML
    private void onCancel() {
        viewModel.cancel();
    }

    @FXML
    private void onCopyUrl() {
        copy(viewModel.authorizationUrlProperty().get());
    }

    @FXML
    private void onCopyReport() {
        copy(viewModel.report());
    }

    private void copy(String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
        copiedLabel.setText(messages.get("common.copied"));
    }

    private void askInsecureHttp(String question) {
        if (!question.equals(viewModel.insecureHttpQuestionProperty().get())) {
            return; // answered or withdrawn meanwhile
        }
        javafx.scene.control.ButtonType allow = new javafx.scene.control.ButtonType(
                messages.get("login.insecureHttp.allow"), javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        javafx.scene.control.ButtonType keep = new javafx.scene.control.ButtonType(
                messages.get("login.insecureHttp.keep"), javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(
                javafx.scene.control.Alert.AlertType.WARNING, question, allow, keep);
        alert.setTitle(messages.get("login.insecureHttp.title"));
        alert.setHeaderText(messages.get("login.insecureHttp.header"));
        if (portsField.getScene() != null) {
            alert.initOwner(portsField.getScene().getWindow());
        }
        // the safe answer is the default one
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(allow)).setDefaultButton(false);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        if (alert.showAndWait().filter(allow::equals).isPresent()) {
            viewModel.allowInsecureHttpAndRetry();
        } else {
            viewModel.declineInsecureHttp();
        }
    }
}
