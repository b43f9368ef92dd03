package dev.ssosetup.testing;

import dev.ssosetup.ui.keys.KeysDialogs;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Keys step dialogs for whole-wizard walks: every export goes to one folder, overwriting; nothing is imported. */
public final class FolderKeysDialogs implements KeysDialogs {
    private final Path folder;

    public FolderKeysDialogs(Path folder) {
        this.folder = folder;
    }

    @Override
    public Optional<String> choosePrivateKey(Window owner) {
        return Optional.empty();
    }

    @Override
    public Optional<String> choosePublicKey(Window owner) {
        return Optional.empty();
    }

    @Override
    public Optional<String> choosePreviousKey(Window owner) {
        return Optional.empty();
    }

    @Override
    public Optional<String> chooseFolder(Window owner) {
        return Optional.of(folder.toString());
    }

    @Override
    public boolean confirmOverwrite(Window owner, String folder, List<String> files) {
        return true;
    }

    @Override
    public Optional<char[]> askPassword(Window owner, String file, boolean retry) {
        return Optional.empty();
    }
}
