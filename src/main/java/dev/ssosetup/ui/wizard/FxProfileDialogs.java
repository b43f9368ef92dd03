package dev.ssosetup.ui.wizard;

import dev.ssosetup.core.text.Messages;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.util.Optional;

/** {@link ProfileDialogs} with the platform's file chooser, starting in the given folder. */
public final class FxProfileDialogs implements ProfileDialogs {
    private final Messages messages;

    public FxProfileDialogs(Messages messages) {
        this.messages = messages;
    }

    @Override
    public Optional<String> chooseOpen(Window owner, String startFolder) {
        FileChooser chooser = chooser(startFolder);
        chooser.setTitle(messages.get("review.profile.open.title"));
        return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::getPath);
    }

    @Override
    public Optional<String> chooseSave(Window owner, String startFolder, String fileName) {
        FileChooser chooser = chooser(startFolder);
        chooser.setTitle(messages.get("review.profile.save.title"));
        chooser.setInitialFileName(fileName);
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::getPath);
    }

    private FileChooser chooser(String startFolder) {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("review.profile.filter"),
                "*.json"));
        if (startFolder != null && !startFolder.isBlank()) {
            chooser.setInitialDirectory(new File(startFolder));
        }
        return chooser;
    }
}
