package dev.ssosetup.app;

import dev.ssosetup.core.config.OutputFormat;
import dev.ssosetup.core.config.ProfileService;
import dev.ssosetup.core.config.ReadinessCheck;
import dev.ssosetup.core.config.Samples;
import dev.ssosetup.core.config.SsoConfiguration;
import dev.ssosetup.core.config.StepNote;
import dev.ssosetup.core.common.Finding;
import dev.ssosetup.core.common.Severity;
import dev.ssosetup.infra.config.LocalConfigFiles;
import dev.ssosetup.infra.config.NetworkntSchemaCheck;
import dev.ssosetup.ui.common.ControllerFactory;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.ui.common.ViewLoader;
import dev.ssosetup.ui.review.ReviewController;
import dev.ssosetup.ui.review.ReviewViewModel;
import dev.ssosetup.ui.task.InlineBackgroundRunner;
import dev.ssosetup.ui.wizard.WizardState;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import dev.ssosetup.testsupport.Screenshots;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.ssosetup.testsupport.En;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real Review view (FXML, CSS, controller, view model, schema check, files) driven by TestFX. */
@ExtendWith(ApplicationExtension.class)
class ReviewStepUiTest {
    private final WizardState state = new WizardState();
    private final List<String> navigated = new ArrayList<>();
    private ReviewViewModel viewModel;
    private Scene scene;
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        SsoConfiguration c = Samples.confidential();
        state.providerProperty().set(c.provider());
        state.keysProperty().set(c.keys());
        state.idpJwksUriProperty().set(c.idpJwksUri());
        state.stepNavigatorProperty().set(navigated::add);
        LocalConfigFiles files = new LocalConfigFiles();
        Messages messages = Messages.load();
        viewModel = new ReviewViewModel(state, new ReadinessCheck(new NetworkntSchemaCheck()),
                new ProfileService(files), files, new InlineBackgroundRunner(), messages, state::goToStep);
        viewModel.onEnter(); // as the wizard does when the step is shown
        ControllerFactory controllers = new ControllerFactory()
                .register(ReviewController.class, () -> new ReviewController(viewModel));
        var root = new ViewLoader(messages, controllers).load("/dev/ssosetup/ui/review/ReviewView.fxml");
        scene = new Scene(root, 1000, 720);
        scene.getStylesheets().add(getClass().getResource("/dev/ssosetup/ui/wizard/wizard.css").toExternalForm());
        root.getStyleClass().add("root");
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aCompleteConfigurationIsReadyAndPreviewsEveryFormat(FxRobot robot) throws IOException {
        assertTrue(viewModel.validProperty().get());
        Label readiness = robot.lookup("#reviewReadiness").queryAs(Label.class);
        assertTrue(readiness.getStyleClass().contains("ready"), readiness.getStyleClass().toString());
        snapshot("review-summary.png");
        for (OutputFormat f : OutputFormat.values()) {
            selectTab(robot, "tab-" + f.cliName());
            TextArea text = robot.lookup("#output-" + f.cliName()).queryAs(TextArea.class);
            assertEquals(Samples.resource("/golden/confidential." + f.fileName()), text.getText(), f.name());
        }
        selectTab(robot, "tab-json");
        snapshot("review-json.png");
        robot.clickOn("#copy-json");
        WaitForAsyncUtils.waitForFxEvents();
        String copied = onFx(() -> Clipboard.getSystemClipboard().getString());
        assertEquals(viewModel.textProperty(OutputFormat.JSON).get(), copied);
        var notice = robot.lookup("#reviewNotice").queryAs(org.controlsfx.control.NotificationPane.class);
        assertTrue(notice.isShowing() && notice.getText().contains("copied"), notice.getText());
    }

