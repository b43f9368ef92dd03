package dev.ssosetup.ui.wizard;

import dev.ssosetup.ui.common.Messages;
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

    public WizardController(WizardViewModel viewModel, ViewLoader views) {
        this.viewModel = viewModel;
        this.views = views;
        this.messages = views.messages();
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
        nextButton.visibleProperty().bind(viewModel.currentIndexProperty().lessThan(steps.size() - 1));
        nextButton.managedProperty().bind(nextButton.visibleProperty());
        viewModel.currentIndexProperty().addListener((obs, old, now) -> show(now.intValue()));
        viewModel.completedSteps().addListener((SetChangeListener<Integer>) change -> refreshRail());
        viewModel.currentValidProperty().addListener((obs, old, now) -> refreshStatus());
        show(viewModel.currentIndexProperty().get());
        // preloading starts once the window is on screen: a view loaded before that would delay the first frame
        stepContent.sceneProperty().addListener((o, oldScene, scene) -> {
            if (scene != null) {
                scene.windowProperty().addListener((w, oldWindow, window) -> {
                    if (window != null) {
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
        item.setOnMouseClicked(e -> viewModel.goTo(index));
        return item;
    }

    private void show(int index) {
        WizardStep step = viewModel.steps().get(index);
        Parent view = loaded.computeIfAbsent(index, i -> attach(load(step)));
        stepContent.getChildren().forEach(child -> child.setVisible(child == view));
        stepTitle.setText(messages.get(step.titleKey()));
        stepCounter.setText(messages.get("wizard.stepOf", index + 1, viewModel.steps().size()));
        refreshRail();
        refreshStatus();
        focusFirst(view);
    }

    /**
     * Every loaded view stays in the scene, hidden unless current: its CSS and layout are done once, in the
     * background of the first screen, not when the operator moves to it.
     */
    private Parent attach(Parent view) {
        stepContent.getChildren().add(view);
        return view;
    }

    private Parent load(WizardStep step) {
        return views.load(step.fxml());
    }

    private void refreshRail() {
        int current = viewModel.currentIndexProperty().get();
        for (int i = 0; i < railItems.size(); i++) {
            HBox item = railItems.get(i);
            item.getStyleClass().removeAll("current", "done");
            Label number = (Label) item.getChildren().getFirst();
            boolean done = viewModel.completedSteps().contains(i) && i != current;
            if (i == current) {
                item.getStyleClass().add("current");
            } else if (done) {
                item.getStyleClass().add("done");
            }
            number.setText(done ? "\u2713" : Integer.toString(i + 1));
            String state = i == current ? messages.get("wizard.step.current")
                    : done ? messages.get("wizard.step.done") : "";
            item.setAccessibleText(messages.get(viewModel.steps().get(i).titleKey())
                    + (state.isEmpty() ? "" : ", " + state));
        }
    }

    private void refreshStatus() {
        boolean last = viewModel.currentIndexProperty().get() == viewModel.steps().size() - 1;
        statusLabel.setText(last ? "" : messages.get(viewModel.currentValidProperty().get()
                ? "wizard.ready" : "wizard.notReady"));
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

    @FXML
    private void onBack() {
        viewModel.back();
    }

    @FXML
    private void onNext() {
        viewModel.next();
    }
}
