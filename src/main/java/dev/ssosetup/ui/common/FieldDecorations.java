package dev.ssosetup.ui.common;

import impl.org.controlsfx.skin.DecorationPane;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.layout.Pane;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;

/**
 * ControlsFX's {@link ValidationSupport} marks a field with an error or warning icon (its message on hover) from the
 * text the view model already shows under the field: the view model's (core's) validation decides, this class only
 * draws it, so there is no second set of rules (ADR 0017). The inline message stays: it wraps, and screen readers
 * read it.
 * <p>
 * ControlsFX draws decorations on a {@code DecorationPane}; without one above the field it would replace the scene's
 * root with one. {@link #host(Node)} puts one around the step's content instead, so the window's root (and the
 * theme's style classes on it) stays as it is.
 */
public final class FieldDecorations {
    private final ValidationSupport support = new ValidationSupport();

    public FieldDecorations() {
        support.setValidationDecorator(new GraphicValidationDecoration());
    }

    /**
     * Wraps {@code content} in the pane the decorations are drawn on; when {@code content} sits in a pane, the
     * wrapper takes its place there.
     */
    public static Node host(Node content) {
        Pane parent = content.getParent() instanceof Pane p ? p : null;
        int index = parent == null ? -1 : parent.getChildren().indexOf(content);
        DecorationPane pane = new DecorationPane();
        if (parent != null) {
            parent.getChildren().remove(index);
        }
        pane.setRoot(content);
        if (parent != null) {
            parent.getChildren().add(index, pane);
        }
        return pane;
    }

    /** Marks {@code control} while {@code error} is not empty, with that text. */
    public void error(Control control, ObservableValue<String> error) {
        track(control, error, null);
    }

    /**
     * Marks {@code control} as wrong while {@code error} is not empty, else as doubtful while {@code warning} (may be
     * null) is not empty.
     */
    public void track(Control control, ObservableValue<String> error, ObservableValue<String> warning) {
        support.registerValidator(control, false, (Control c, Object value) -> {
            String e = text(error);
            String w = text(warning);
            return ValidationResult.fromErrorIf(c, e, !e.isEmpty())
                    .combine(ValidationResult.fromWarningIf(c, w, e.isEmpty() && !w.isEmpty()));
        });
        error.addListener(o -> support.revalidate(control));
        if (warning != null) {
            warning.addListener(o -> support.revalidate(control));
        }
    }

    /** The support behind the marks (tests read its result). */
    public ValidationSupport support() {
        return support;
    }

    private static String text(ObservableValue<String> v) {
        String s = v == null ? null : v.getValue();
        return s == null ? "" : s;
    }
}