    @Test
    void theHelmTabTargetsTheChosenChartVersionAndNamesTheCheckedOnes(FxRobot robot) {
        selectTab(robot, "tab-helm");
        TextArea helm = robot.lookup("#output-helm").queryAs(TextArea.class);
        assertTrue(helm.getText().contains("--version 1.13.1 -f values.yaml"), "default: the newest chart");
        Label checked = robot.lookup("#helm-checked").queryAs(Label.class);
        assertTrue(checked.getText().contains("1.10.14, 1.11.13, 1.12.12, 1.13.1"), checked.getText());
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<dev.ssosetup.core.config.HelmChartVersion> chart =
                robot.lookup("#helm-chart-version").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> chart.setValue(dev.ssosetup.core.config.HelmChartVersion.V1_11_13));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(helm.getText().contains("--version 1.11.13 -f values.yaml"), helm.getText());
    }

    @Test
    void tabLeavesTheReadOnlyPreviewForItsButtons(FxRobot robot) {
        selectTab(robot, "tab-yaml");
        robot.clickOn("#output-yaml");
        robot.type(javafx.scene.input.KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("copy-yaml", scene.getFocusOwner().getId(), "Tab moves from the preview to Copy");
        robot.type(javafx.scene.input.KeyCode.TAB);
        assertEquals("save-yaml", scene.getFocusOwner().getId());
    }

    @Test
    void theSecretAppearsOnlyWhenTheOperatorAsks(FxRobot robot) throws IOException {
        selectTab(robot, "tab-env");
        TextArea env = robot.lookup("#output-env").queryAs(TextArea.class);
        assertFalse(env.getText().contains(Samples.SECRET));
        robot.clickOn("#reviewIncludeSecret");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(env.getText().contains(Samples.SECRET));
        Path saved = dir.resolve("sso.env");
        run(() -> viewModel.saveOutput(OutputFormat.ENV, saved.toString()));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(saved)));
        robot.clickOn("#reviewIncludeSecret");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(env.getText().contains(Samples.SECRET));
    }

    @Test
    void problemsLinkBackToTheStepThatFixesThem(FxRobot robot) throws IOException {
        Platform.runLater(() -> {
            state.idpJwksUriProperty().set("");
            state.stepFindings().put("login", List.of(
                    Finding.warning("nonce-missing", En.words("The ID token carried no nonce."), En.words("Check the client's settings."))));
            state.stepNotes().add(new StepNote("login", "loginVerdict", Severity.WARNING, "Signed in as alice, 1 warning"));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(viewModel.validProperty().get(), "unknown jwks_uri blocks the step");
        assertTrue(robot.lookup("#reviewReadiness").queryAs(Label.class).getStyleClass().contains("not-ready"));
        snapshot("review-problems.png");
        robot.clickOn("#goto-idp-jwks-unknown");
        robot.clickOn("#goto-nonce-missing");
        // issue 16: to the exact control (here the check that finds the jwks_uri), not only the step
        assertEquals(List.of("provider/checkButton", "login"), navigated);
    }

    @Test
    void profilesSaveWithoutTheSecretAndRestoreEveryStep(FxRobot robot) throws IOException {
        Path profile = dir.resolve("p.json");
        run(() -> viewModel.saveProfile(profile.toString()));
        String text = Files.readString(profile);
        assertFalse(text.contains(Samples.SECRET));
        assertTrue(text.contains("\"profileVersion\" : 2"));

        SsoConfiguration before = viewModel.configurationProperty().get();
        run(() -> {
            state.providerProperty().set(dev.ssosetup.core.provider.ProviderSettings.defaults());
            state.keysProperty().set(dev.ssosetup.core.keys.JwtKeySettings.empty());
            state.idpJwksUriProperty().set("");
        });
        assertFalse(viewModel.validProperty().get());
        run(() -> viewModel.openProfile(profile.toString()));
        assertEquals(before.withClientSecret(dev.ssosetup.core.common.Secret.empty()),
                viewModel.configurationProperty().get());
        assertTrue(viewModel.statusProperty().get().contains("Type the client secret again"),
                viewModel.statusProperty().get());
        assertTrue(viewModel.validProperty().get());

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"profileVersion\": 99}");
        SsoConfiguration now = viewModel.configurationProperty().get();
        run(() -> viewModel.openProfile(broken.toString()));
        assertEquals(now, viewModel.configurationProperty().get(), "a refused profile changes nothing");
        assertTrue(viewModel.statusIsErrorProperty().get());
        assertTrue(viewModel.statusProperty().get().contains("version 99"), viewModel.statusProperty().get());
        assertEquals(Map.of("browser", "system"), Samples.profile().loginTest());
    }

    @Test
    void forCollateOnlyTheHandOffTabShowsAndTheConfigurationIsReadyWithoutKeysOrAdmins(FxRobot robot) {
        run(() -> {
            state.providerProperty().set(state.providerProperty().get().toBuilder()
                    .deployment(dev.ssosetup.core.provider.Deployment.COLLATE).adminPrincipals(List.of())
                    .principalDomain("").build());
            state.keysProperty().set(dev.ssosetup.core.keys.JwtKeySettings.empty());
            state.idpJwksUriProperty().set("");
        });
        WaitForAsyncUtils.waitForFxEvents();
        TabPane tabs = robot.lookup("#reviewTabs").queryAs(TabPane.class);
        List<String> formatTabs = tabs.getTabs().stream().map(Tab::getId)
                .filter(id -> id != null && id.startsWith("tab-")).toList();
        assertEquals(List.of("tab-collate"), formatTabs);
        assertEquals("Hand-off", tabs.getTabs().stream().filter(t -> "tab-collate".equals(t.getId())).findFirst()
                .orElseThrow().getText());
        assertTrue(viewModel.validProperty().get(), viewModel.problems().toString());
        selectTab(robot, "tab-collate");
        String sheet = robot.lookup("#output-collate").queryAs(TextArea.class).getText();
        assertTrue(sheet.contains("/callback`"), sheet);
        assertFalse(sheet.contains("Admin users"), sheet);
        run(() -> state.providerProperty().set(state.providerProperty().get().toBuilder()
                .deployment(dev.ssosetup.core.provider.Deployment.SELF_HOSTED).build()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(OutputFormat.values().length, tabs.getTabs().stream().map(Tab::getId)
                .filter(id -> id != null && id.startsWith("tab-")).count());
    }

    @Test
    void theCopiedNoticeGoesWhenTheTabOrTheContentChanges(FxRobot robot) {
        var notice = robot.lookup("#reviewNotice").queryAs(org.controlsfx.control.NotificationPane.class);
        assertFalse(notice.isShowing(), "no notice before anything was done");
        selectTab(robot, "tab-yaml");
        robot.clickOn("#copy-yaml");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(notice.isShowing(), "copying says so");
        assertTrue(notice.getText().contains(OutputFormat.YAML.fileName()), notice.getText());
        try {
            Thread.sleep(600); // the notice slides in
            snapshot("review-notice.png");
            javafx.scene.control.Button save = robot.lookup("#save-yaml").queryButton();
            javafx.geometry.Bounds bar = onFx(() -> notice.lookup(".notification-bar").localToScene(
                    notice.lookup(".notification-bar").getLayoutBounds()));
            javafx.geometry.Bounds button = onFx(() -> save.localToScene(save.getLayoutBounds()));
            assertTrue(button.getMaxY() <= bar.getMinY() + 1, "Save stays above the notice: " + button + " " + bar);
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
        selectTab(robot, "tab-env");
        assertFalse(notice.isShowing(), "another tab: the notice about the YAML is gone");
        assertEquals("", viewModel.statusProperty().get());

        robot.interact(() -> robot.lookup("#copy-env").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(notice.isShowing());
        run(() -> state.providerProperty().set(state.providerProperty().get().toBuilder()
                .clientId("another-client").build()));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(notice.isShowing(), "the text changed: the notice spoke of the old one");
    }

    @Test
    void includeTheSecretIsOfferedOnlyForAConfidentialSelfHostedClient(FxRobot robot) {
        CheckBox include = robot.lookup("#reviewIncludeSecret").queryAs(CheckBox.class);
        assertTrue(include.isVisible() && include.isManaged(), "confidential, self-hosted: offered");
        run(() -> include.setSelected(true));
        run(() -> state.providerProperty().set(state.providerProperty().get().toBuilder()
                .clientType(dev.ssosetup.core.provider.ClientType.PUBLIC).build()));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(include.isVisible() || include.isManaged(), "a public client has no secret");
        assertFalse(viewModel.includeSecretProperty().get(), "hidden means off");
        run(() -> state.providerProperty().set(state.providerProperty().get().toBuilder()
                .clientType(dev.ssosetup.core.provider.ClientType.CONFIDENTIAL).build()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(include.isVisible(), "confidential again: offered again");
        run(() -> state.providerProperty().set(state.providerProperty().get().toBuilder()
                .deployment(dev.ssosetup.core.provider.Deployment.COLLATE).build()));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(include.isVisible(), "the Collate hand-off never carries the secret");
    }

    @Test
    void thePresetShowsInTheOperatorsWords(FxRobot robot) {
        List<String> texts = onFx(() -> StepTexts.texts(scene.getRoot()));
        String preset = Messages.forLocale(java.util.Locale.ENGLISH).get("provider.preset."
                + state.providerProperty().get().preset().name());
        assertTrue(texts.contains(preset), texts.toString());
        assertFalse(texts.stream().anyMatch(t -> t.contains(state.providerProperty().get().preset().name())),
                texts.toString());
        assertEquals(List.of(), StepTexts.internalNames(texts));
    }

    @Test
    void atTheMinimumSizeAndOneAndAHalfTimesTheFontEveryTabShowsItsTextWhole(FxRobot robot) {
        // the step's share of a 900 x 620 window (the rail, header and buttons take the rest)
        run(() -> {
            dev.ssosetup.ui.common.WholeText.install(scene.getRoot()); // as the wizard's shell does
            scene.getWindow().setWidth(690);
            scene.getWindow().setHeight(500);
            scene.getRoot().setStyle("-fx-font-size: 150%;");
            state.stepFindings().put("login", List.of(Finding.warning("nonce-missing",
                    En.words("The ID token carried no nonce."), En.words("Check the client's settings."))));
        });
        WaitForAsyncUtils.waitForFxEvents();
        TabPane tabs = robot.lookup("#reviewTabs").queryAs(TabPane.class);
        List<String> cut = new ArrayList<>();
        for (Tab tab : List.copyOf(tabs.getTabs())) {
            selectTab(robot, tab.getId());
            cut.addAll(onFx(() -> {
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                return StepTexts.cutOrOutside(scene.getRoot(), scene).stream().map(c -> tab.getText() + ": " + c)
                        .toList();
            }));
        }
        assertEquals(List.of(), cut);
    }

    private void selectTab(FxRobot robot, String id) {
        TabPane tabs = robot.lookup("#reviewTabs").queryAs(TabPane.class);
        run(() -> tabs.getSelectionModel().select(
                tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void run(Runnable r) {
        onFx(() -> {
            r.run();
            return null;
        });
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void snapshot(String name) throws IOException {
        WritableImage image = onFx(() -> scene.snapshot(null));
        Screenshots.save(image, Path.of("target", "screenshots", name));
    }
}
