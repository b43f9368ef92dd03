package dev.ssosetup.ui.wizard;

import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;

/** The view of a {@link PlaceholderStepViewModel}. */
public final class PlaceholderController {
    private final PlaceholderStepViewModel viewModel;
    @FXML
    private CheckBox acknowledged;
    @FXML
    private TextField notes;

    public PlaceholderController(PlaceholderStepViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        acknowledged.selectedProperty().bindBidirectional(viewModel.acknowledgedProperty());
        notes.textProperty().bindBidirectional(viewModel.notesProperty());
    }
}
