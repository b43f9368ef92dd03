package dev.ssosetup.ui.review;

import dev.ssosetup.core.common.Severity;
import dev.ssosetup.core.config.HelmChartVersion;
import dev.ssosetup.core.config.OutputFormat;
import dev.ssosetup.core.config.ReviewItem;
import dev.ssosetup.core.config.ReviewProblem;
import dev.ssosetup.core.config.StepNote;
import dev.ssosetup.core.text.Messages;
import javafx.animation.PauseTransition;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.NotificationPane;

import java.io.File;
import java.util.List;
import java.util.Locale;

/**
 * The Review step's view: a summary tab (open problems with "Go to step" links, verdicts from other steps, every
 * choice by step) and one tab per output format with a monospace preview, Copy and Save. Talks only to
 * {@link ReviewViewModel}; file choosers are the only platform dialogs it opens.
 */
public final class ReviewController {
    /** Summary items whose value may be a token rather than the operator's own text. */
    private static final java.util.Set<String> TOKEN_ITEMS = java.util.Set.of("clientSecret", "idpJwksUri", "tenant");
    private final ReviewViewModel viewModel;
    private final Messages messages;

    @FXML
    private Label readiness;
    @FXML
    private Button openProfile;
    @FXML
    private Button saveProfile;
    @FXML
    private TabPane tabs;
    private final java.util.Map<OutputFormat, Tab> formatTabs = new java.util.EnumMap<>(OutputFormat.class);
    @FXML
    private VBox problemList;
    @FXML
    private Label notesTitle;
    @FXML
    private VBox noteList;
    @FXML
    private GridPane choiceGrid;
    @FXML
    private CheckBox includeSecret;
    @FXML
    private NotificationPane notice;
    /** A success notice hides itself after a while; a failure stays until the tab or the content changes. */
    private final PauseTransition noticeTimeout = new PauseTransition(Duration.seconds(8));

    public ReviewController(ReviewViewModel viewModel) {
        this.viewModel = viewModel;
        this.messages = viewModel.messages();
    }

