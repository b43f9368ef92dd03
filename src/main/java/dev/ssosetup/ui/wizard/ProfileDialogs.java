package dev.ssosetup.ui.wizard;

import javafx.stage.Window;

import java.util.Optional;

/** The file choosers of the File menu, behind an interface so that tests can answer them. */
public interface ProfileDialogs {
    Optional<String> chooseOpen(Window owner, String startFolder);

    Optional<String> chooseSave(Window owner, String startFolder, String fileName);
}
