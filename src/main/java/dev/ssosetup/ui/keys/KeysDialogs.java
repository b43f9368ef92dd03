package dev.ssosetup.ui.keys;

import javafx.stage.Window;

import java.util.List;
import java.util.Optional;

/**
 * The questions the Keys view asks the operator in separate windows: pick files or a folder, confirm overwriting,
 * type a password. An interface so that tests can answer them without native dialogs.
 */
public interface KeysDialogs {

    /** A private key file to import (optionally with the public key): empty when the operator cancelled. */
    Optional<String> choosePrivateKey(Window owner);

    /** The matching public key (optional: the operator may skip it). */
    Optional<String> choosePublicKey(Window owner);

    /** A previous public key or jwks.json for rotation. */
    Optional<String> choosePreviousKey(Window owner);

    /** The export folder. */
    Optional<String> chooseFolder(Window owner);

    /** True when the operator agrees to replace {@code files} in {@code folder}. */
    boolean confirmOverwrite(Window owner, String folder, List<String> files);

    /** The password of an encrypted private key; empty when cancelled. The caller wipes the array. */
    Optional<char[]> askPassword(Window owner, String file, boolean retry);
}
