package dev.ssosetup.ui.keys;

import dev.ssosetup.core.text.Messages;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.util.List;
import java.util.Optional;

/** The real dialogs: JavaFX file and directory choosers, an overwrite confirmation and a password prompt. */
public final class FxKeysDialogs implements KeysDialogs {
    private final Messages messages;
    private File lastFolder;

    public FxKeysDialogs(Messages messages) {
        this.messages = messages;
    }

    @Override
    public Optional<String> choosePrivateKey(Window owner) {
        return chooseFile(owner, "keys.dialog.privateKey", "keys.dialog.filter.keys", "*.der", "*.pem", "*.key",
                "*.p8");
    }

    @Override
    public Optional<String> choosePublicKey(Window owner) {
        return chooseFile(owner, "keys.dialog.publicKey", "keys.dialog.filter.keys", "*.der", "*.pem", "*.pub");
    }

    @Override
    public Optional<String> choosePreviousKey(Window owner) {
        return chooseFile(owner, "keys.dialog.previousKey", "keys.dialog.filter.public", "*.der", "*.pem", "*.json");
    }

    private Optional<String> chooseFile(Window owner, String titleKey, String filterKey, String... patterns) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get(titleKey));
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(messages.get(filterKey), patterns),
                new FileChooser.ExtensionFilter(messages.get("keys.dialog.filter.all"), "*"));
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        File file = chooser.showOpenDialog(owner);
        if (file == null) {
            return Optional.empty();
        }
        lastFolder = file.getParentFile();
        return Optional.of(file.getAbsolutePath());
    }

    @Override
    public Optional<String> chooseFolder(Window owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(messages.get("keys.dialog.folder"));
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        File dir = chooser.showDialog(owner);
        if (dir == null) {
            return Optional.empty();
        }
        lastFolder = dir;
        return Optional.of(dir.getAbsolutePath());
    }

    @Override
    public boolean confirmOverwrite(Window owner, String folder, List<String> files) {
        ButtonType replace = new ButtonType(messages.get("keys.dialog.overwrite.replace"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.get("common.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.WARNING, messages.get("keys.dialog.overwrite.text", folder,
                "\u2022 " + String.join("\n\u2022 ", files)), replace, cancel);
        alert.initOwner(owner);
        alert.setTitle(messages.get("keys.dialog.overwrite.title"));
        alert.setHeaderText(messages.get("keys.dialog.overwrite.header", files.size()));
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(replace)).setDefaultButton(false);
        return alert.showAndWait().filter(replace::equals).isPresent();
    }

    @Override
    public Optional<char[]> askPassword(Window owner, String file, boolean retry) {
        Dialog<char[]> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(messages.get("keys.dialog.password.title"));
        dialog.setHeaderText(messages.get(retry ? "keys.dialog.password.retry" : "keys.dialog.password.header", file));
        PasswordField field = new PasswordField();
        field.setPromptText(messages.get("keys.dialog.password.prompt"));
        dialog.getDialogPane().setContent(new VBox(8, new Label(messages.get("keys.dialog.password.label")), field));
        ButtonType ok = new ButtonType(messages.get("keys.dialog.password.ok"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        dialog.setResultConverter(button -> button == ok ? field.getText().toCharArray() : null);
        dialog.setOnShown(e -> field.requestFocus());
        Optional<char[]> result = dialog.showAndWait();
        field.clear();
        return result;
    }
}
