package dev.ssosetup.ui.common;

import dev.ssosetup.core.text.Messages;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;

/** Loads FXML views with the message bundle and the constructor-injecting controller factory. */
public final class ViewLoader {
    private final Messages messages;
    private final ControllerFactory controllers;

    public ViewLoader(Messages messages, ControllerFactory controllers) {
        this.messages = messages;
        this.controllers = controllers;
    }

    /** {@code fxml} is an absolute resource path such as {@code /dev/ssosetup/ui/wizard/WizardView.fxml}. */
    public Parent load(String fxml) {
        return load(fxml, controllers);
    }

    /** Loads with a controller factory of the caller's, for views whose controller needs a particular instance. */
    public Parent load(String fxml, javafx.util.Callback<Class<?>, Object> factory) {
        URL url = ViewLoader.class.getResource(fxml);
        if (url == null) {
            throw new IllegalStateException("View not found on the class path: " + fxml);
        }
        FXMLLoader loader = new FXMLLoader(url, messages.bundle());
        loader.setControllerFactory(factory);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load view " + fxml, e);
        }
    }

    public Messages messages() {
        return messages;
    }
}
