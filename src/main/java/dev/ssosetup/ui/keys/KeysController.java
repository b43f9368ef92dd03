package dev.ssosetup.ui.keys;

import dev.ssosetup.core.keys.KeySize;
import dev.ssosetup.core.keys.PublicKeyEntry;
import dev.ssosetup.core.text.Messages;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The Keys step's view: binds controls to {@link KeysViewModel} and asks questions through {@link KeysDialogs}. */
public final class KeysController {
    private final KeysViewModel viewModel;
    private final KeysDialogs dialogs;
    private final Messages messages;

    @FXML
    private ChoiceBox<KeySize> sizeChoice;
    @FXML
    private Button generateButton;
    @FXML
    private Button importButton;
    @FXML
    private Button cancelButton;
    @FXML
    private HBox progressBox;
    @FXML
    private ProgressBar progressBar;
    @FXML
    private Label progressLabel;
    @FXML
    private Label sourceLabel;
    @FXML
    private Label fingerprintField;
    @FXML
    private TextField thumbprintField;
    @FXML
    private Button copyFingerprint;
    @FXML
    private Button copyThumbprint;
    @FXML
    private TextField keyIdField;
    @FXML
    private Label keyIdError;
    @FXML
    private TextField issuerField;
    @FXML
    private Label issuerError;
    @FXML
    private Label selfTestLabel;
    @FXML
    private Button selfTestButton;
    @FXML
    private TextField serverPrivateField;
    @FXML
    private TextField serverPublicField;
    @FXML
    private CheckBox encryptCheck;
    @FXML
    private HBox passwordBox;
    @FXML
    private PasswordField passwordField;
    @FXML
    private PasswordField passwordConfirmField;
    @FXML
    private Button exportButton;
    @FXML
    private ListView<PublicKeyEntry> previousList;
    @FXML
    private Button removePreviousButton;
    @FXML
    private Label rotationWarning;
    @FXML
    private Label statusLabel;
    @FXML
    private Label nextHint;