    @FXML
    private void initialize() {
        for (OutputFormat f : OutputFormat.values()) {
            formatTabs.put(f, formatTab(f));
        }
        showFormats();
        viewModel.configurationProperty().addListener((o, was, is) -> showFormats());
        includeSecret.selectedProperty().bindBidirectional(viewModel.includeSecretProperty());
        includeSecret.visibleProperty().bind(viewModel.secretChoiceShownProperty());
        includeSecret.managedProperty().bind(includeSecret.visibleProperty());
        notice.setCloseButtonVisible(false);
        notice.setFocusTraversable(false); // a frame around the tabs; the notice's text is its accessible text
        noticeTimeout.setOnFinished(e -> viewModel.dismissMessage());
        viewModel.statusProperty().addListener((o, was, is) -> showNotice());
        viewModel.statusIsErrorProperty().addListener((o, was, is) -> showNotice());
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> viewModel.dismissMessage());
        openProfile.setMinWidth(Region.USE_PREF_SIZE);
        saveProfile.setMinWidth(Region.USE_PREF_SIZE);
        readiness.setMinHeight(Region.USE_PREF_SIZE);
        openProfile.disableProperty().bind(viewModel.busyProperty());
        saveProfile.disableProperty().bind(viewModel.busyProperty());
        viewModel.problems().addListener((ListChangeListener<ReviewProblem>) c -> showProblems());
        viewModel.items().addListener((ListChangeListener<ReviewItem>) c -> showChoices());
        viewModel.notes().addListener((ListChangeListener<StepNote>) c -> showNotes());
        viewModel.readyProperty().addListener((o, was, is) -> showReadiness());
        showProblems();
        showChoices();
        showNotes();
        showReadiness();
    }

    /**
     * Every format for a self-hosted OpenMetadata; for Collate (hosted) only the hand-off sheet, named Hand-off: the
     * Collate team configures the server (issue 19 C).
     */
    private void showFormats() {
        var c = viewModel.configurationProperty().get();
        boolean collate = c != null && c.provider().collate();
        List<Tab> wanted = java.util.Arrays.stream(OutputFormat.values())
                .filter(f -> !collate || f == OutputFormat.COLLATE).map(formatTabs::get).toList();
        if (tabs.getTabs().containsAll(wanted) && tabs.getTabs().stream().filter(formatTabs::containsValue).count()
                == wanted.size()) {
            return;
        }
        tabs.getTabs().removeAll(formatTabs.values());
        tabs.getTabs().addAll(wanted);
        formatTabs.get(OutputFormat.COLLATE).setText(messages.get(collate ? "review.format.collate.handoff"
                : "review.format.collate"));
    }

    private Tab formatTab(OutputFormat f) {
        String key = f.name().toLowerCase(Locale.ROOT);
        TextArea text = new TextArea();
        text.setId("output-" + f.cliName());
        text.setEditable(false);
        text.getStyleClass().add("output-text");
        text.textProperty().bind(viewModel.textProperty(f));
        text.setTooltip(new Tooltip(messages.get("review.output.preview.help")));
        // read-only preview: Tab moves on instead of being swallowed by the text area
        text.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.TAB && !e.isControlDown()) {
                e.consume();
                text.requestFocusTraversal(e.isShiftDown()
                        ? javafx.scene.TraversalDirection.PREVIOUS : javafx.scene.TraversalDirection.NEXT);
            }
        });
        VBox.setVgrow(text, Priority.ALWAYS);

        Label help = new Label(messages.get("review.format." + key + ".help", f.fileName()));
        help.getStyleClass().add("help-text");
        help.setWrapText(true);

        Button copy = new Button(messages.get("common.copy"));
        copy.setId("copy-" + f.cliName());
        copy.setTooltip(new Tooltip(messages.get("review.output.copy.help")));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(viewModel.textProperty(f).get());
            Clipboard.getSystemClipboard().setContent(content);
            viewModel.copied(f);
        });
        Button save = new Button(messages.get("common.save"));
        save.setId("save-" + f.cliName());
        save.setTooltip(new Tooltip(messages.get("review.output.save.help", f.fileName())));
        save.setOnAction(e -> {
            File file = chooser(f.fileName()).showSaveDialog(window());
            if (file != null) {
                viewModel.saveOutput(f, file.getPath());
            }
        });
        save.disableProperty().bind(viewModel.busyProperty());
        Label secretNote = new Label(messages.get("review.output.holdsSecret"));
        secretNote.getStyleClass().add("secret-note");
        secretNote.visibleProperty().bind(viewModel.holdsSecretProperty(f));
        secretNote.managedProperty().bind(secretNote.visibleProperty());
        HBox buttons = new HBox(8, copy, save, secretNote);
        buttons.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        VBox box = new VBox(8, help, text, buttons);
        if (f == OutputFormat.HELM) {
            box.getChildren().add(1, helmChartRow());
        }
        box.getStyleClass().add("format-box"); // padding in review.css: more while the notice shows
        Tab tab = new Tab(messages.get("review.format." + key), box);
        tab.setId("tab-" + f.cliName());
        return tab;
    }

    /** The chart version the Helm values target, and the versions they were checked against. */
    private HBox helmChartRow() {
        ComboBox<HelmChartVersion> chart = new ComboBox<>(FXCollections.observableList(HelmChartVersion.known()));
        chart.setId("helm-chart-version");
        chart.valueProperty().bindBidirectional(viewModel.helmChartProperty());
        chart.setTooltip(new Tooltip(messages.get("review.helm.chartVersion.help")));
        Label label = new Label(messages.get("review.helm.chartVersion"));
        label.setLabelFor(chart);
        label.setMnemonicParsing(true);
        Label checked = new Label(messages.get("review.helm.checked", HelmChartVersion.knownList()));
        checked.setId("helm-checked");
        checked.getStyleClass().add("help-text");
        checked.setWrapText(true);
        HBox row = new HBox(8, label, chart, checked);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(checked, Priority.ALWAYS);
        return row;
    }

    /** Shows the view model's message as a notice over the tabs, or hides it when there is none. */
    private void showNotice() {
        String text = viewModel.statusProperty().get();
        boolean error = viewModel.statusIsErrorProperty().get();
        noticeTimeout.stop();
        toggle(notice, "notice-error", error);
        boolean shown = text != null && !text.isEmpty();
        toggle(tabs, "notice-shown", shown);
        if (!shown) {
            notice.hide();
            return;
        }
        notice.setAccessibleText(text);
        notice.show(text);
        if (!error) {
            noticeTimeout.playFromStart();
        }
    }

    private void showReadiness() {
        boolean ready = viewModel.readyProperty().get();
        long errors = viewModel.problems().stream().filter(ReviewProblem::isError).count();
        readiness.setText(ready ? messages.get("review.ready") : messages.get("review.notReady", errors));
        toggle(readiness, "ready", ready);
        toggle(readiness, "not-ready", !ready);
    }

    private void showProblems() {
        problemList.getChildren().clear();
        if (viewModel.problems().isEmpty()) {
            Label none = new Label(messages.get("review.problems.none"));
            none.getStyleClass().add("help-text");
            problemList.getChildren().add(none);
        }
        for (ReviewProblem p : viewModel.problems()) {
            Severity sev = p.finding().severity();
            Label severity = new Label(messages.get("review.severity." + sev.wire()));
            severity.getStyleClass().add("severity-" + sev.wire());
            severity.setMinWidth(Region.USE_PREF_SIZE);
            Label message = new Label(messages.text(p.finding().message()));
            message.setWrapText(true);
            Label hint = new Label(messages.text(p.finding().hint()));
            hint.setWrapText(true);
            hint.getStyleClass().add("help-text");
            VBox text = new VBox(2, message, hint);
            HBox.setHgrow(text, Priority.ALWAYS);
            Hyperlink go = new Hyperlink(messages.get("review.goTo", stepTitle(p.stepId())));
            go.setId("goto-" + p.finding().id());
            go.setMinWidth(Region.USE_PREF_SIZE);
            // issue 16: to the exact field that fixes it, not only the step
            go.setOnAction(e -> viewModel.goToProblem(p));
            HBox row = new HBox(10, severity, text, go);
            row.getStyleClass().add("problem");
            row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            problemList.getChildren().add(row);
        }
        showReadiness();
    }

    private void showNotes() {
        noteList.getChildren().clear();
        for (StepNote n : viewModel.notes()) {
            Label title = new Label(messages.get("review.note." + n.key()));
            title.getStyleClass().add("severity-" + n.severity().wire());
            Label text = new Label(n.text());
            text.setWrapText(true);
            noteList.getChildren().add(new HBox(8, title, text));
        }
        boolean any = !viewModel.notes().isEmpty();
        notesTitle.setVisible(any);
        notesTitle.setManaged(any);
        noteList.setVisible(any);
        noteList.setManaged(any);
    }

    private void showChoices() {
        choiceGrid.getChildren().clear();
        int row = 0;
        String lastStep = null;
        for (ReviewItem item : viewModel.items()) {
            if (!item.stepId().equals(lastStep)) {
                lastStep = item.stepId();
                String stepId = lastStep;
                Label step = new Label(messages.get("review.choices.fromStep", stepTitle(stepId)));
                step.getStyleClass().add("choice-step");
                Hyperlink edit = new Hyperlink(messages.get("review.choices.edit"));
                edit.setId("edit-" + stepId);
                edit.setOnAction(e -> viewModel.goToStep(stepId));
                HBox header = new HBox(8, step, edit);
                header.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
                choiceGrid.add(header, 0, row++, 2, 1);
            }
            Label label = new Label(messages.get("review.item." + item.key()));
            label.getStyleClass().add("choice-label");
            label.setMinWidth(Region.USE_PREF_SIZE);
            Label value = new Label(valueText(item));
            value.setWrapText(true);
            value.getStyleClass().add("choice-value");
            choiceGrid.addRow(row++, label, value);
        }
    }

    /** Values the summary marks with a token ("unknown", "entered" ...) are shown in the operator's words. */
    private String valueText(ReviewItem item) {
        String value = item.value();
        if (value.isEmpty()) {
            return messages.get("review.item.empty");
        }
        if (item.key().equals("preset")) { // an enum constant: never shown as such (issue 16)
            return messages.get("provider.preset." + value);
        }
        String key = "review.value." + value;
        boolean token = TOKEN_ITEMS.contains(item.key()) && messages.bundle().containsKey(key);
        return token ? messages.get(key) : value;
    }

    private String stepTitle(String stepId) {
        return messages.get("wizard.step." + stepId);
    }

    @FXML
    private void onSaveProfile() {
        FileChooser chooser = chooser("sso-setup-profile.json");
        chooser.setTitle(messages.get("review.profile.save.title"));
        File file = chooser.showSaveDialog(window());
        if (file != null) {
            viewModel.saveProfile(file.getPath());
        }
    }

    @FXML
    private void onOpenProfile() {
        FileChooser chooser = chooser(null);
        chooser.setTitle(messages.get("review.profile.open.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("review.profile.filter"),
                "*.json"));
        File file = chooser.showOpenDialog(window());
        if (file != null) {
            viewModel.openProfile(file.getPath());
        }
    }

    private FileChooser chooser(String initialName) {
        FileChooser chooser = new FileChooser();
        if (initialName != null) {
            chooser.setInitialFileName(initialName);
        }
        // the documents folder or the last one used (checked to exist off the JavaFX thread), never the working one
        String folder = viewModel.profileFolder();
        if (!folder.isBlank()) {
            chooser.setInitialDirectory(new File(folder));
        }
        return chooser;
    }

    private Window window() {
        return tabs.getScene() == null ? null : tabs.getScene().getWindow();
    }

    private static void toggle(javafx.scene.Node node, String styleClass, boolean on) {
        node.getStyleClass().remove(styleClass);
        if (on) {
            node.getStyleClass().add(styleClass);
        }
    }
}
