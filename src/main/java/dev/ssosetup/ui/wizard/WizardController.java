package dev.ssosetup.ui.wizard;

import dev.ssosetup.core.text.Messages;
import dev.ssosetup.ui.common.ViewLoader;
import javafx.collections.SetChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The wizard window's frame: the step rail, the current step's view, Back and Next. Step views are loaded once and
 * kept, so whatever the operator typed survives moving back and forth.
 */
public final class WizardController {
    private final WizardViewModel viewModel;
    private final ViewLoader views;
    private final Messages messages;
    private final Map<Integer, Parent> loaded = new HashMap<>();
    private final List<HBox> railItems = new ArrayList<>();

    @FXML
    private VBox stepRail;
    @FXML
    private StackPane stepContent;
    @FXML
    private Label stepTitle;
    @FXML
    private Label stepCounter;
    @FXML
    private Label statusLabel;
    @FXML
    private Button backButton;
    @FXML
    private Button nextButton;
    @FXML
    private Button finishButton;
    private javafx.scene.Node finishPage;
    private java.util.function.Supplier<FinishSummary> finishSummary = FinishSummary::empty;

    private HelpViewModel help;

    /** The Help menu (Copy diagnostics); without it the menu is left out. */
    public WizardController withHelp(HelpViewModel help) {
        this.help = help;
        return this;
    }

    /** What the Finish page shows (the composition root reads it from the wizard state). */
    public WizardController withFinishSummary(java.util.function.Supplier<FinishSummary> summary) {
        this.finishSummary = summary;
        return this;
    }

    @FXML
    private javafx.scene.layout.BorderPane wizardRoot;
    @FXML
    private javafx.scene.control.MenuBar menuBar;
    @FXML
    private HBox draftBar;
    @FXML
    private HBox noticeBar;
    @FXML
    private Label noticeLabel;

    private final SessionViewModel session;
    private final ProfileDialogs dialogs;
    private final javafx.scene.control.Menu recentMenu = new javafx.scene.control.Menu();

    /** The frame alone (no File menu, no session): for tests of the frame. */
    public WizardController(WizardViewModel viewModel, ViewLoader views) {
        this(viewModel, views, null, null);
    }

    public WizardController(WizardViewModel viewModel, ViewLoader views, SessionViewModel session,
                            ProfileDialogs dialogs) {
        this.viewModel = viewModel;
        this.views = views;
        this.messages = views.messages();
        this.session = session;
        this.dialogs = dialogs;
    }