    public KeysController(KeysViewModel viewModel, KeysDialogs dialogs, Messages messages) {
        this.viewModel = viewModel;
        this.dialogs = dialogs;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        sizeChoice.getItems().setAll(KeySize.values());
        sizeChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(KeySize size) {
                return size == null ? "" : messages.get(size == KeySize.defaultSize() ? "keys.size.recommended"
                        : "keys.size.bits", size.bits());
            }

            @Override
            public KeySize fromString(String s) {
                return null;
            }
        });
        sizeChoice.valueProperty().bindBidirectional(viewModel.sizeProperty());
        var busy = viewModel.busyProperty();
        sizeChoice.disableProperty().bind(busy);
        generateButton.disableProperty().bind(busy);
        importButton.disableProperty().bind(busy);
        cancelButton.visibleProperty().bind(busy);
        cancelButton.managedProperty().bind(busy);
        progressBox.visibleProperty().bind(busy);
        progressBox.managedProperty().bind(busy);
        progressBar.progressProperty().bind(viewModel.progressProperty());
        progressLabel.textProperty().bind(viewModel.progressMessageProperty());
        generateButton.textProperty().bind(Bindings.when(viewModel.pairProperty().isNull())
                .then(messages.get("keys.generate")).otherwise(messages.get("keys.generate.again")));

        sourceLabel.textProperty().bind(Bindings.when(viewModel.sourceProperty().isEmpty())
                .then(messages.get("keys.source.none")).otherwise(viewModel.sourceProperty()));
        fingerprintField.textProperty().bind(Bindings.when(viewModel.fingerprintProperty().isEmpty())
                .then("\u2014").otherwise(viewModel.fingerprintProperty()));
        thumbprintField.textProperty().bind(viewModel.thumbprintProperty());
        copyFingerprint.disableProperty().bind(viewModel.fingerprintProperty().isEmpty());
        copyThumbprint.disableProperty().bind(viewModel.thumbprintProperty().isEmpty());

        keyIdField.textProperty().bindBidirectional(viewModel.keyIdProperty());
        issuerField.textProperty().bindBidirectional(viewModel.issuerProperty());
        showError(keyIdField, keyIdError, viewModel.keyIdErrorProperty());
        showError(issuerField, issuerError, viewModel.issuerErrorProperty());

        selfTestLabel.textProperty().bind(Bindings.when(viewModel.selfTestProperty().isEmpty())
                .then(messages.get("keys.selftest.notYet")).otherwise(viewModel.selfTestProperty()));
        viewModel.selfTestPassedProperty().addListener((obs, old, now) -> styleSelfTest(now));
        styleSelfTest(viewModel.selfTestPassedProperty().get());
        selfTestButton.disableProperty().bind(viewModel.pairProperty().isNull().or(busy));

        serverPrivateField.textProperty().bindBidirectional(viewModel.serverPrivatePathProperty());
        serverPublicField.textProperty().bindBidirectional(viewModel.serverPublicPathProperty());
        encryptCheck.selectedProperty().bindBidirectional(viewModel.encryptPemProperty());
        passwordBox.disableProperty().bind(encryptCheck.selectedProperty().not());
        exportButton.disableProperty().bind(Bindings.not(viewModel.readyProperty()).or(busy));

        previousList.setItems(viewModel.previousKeys());
        previousList.setPlaceholder(new Label(messages.get("keys.rotation.none")));
        previousList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(PublicKeyEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                setText(empty || entry == null ? null : viewModel.describePrevious(entry));
            }
        });
        removePreviousButton.disableProperty().bind(previousList.getSelectionModel().selectedItemProperty().isNull());
        rotationWarning.visibleProperty().bind(viewModel.rotationWarningProperty());
        rotationWarning.managedProperty().bind(viewModel.rotationWarningProperty());

        statusLabel.textProperty().bind(viewModel.statusProperty());
        nextHint.textProperty().bind(viewModel.nextBlockedProperty());
        nextHint.visibleProperty().bind(nextHint.textProperty().isNotEmpty());
        nextHint.managedProperty().bind(nextHint.visibleProperty());
        viewModel.statusSeverityProperty().addListener((obs, old, now) -> styleStatus(now));
        styleStatus(viewModel.statusSeverityProperty().get());

        viewModel.passwordRequestProperty().addListener((obs, old, file) -> {
            if (file != null && !file.isEmpty()) {
                javafx.application.Platform.runLater(() -> askPassword(file));
            }
        });
    }

    private static void showError(TextField field, Label label, javafx.beans.property.StringProperty error) {
        label.textProperty().bind(error);
        label.visibleProperty().bind(error.isNotEmpty());
        label.managedProperty().bind(error.isNotEmpty());
        error.addListener((obs, old, now) -> markInvalid(field, !now.isEmpty()));
        markInvalid(field, !error.get().isEmpty());
    }

    private static void markInvalid(TextField field, boolean invalid) {
        field.getStyleClass().remove("invalid");
        if (invalid) {
            field.getStyleClass().add("invalid");
        }
    }

    private void styleSelfTest(Boolean passed) {
        selfTestLabel.getStyleClass().removeAll("keys-selftest-passed", "keys-selftest-failed");
        if (passed != null) {
            selfTestLabel.getStyleClass().add(passed ? "keys-selftest-passed" : "keys-selftest-failed");
        }
    }

    private void styleStatus(KeysViewModel.Severity severity) {
        statusLabel.getStyleClass().removeAll("severity-error", "severity-warning", "severity-info");
        statusLabel.getStyleClass().add(switch (severity) {
            case ERROR -> "severity-error";
            case WARNING -> "severity-warning";
            case INFO -> "severity-info";
        });
    }

    private Window window() {
        return statusLabel.getScene() == null ? null : statusLabel.getScene().getWindow();
    }

    @FXML
    private void onGenerate() {
        viewModel.generate();
    }

    @FXML
    private void onCancel() {
        viewModel.cancel();
    }

    @FXML
    private void onImport() {
        Optional<String> privateKey = dialogs.choosePrivateKey(window());
        if (privateKey.isEmpty()) {
            return;
        }
        String publicKey = dialogs.choosePublicKey(window()).orElse(null);
        viewModel.importKeys(privateKey.get(), publicKey, null);
    }

    private boolean askedOnce;

    private void askPassword(String file) {
        Optional<char[]> password = dialogs.askPassword(window(), file, askedOnce);
        askedOnce = true;
        if (password.isPresent()) {
            viewModel.retryImportWithPassword(password.get());
            Arrays.fill(password.get(), '\0');
        } else {
            askedOnce = false;
        }
    }

    @FXML
    private void onNewKeyId() {
        viewModel.newKeyId();
    }

    @FXML
    private void onSelfTest() {
        viewModel.runSelfTest();
    }

    @FXML
    private void onCopyFingerprint() {
        copy(viewModel.fingerprintProperty().get());
    }

    @FXML
    private void onCopyThumbprint() {
        copy(viewModel.thumbprintProperty().get());
    }

    private void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
        viewModel.statusProperty().set(messages.get("common.copied"));
    }

    @FXML
    private void onExport() {
        Optional<String> folder = dialogs.chooseFolder(window());
        if (folder.isEmpty()) {
            return;
        }
        List<String> existing = viewModel.existingFiles(folder.get());
        boolean overwrite = false;
        if (!existing.isEmpty()) {
            if (!dialogs.confirmOverwrite(window(), folder.get(), existing)) {
                viewModel.statusProperty().set(messages.get("keys.status.notOverwritten"));
                return;
            }
            overwrite = true;
        }
        char[] password = passwordField.getText().toCharArray();
        char[] confirmation = passwordConfirmField.getText().toCharArray();
        if (viewModel.export(folder.get(), overwrite, password, confirmation)) {
            passwordField.clear();
            passwordConfirmField.clear();
        }
    }

    @FXML
    private void onAddPrevious() {
        dialogs.choosePreviousKey(window()).ifPresent(viewModel::addPrevious);
    }

    @FXML
    private void onRemovePrevious() {
        PublicKeyEntry selected = previousList.getSelectionModel().getSelectedItem();
        if (selected != null) {
            viewModel.removePrevious(selected);
        }
    }
}
