import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The baseline of the startup benchmark: one empty Stage, nothing else. */
public class BareWindow extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("Bare JavaFX");
        stage.setScene(new Scene(new StackPane(), 900, 620));
        stage.show();
    }

    public static void main(String[] args) {
        launch(args);
    }
}