    @FXML
    private void initialize() {
        List<WizardStep> steps = viewModel.steps();
        for (int i = 0; i < steps.size(); i++) {
            railItems.add(railItem(i, steps.get(i)));
        }
        stepRail.getChildren().addAll(railItems);
        backButton.disableProperty().bind(javafx.beans.binding.Bindings.not(viewModel.canGoBackProperty()));
        nextButton.disableProperty().bind(javafx.beans.binding.Bindings.not(viewModel.canGoNextProperty()));
        var last = javafx.beans.binding.Bindings.createBooleanBinding(viewModel::onLastStep,
                viewModel.currentIndexProperty(), viewModel.flowChangesProperty());
        nextButton.visibleProperty().bind(last.not());
        nextButton.managedProperty().bind(nextButton.visibleProperty());
        viewModel.currentIndexProperty().addListener((obs, old, now) -> show(now.intValue()));
        finishButton.visibleProperty().bind(last.and(viewModel.finishedProperty().not()));
        // a step left out of or taken back into the flow (Collate): renumber, keep the focus where it is
        viewModel.flowChangesProperty().addListener((obs, old, now) -> {
            showCounter(viewModel.currentStep());
            refreshRail();
            refreshStatus();
        });
        finishButton.managedProperty().bind(finishButton.visibleProperty());
        finishButton.disableProperty().bind(javafx.beans.binding.Bindings.not(viewModel.currentValidProperty()));
        viewModel.finishedProperty().addListener((o, old, now) -> showFinish(now));
        viewModel.completedSteps().addListener((SetChangeListener<Integer>) change -> refreshRail());
        viewModel.currentValidProperty().addListener((obs, old, now) -> {
            refreshStatus();
            refreshRail();
        });
        dev.ssosetup.ui.common.StatusRegions.announce(statusLabel);
        show(viewModel.currentIndexProperty().get());
        // a "Go to" link names the exact field: focus it (after show()'s own first-field focus)
        viewModel.fieldToFocusProperty().addListener((o, old, id) -> {
            if (id != null && !id.isEmpty()) {
                javafx.application.Platform.runLater(() -> focusField(id));
            }
        });
        initSession();
        // preloading starts once the window is on screen: a view loaded before that would delay the first frame
        stepContent.sceneProperty().addListener((o, oldScene, scene) -> {
            if (scene != null) {
                scene.windowProperty().addListener((w, oldWindow, window) -> {
                    if (window != null) {
                        attachToWindow(window);
                        window.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, e -> startPreloading());
                        if (window.isShowing()) {
                            startPreloading();
                        }
                    }
                });
            }
        });
    }

    private boolean preloading;

    private void startPreloading() {
        if (!preloading) {
            preloading = true;
            if (session != null) {
                session.lookForDraft(); // not before the window is shown: the first frame does not need it
            }
            preloadNext(0);
        }
    }

    /**
     * Loads the other steps' views one at a time once the window is up, each in its own turn of the JavaFX thread,
     * so that moving to a step later shows an already built view instead of stalling on FXML loading.
     */
    private void preloadNext(int from) {
        // the first one waits for the first frames to be drawn; then one view per 300 ms
        javafx.animation.PauseTransition pause = new javafx.animation.PauseTransition(
                javafx.util.Duration.millis(from == 0 ? 700 : 300));
        pause.setOnFinished(e -> {
            for (int i = from; i < viewModel.steps().size(); i++) {
                if (!loaded.containsKey(i)) {
                    WizardStep step = viewModel.steps().get(i);
                    Parent view = attach(load(step));
                    view.setVisible(false);
                    loaded.put(i, view);
                    preloadNext(i + 1);
                    return;
                }
            }
            // all views are built: one more idle turn warms the table code up for the first table that fills
            if (stepContent.getScene() != null) {
                dev.ssosetup.ui.common.ControlWarmup.tables(stepContent.getScene().getStylesheets());
            }
        });
        pause.play();
    }

    private HBox railItem(int index, WizardStep step) {
        Label number = new Label(Integer.toString(index + 1));
        number.getStyleClass().add("rail-number");
        Label title = new Label(messages.get(step.titleKey()));
        title.getStyleClass().add("rail-title");
        HBox item = new HBox(10, number, title);
        item.getStyleClass().add("rail-item");
        item.setId("rail-" + step.id());
        item.setOnMouseClicked(e -> enter(index));
        return item;
    }

    /** Moves to a step from the rail; a step that cannot be entered yet says which one to finish first. */
    private void enter(int index) {
        if (index == viewModel.currentIndexProperty().get() || viewModel.goTo(index)) {
            return;
        }
        int blocker = viewModel.firstIncompleteBefore(index);
        statusLabel.setText(messages.get("wizard.blocked", messages.get(viewModel.steps().get(index).titleKey()),
                messages.get(viewModel.steps().get(blocker).titleKey())));
        statusLabel.getStyleClass().add("blocked");
    }

    private void show(int index) {
        WizardStep step = viewModel.steps().get(index);
        Parent view = loaded.computeIfAbsent(index, i -> attach(load(step)));
        stepContent.getChildren().forEach(child -> child.setVisible(child == view));
        stepTitle.setText(messages.get(step.titleKey()));
        showCounter(step);
        refreshRail();
        refreshStatus();
        focusFirst(view);
    }

    private void showCounter(WizardStep step) {
        var flow = viewModel.availableSteps();
        stepCounter.setText(messages.get("wizard.stepOf", Math.max(flow.indexOf(step), 0) + 1, flow.size()));
    }

    /**
     * Every loaded view stays in the scene, hidden unless current: its CSS and layout are done once, in the
     * background of the first screen, not when the operator moves to it.
     */
    private Parent attach(Parent view) {
        dev.ssosetup.ui.common.AccessibleNames.install(view);
        dev.ssosetup.ui.common.StatusRegions.install(view);
        dev.ssosetup.ui.common.WholeText.install(view);
        stepContent.getChildren().add(view);
        return view;
    }

    private Parent load(WizardStep step) {
        step.viewModel(); // built before its view (on first use, ADR 0034): the step's validity follows it from now on
        return views.load(step.fxml());
    }

    private void refreshRail() {
        int current = viewModel.currentIndexProperty().get();
        for (int i = 0; i < railItems.size(); i++) {
            HBox item = railItems.get(i);
            item.setVisible(!viewModel.skipped(i));
            item.setManaged(item.isVisible());
            item.getStyleClass().removeAll("current", "done", "locked");
            Label number = (Label) item.getChildren().getFirst();
            boolean done = viewModel.completedSteps().contains(i)
                    && (i != current || viewModel.finishedProperty().get());
            if (done) {
                item.getStyleClass().add("done");
            } else if (i == current) {
                item.getStyleClass().add("current");
            }
            number.setText(done ? "\u2713" : Integer.toString(viewModel.availableSteps()
                    .indexOf(viewModel.steps().get(i)) + 1));
            String state = i == current ? messages.get("wizard.step.current")
                    : done ? messages.get("wizard.step.done") : "";
            item.setAccessibleText(messages.get(viewModel.steps().get(i).titleKey())
                    + (state.isEmpty() ? "" : ", " + state));
            int blocker = viewModel.firstIncompleteBefore(i);
            boolean locked = blocker < i && i != current;
            if (locked) {
                item.getStyleClass().add("locked");
            }
            item.setAccessibleHelp(locked ? messages.get("wizard.blocked",
                    messages.get(viewModel.steps().get(i).titleKey()),
                    messages.get(viewModel.steps().get(blocker).titleKey())) : null);
        }
    }

    private void refreshStatus() {
        statusLabel.getStyleClass().remove("blocked");
        boolean last = viewModel.onLastStep();
        statusLabel.setText(last ? "" : messages.get(viewModel.currentValidProperty().get()
                ? "wizard.ready" : "wizard.notReady"));
    }

    /** Focuses the control with this id in the current step's view (revealing a hidden tab or section first). */
    private void focusField(String id) {
        viewModel.fieldToFocusProperty().set("");
        Parent view = loaded.get(viewModel.currentIndexProperty().get());
        if (view == null || view.getScene() == null) {
            return;
        }
        Node target = view.lookup("#" + id);
        for (Node n = target; n != null && n != view; n = n.getParent()) {
            if (!n.isVisible()) {
                return; // not shown for these settings (e.g. the secret of a public client): the step stays as shown
            }
        }
        if (target == null) {
            return;
        }
        target.requestFocus();
        if (target instanceof javafx.scene.control.TextInputControl text) {
            text.selectAll();
        }
    }

    /** Puts the focus on the step's first field the operator can type in (not a read-only or hidden one). */
    private static void focusFirst(Node view) {
        javafx.application.Platform.runLater(() -> {
            if (view.getScene() == null) {
                return;
            }
            Node target = view.lookupAll(".text-input").stream()
                    .filter(n -> n instanceof javafx.scene.control.TextInputControl t && t.isEditable()
                            && !t.isDisabled() && t.isVisible() && t.isFocusTraversable() && t.getScene() != null)
                    .findFirst().orElse(view);
            target.requestFocus();
        });
    }

    // ------------------------------------------------------------------ session (issue 16)

    private void initSession() {
        if (session == null) {
            menuBar.setVisible(false);
            menuBar.setManaged(false);
            return;
        }
        menuBar.getMenus().addAll(fileMenu(), viewMenu());
        if (help != null) {
            menuBar.getMenus().add(helpMenu());
        }
        installTheme();
        draftBar.visibleProperty().bind(session.draftOfferProperty().isNotNull());
        draftBar.managedProperty().bind(draftBar.visibleProperty());
        noticeLabel.textProperty().bind(session.noticeProperty());
        noticeBar.visibleProperty().bind(session.noticeProperty().isNotEmpty());
        noticeBar.managedProperty().bind(noticeBar.visibleProperty());
        noticeLabel.setAccessibleRole(javafx.scene.AccessibleRole.TEXT);
        session.noticeIsErrorProperty().addListener((o, old, error) -> {
            noticeBar.getStyleClass().remove("error");
            if (error) {
                noticeBar.getStyleClass().add("error");
            }
        });
        // a notice speaks about the moment it was given: moving to another step ends it
        viewModel.currentIndexProperty().addListener((o, old, now) -> session.clearNotice());
        session.recentProfiles().addListener((javafx.collections.ListChangeListener<String>) c -> fillRecent());
        fillRecent();
        session.start();
    }

    private javafx.scene.control.Menu fileMenu() {
        javafx.scene.control.Menu file = new javafx.scene.control.Menu(messages.get("session.menu.file"));
        file.setId("fileMenu");
        file.getItems().addAll(
                item("menuNew", "session.menu.new", "Shortcut+N", this::onNew),
                item("menuOpen", "session.menu.open", "Shortcut+O", this::onOpen),
                recentMenu,
                new javafx.scene.control.SeparatorMenuItem(),
                item("menuSave", "session.menu.save", "Shortcut+S", this::onSave),
                item("menuSaveAs", "session.menu.saveAs", "Shortcut+Shift+S", this::onSaveAs),
                new javafx.scene.control.SeparatorMenuItem(),
                item("menuQuit", "session.menu.quit", "Shortcut+Q", this::onQuit));
        recentMenu.setText(messages.get("session.menu.recent"));
        recentMenu.setId("menuRecent");
        return file;
    }

    // ------------------------------------------------------------------ help (issue 13)

    private javafx.scene.control.Menu helpMenu() {
        javafx.scene.control.Menu menu = new javafx.scene.control.Menu(messages.get("help.menu"));
        menu.setId("helpMenu");
        menu.setMnemonicParsing(true);
        menu.getItems().add(item("menuCopyDiagnostics", "help.diagnostics.copy", null,
                () -> help.copyDiagnostics(text -> {
                    javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
                    content.putString(text);
                    javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
                })));
        return menu;
    }

    // ------------------------------------------------------------------ theme (issue 16)

    private javafx.scene.control.Menu viewMenu() {
        javafx.scene.control.Menu theme = new javafx.scene.control.Menu(messages.get("theme.menu"));
        theme.setId("menuTheme");
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        for (dev.ssosetup.core.session.ThemeChoice choice : dev.ssosetup.core.session.ThemeChoice.values()) {
            javafx.scene.control.RadioMenuItem item = new javafx.scene.control.RadioMenuItem(
                    messages.get("theme." + choice.name().toLowerCase(java.util.Locale.ROOT)));
            item.setId("theme" + choice.name());
            item.setMnemonicParsing(true);
            item.setToggleGroup(group);
            item.setSelected(session.themeProperty().get() == choice);
            session.themeProperty().addListener((o, old, now) -> item.setSelected(now == choice));
            item.setOnAction(e -> session.themeProperty().set(choice));
            theme.getItems().add(item);
        }
        javafx.scene.control.Menu view = new javafx.scene.control.Menu(messages.get("theme.view"));
        view.setId("viewMenu");
        view.getItems().addAll(theme, languageMenu());
        return view;
    }

    /** View → Language: the system's, English or German, from the next start on (ADR 0020). */
    private javafx.scene.control.Menu languageMenu() {
        javafx.scene.control.Menu menu = new javafx.scene.control.Menu(messages.get("language.menu"));
        menu.setId("menuLanguage");
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        for (dev.ssosetup.core.text.Language choice : dev.ssosetup.core.text.Language.values()) {
            javafx.scene.control.RadioMenuItem item = new javafx.scene.control.RadioMenuItem(
                    messages.get("language." + choice.name()));
            item.setId("language" + choice.name());
            item.setMnemonicParsing(true);
            item.setToggleGroup(group);
            item.setSelected(session.languageProperty().get() == choice);
            session.languageProperty().addListener((o, old, now) -> item.setSelected(now == choice));
            item.setOnAction(e -> session.languageProperty().set(choice));
            menu.getItems().add(item);
        }
        return menu;
    }

    /** Dark when chosen, or when "System" and the platform's colour scheme is dark; follows both live. */
    private void installTheme() {
        // every rule of theme-dark.css is under .wizard.dark: the sheet is parsed and matched only once dark is chosen
        // (not by a light first frame, issue 20)
        String darkSheet = java.util.Objects.requireNonNull(
                WizardController.class.getResource("theme-dark.css")).toExternalForm();
        javafx.beans.value.ObservableValue<javafx.application.ColorScheme> system =
                javafx.application.Platform.getPreferences().colorSchemeProperty();
        javafx.beans.InvalidationListener apply = o -> {
            dev.ssosetup.core.session.ThemeChoice choice = session.themeProperty().get();
            boolean dark = choice == dev.ssosetup.core.session.ThemeChoice.DARK
                    || choice == dev.ssosetup.core.session.ThemeChoice.SYSTEM
                    && system.getValue() == javafx.application.ColorScheme.DARK;
            wizardRoot.getStyleClass().remove("dark");
            if (dark) {
                if (!wizardRoot.getStylesheets().contains(darkSheet)) {
                    wizardRoot.getStylesheets().add(darkSheet);
                }
                wizardRoot.getStyleClass().add("dark");
            }
        };
        session.themeProperty().addListener(apply);
        system.addListener(apply);
        apply.invalidated(null);
    }

    private javafx.scene.control.MenuItem item(String id, String key, String accelerator, Runnable action) {
        javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(messages.get(key));
        item.setId(id);
        item.setMnemonicParsing(true);
        if (accelerator != null) {
            item.setAccelerator(javafx.scene.input.KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        for (String path : session.recentProfiles()) {
            javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(path);
            item.setMnemonicParsing(false);
            item.setOnAction(e -> whenSafe(() -> session.open(path)));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private javafx.stage.Window window() {
        return stepContent.getScene() == null ? null : stepContent.getScene().getWindow();
    }

    private boolean attached;

    /** The title follows the session (unsaved marker); closing with unsaved changes asks first. */
    private void attachToWindow(javafx.stage.Window window) {
        if (session == null || attached) {
            return;
        }
        attached = true;
        if (window instanceof javafx.stage.Stage stage) {
            // followed, not bound: the application may still set its own title once
            stage.setTitle(session.titleProperty().get());
            session.titleProperty().addListener((o, old, now) -> stage.setTitle(now));
        }
        window.addEventFilter(javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST, e -> {
            if (session.dirtyProperty().get()) {
                e.consume();
                whenSafe(window::hide);
            }
        });
    }

    /**
     * Runs {@code action} at once when nothing is unsaved; otherwise asks: save (then act), discard (then act) or
     * cancel (nothing happens, the window and the work stay).
     */
    void whenSafe(Runnable action) {
        if (!session.dirtyProperty().get()) {
            action.run();
            return;
        }
        javafx.scene.control.ButtonType save = new javafx.scene.control.ButtonType(
                messages.get("session.unsaved.save"), javafx.scene.control.ButtonBar.ButtonData.YES);
        javafx.scene.control.ButtonType discard = new javafx.scene.control.ButtonType(
                messages.get("session.unsaved.discard"), javafx.scene.control.ButtonBar.ButtonData.NO);
        javafx.scene.control.ButtonType cancel = new javafx.scene.control.ButtonType(
                messages.get("session.unsaved.cancel"), javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(
                javafx.scene.control.Alert.AlertType.CONFIRMATION, messages.get("session.unsaved.text"),
                save, discard, cancel);
        alert.setTitle(messages.get("session.unsaved.title"));
        alert.setHeaderText(messages.get("session.unsaved.header", session.documentName()));
        alert.getDialogPane().setId("unsavedDialog");
        alert.getDialogPane().getStylesheets().addAll(stepContent.getScene().getStylesheets());
        alert.getDialogPane().getStylesheets().addAll(wizardRoot.getStylesheets());
        if (wizardRoot.getStyleClass().contains("dark")) {
            alert.getDialogPane().getStyleClass().addAll("wizard", "dark"); // the dialog follows the theme
        }
        if (window() != null) {
            alert.initOwner(window());
        }
        alert.setOnHidden(e -> {
            javafx.scene.control.ButtonType choice = alert.getResult();
            if (choice == save) {
                saveThen(action);
            } else if (choice == discard) {
                session.discardChanges(action);
            }
        });
        alert.show();
    }

    private void saveThen(Runnable action) {
        if (!session.save(action)) {
            dialogs.chooseSave(window(), session.startFolder(), session.suggestedFileName())
                    .ifPresent(path -> session.saveAs(path, action));
        }
    }

    private void onNew() {
        whenSafe(session::newSession);
    }

    private void onOpen() {
        whenSafe(() -> dialogs.chooseOpen(window(), session.startFolder()).ifPresent(session::open));
    }

    private void onSave() {
        saveThen(() -> { });
    }

    private void onSaveAs() {
        dialogs.chooseSave(window(), session.startFolder(), session.suggestedFileName())
                .ifPresent(path -> session.saveAs(path, () -> { }));
    }

    private void onQuit() {
        javafx.stage.Window w = window();
        if (w != null) {
            w.fireEvent(new javafx.stage.WindowEvent(w, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST));
        }
    }

    @FXML
    private void onRestoreDraft() {
        session.restoreDraft();
    }

    @FXML
    private void onDiscardDraft() {
        session.discardDraft();
    }

    @FXML
    private void onCloseNotice() {
        session.clearNotice();
    }

    @FXML
    private void onFinish() {
        viewModel.finish();
    }

    private void showFinish(boolean on) {
        if (finishPage != null) {
            stepContent.getChildren().remove(finishPage);
            finishPage = null;
        }
        int index = viewModel.currentIndexProperty().get();
        Parent view = loaded.get(index);
        if (on) {
            finishPage = FinishPage.build(finishSummary.get(), messages);
            stepContent.getChildren().add(finishPage);
            stepContent.getChildren().forEach(child -> child.setVisible(child == finishPage));
            stepTitle.setText(messages.get("finish.title"));
            stepCounter.setText(messages.get("finish.counter"));
            statusLabel.setText(messages.get("finish.status"));
            finishPage.requestFocus();
        } else {
            stepContent.getChildren().forEach(child -> child.setVisible(child == view));
            show(index);
        }
        refreshRail();
    }

    @FXML
    private void onBack() {
        viewModel.back();
    }

    @FXML
    private void onNext() {
        viewModel.next();
    }
}
