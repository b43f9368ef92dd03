package dev.ssosetup.ui.wizard;

import javafx.fxml.FXML;
import javafx.scene.control.TextField;

/** The view of a {@link TextStepViewModel}. */
public final class TextStepController {
    private final TextStepViewModel viewModel;
    @FXML
    private TextField text;

    TextStepController(TextStepViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        text.textProperty().bindBidirectional(viewModel.text);
    }
}
