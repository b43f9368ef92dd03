package dev.ssosetup.ui.provider;

import dev.ssosetup.ui.common.FieldDecorations;
import dev.ssosetup.core.common.Finding;
import dev.ssosetup.core.provider.ClientAuthMethod;
import dev.ssosetup.core.provider.ClientType;
import dev.ssosetup.core.provider.FormValidation.Field;
import dev.ssosetup.core.provider.Preset;
import dev.ssosetup.core.provider.ResponseType;
import dev.ssosetup.core.text.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The Provider step's view: builds the form rows (label, control, help text, inline error) from the view model's
 * properties and shows the check's progress and findings. Holds no state of its own beyond the controls.
 */
public final class ProviderController {
    private final ProviderViewModel vm;
    private final Messages messages;

    @FXML
    private javafx.scene.control.ScrollPane scroll;
    private final FieldDecorations decorations = new FieldDecorations();
    @FXML
    private GridPane idpGrid;
    @FXML
    private GridPane clientGrid;
    @FXML
    private GridPane omGrid;
    @FXML
    private GridPane usersGrid;
    @FXML
    private Button checkButton;
    @FXML
    private Button cancelButton;
    @FXML
    private ProgressBar checkProgress;
    @FXML
    private Label checkStatus;
    @FXML
    private VBox findingsBox;
    @FXML
    private VBox checkSection;

    public ProviderController(ProviderViewModel viewModel, Messages messages) {
        this.vm = viewModel;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        // ControlsFX draws the fields' error marks on this pane (ADR 0017)
        scroll.setContent(FieldDecorations.host(scroll.getContent()));
        buildIdentityProvider();
        buildClient();
        buildOpenMetadata();
        buildUsers();
        checkButton.disableProperty().bind(Bindings.not(vm.canCheckProperty()));
        cancelButton.visibleProperty().bind(vm.checkingProperty());
        cancelButton.managedProperty().bind(vm.checkingProperty());
        checkProgress.visibleProperty().bind(vm.checkingProperty());
        checkProgress.managedProperty().bind(vm.checkingProperty());
        checkProgress.progressProperty().bind(vm.progressProperty());
        checkStatus.textProperty().bind(Bindings.createStringBinding(() -> {
            if (vm.checkingProperty().get()) {
                return vm.checkStepProperty().get(); // which stage runs: discovery document, signing keys, checks
            }
            if (!vm.checkStatusProperty().get().isEmpty() && !vm.staleProperty().get()) {
                return vm.checkStatusProperty().get();
            }
            return vm.staleProperty().get() ? messages.get("provider.check.stale")
                    : messages.get("provider.check.never");
        }, vm.checkingProperty(), vm.checkStepProperty(), vm.checkStatusProperty(), vm.staleProperty()));
        vm.findings().addListener((ListChangeListener<Finding>) change -> showFindings());
        vm.checkStatusProperty().addListener((o, a, b) -> showFindings());
        vm.checkingProperty().addListener((o, a, b) -> showFindings());
        vm.reportedProperty().addListener((o, a, b) -> showFindings());
        // the answer to the button just pressed: once laid out, bring the check section to the top and put the focus
        // on the result, so that it is seen and a screen reader reads it
        vm.checkAnsweredProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(this::showResult));
        checkStatus.setAccessibleRole(javafx.scene.AccessibleRole.TEXT);
        showFindings();
        scroll.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.focusOwnerProperty().addListener((o, a, focused) -> afterNextLayout(() -> scrollIntoView(focused)));
            }
        });
    }

    /**
     * Runs {@code action} once, right after the next pulse's CSS and layout pass and before that frame is drawn: the
     * scroll position is then set from laid-out bounds without forcing a CSS pass or a layout of the whole form here
     * (a second one, on the JavaFX thread, in the same go as the check's result: UiStallBench, RESULTS "UI stalls,
     * round 3").
     */
    private void afterNextLayout(Runnable action) {
        javafx.scene.Scene scene = scroll.getScene();
        if (scene == null) {
            return;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            if (scroll.getScene() == scene) {
                action.run();
            }
        };
        scene.addPostLayoutPulseListener(once[0]);
        javafx.application.Platform.requestNextPulse();
    }

    /**
     * Keeps the focused control in sight: the scroll pane does not follow Tab by itself. Runs after a layout pass
     * ({@link #afterNextLayout}), so a control that was only just shown (Cancel) is laid out already.
     */
    private void scrollIntoView(Node node) {
        if (node == null || scroll.getContent() == null || !isInside(node, scroll.getContent())) {
            return;
        }
        Node content = scroll.getContent();
        javafx.geometry.Bounds inContent = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double contentHeight = content.getBoundsInLocal().getHeight();
        double viewport = scroll.getViewportBounds().getHeight();
        if (contentHeight <= viewport) {
            return;
        }
        double top = (contentHeight - viewport) * scroll.getVvalue();
        double target = top;
        if (inContent.getMinY() - 40 < top) {
            target = Math.max(0, inContent.getMinY() - 40);
        } else if (inContent.getMaxY() + 40 > top + viewport) {
            target = inContent.getMaxY() + 40 - viewport;
        }
        scroll.setVvalue(Math.min(1, Math.max(0, target / (contentHeight - viewport))));
    }

    private void showResult() {
        if (scroll.getScene() == null) {
            return;
        }
        checkStatus.requestFocus(); // its scroll into view runs after the next layout, and this one after it
        afterNextLayout(this::scrollToCheck);
    }

    private void scrollToCheck() {
        Node content = scroll.getContent();
        double contentHeight = content.getBoundsInLocal().getHeight();
        double viewport = scroll.getViewportBounds().getHeight();
        if (contentHeight > viewport) {
            double top = checkSection.getBoundsInParent().getMinY();
            scroll.setVvalue(Math.min(1, top / (contentHeight - viewport)));
        }
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    private void buildIdentityProvider() {
        ComboBox<dev.ssosetup.core.provider.Deployment> deployment = combo("deployment",
                List.of(dev.ssosetup.core.provider.Deployment.values()), vm::label);
        deployment.valueProperty().bindBidirectional(vm.deploymentProperty());
        row(idpGrid, null, "deployment", deployment, null, null);
        ComboBox<Preset> preset = combo("preset", vm.presets(), vm::label);
        preset.valueProperty().bindBidirectional(vm.presetProperty());
        Label note = new Label();
        note.getStyleClass().add("preset-note");
        note.setWrapText(true);
        note.setMaxWidth(Double.MAX_VALUE);
        note.setId("presetNote");
        note.textProperty().bind(vm.presetNoteProperty());
        VBox presetBox = new VBox(6, preset, note);
        row(idpGrid, null, "preset", presetBox, preset, null);
        row(idpGrid, Field.PROVIDER_NAME, "providerName", text(vm.providerNameProperty()), null, null);
        Node[] tenantRow = row(idpGrid, Field.TENANT, "tenant", text(vm.tenantProperty()), null, null);
        visibleWhen(vm.tenantNeededProperty(), tenantRow);
        row(idpGrid, Field.ISSUER, "issuer", text(vm.issuerProperty()), null, null);
        TextField discovery = text(vm.discoveryUrlProperty());
        discovery.promptTextProperty().bind(vm.derivedDiscoveryUrlProperty());
        row(idpGrid, Field.DISCOVERY_URL, "discoveryUrl", discovery, null, null);
        TextField ca = text(vm.caFileProperty());
        Button browse = new Button(messages.get("provider.browse"));
        browse.setId("caFileBrowse");
        browse.setOnAction(e -> chooseCaFile());
        HBox caBox = new HBox(8, ca, browse);
        HBox.setHgrow(ca, Priority.ALWAYS);
        row(idpGrid, null, "caFile", caBox, ca, null);
    }

    private void buildClient() {
        Button load = new Button(messages.get("provider.credentials.button"));
        load.setId("loadCredentials");
        load.setOnAction(e -> chooseCredentialsFile());
        Label loaded = new Label();
        loaded.setId("credentialsStatus");
        loaded.setWrapText(true);
        loaded.setMaxWidth(Double.MAX_VALUE);
        loaded.textProperty().bind(vm.credentialsStatusProperty());
        loaded.visibleProperty().bind(loaded.textProperty().isNotEmpty());
        loaded.managedProperty().bind(loaded.visibleProperty());
        vm.credentialsRefusedProperty().addListener((o, a, refused) -> mark(loaded, refused));
        loaded.getStyleClass().add("help-text");
        VBox loadBox = new VBox(6, load, loaded);
        row(clientGrid, null, "credentialsFile", loadBox, load, null);
        // a credentials file dropped anywhere on the client section loads the same way
        clientGrid.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
            }
            e.consume();
        });
        clientGrid.setOnDragDropped(e -> {
            boolean done = e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty();
            if (done) {
                vm.loadCredentialsFile(e.getDragboard().getFiles().getFirst().toPath());
            }
            e.setDropCompleted(done);
            e.consume();
        });
        ComboBox<ClientType> type = combo("clientType", List.of(ClientType.values()), vm::label);
        type.valueProperty().bindBidirectional(vm.clientTypeProperty());
        row(clientGrid, null, "clientType", type, null, null);
        ComboBox<ResponseType> flow = combo("responseType", List.of(ResponseType.values()), vm::label);
        flow.valueProperty().bindBidirectional(vm.responseTypeProperty());
        Node[] flowRow = row(clientGrid, null, "responseType", flow, null, null);
        visibleWhen(vm.publicClientProperty(), flowRow);
        row(clientGrid, Field.CLIENT_ID, "clientId", text(vm.clientIdProperty()), null, null);
        PasswordField masked = new PasswordField();
        masked.setId(Field.CLIENT_SECRET);
        masked.textProperty().bindBidirectional(vm.clientSecretProperty());
        TextField plain = new TextField();
        plain.setId("clientSecretPlain");
        plain.textProperty().bindBidirectional(vm.clientSecretProperty());
        ToggleButton reveal = new ToggleButton(messages.get("provider.secret.reveal"));
        reveal.setId("revealSecret");
        reveal.textProperty().bind(Bindings.when(reveal.selectedProperty())
                .then(messages.get("provider.secret.hide")).otherwise(messages.get("provider.secret.reveal")));
        plain.visibleProperty().bind(reveal.selectedProperty());
        masked.visibleProperty().bind(Bindings.not(reveal.selectedProperty()));
        StackPane secretStack = new StackPane(masked, plain);
        HBox secretBox = new HBox(8, secretStack, reveal);
        HBox.setHgrow(secretStack, Priority.ALWAYS);
        Node[] secretRow = row(clientGrid, Field.CLIENT_SECRET, "clientSecret", secretBox, masked,
                List.of(masked, plain));
        visibleWhen(vm.confidentialProperty(), secretRow);
        if (vm.keychainOffered()) { // ---- keychain (issue 14)
            CheckBox remember = check("rememberSecret", vm.rememberSecretProperty().get());
            remember.selectedProperty().bindBidirectional(vm.rememberSecretProperty());
            Label keychainStatus = new Label();
            keychainStatus.setId("keychainStatus");
            keychainStatus.setWrapText(true);
            keychainStatus.getStyleClass().add("help-text");
            keychainStatus.textProperty().bind(vm.keychainStatusProperty());
            Button forget = new Button(messages.get("secrets.forget"));
            forget.setId("forgetSecret");
            forget.visibleProperty().bind(vm.secretRememberedProperty());
            forget.managedProperty().bind(forget.visibleProperty());
            forget.setOnAction(e -> vm.forgetRememberedSecret());
            HBox statusBox = new HBox(8, keychainStatus, forget);
            HBox.setHgrow(keychainStatus, Priority.ALWAYS);
            Node[] rememberRow = row(clientGrid, null, "rememberSecret", new VBox(4, remember, statusBox), remember,
                    null);
            visibleWhen(vm.confidentialProperty(), rememberRow);
        }
        ComboBox<ClientAuthMethod> method = combo("clientAuthMethod", // the ProviderSettings name: "Go to" finds it
                List.of(ClientAuthMethod.CLIENT_SECRET_BASIC, ClientAuthMethod.CLIENT_SECRET_POST), vm::label);
        method.valueProperty().bindBidirectional(vm.authMethodProperty());
        Node[] methodRow = row(clientGrid, null, "authMethod", method, null, null);
        visibleWhen(vm.confidentialProperty(), methodRow);
        row(clientGrid, Field.SCOPES, "scopes", text(vm.scopesProperty()), null, null);
        ComboBox<String> alg = combo(Field.ALGORITHM, vm.algorithms(), s -> s);
        alg.setItems(vm.versionAlgorithms()); // the chosen OpenMetadata version's algorithms (ES from 1.13 on)
        alg.valueProperty().bindBidirectional(vm.algorithmProperty());
        row(clientGrid, Field.ALGORITHM, "algorithm", alg, null, null);
        Node[] promptRow = row(clientGrid, Field.PROMPT, "prompt", text(vm.promptProperty()), null, null);
        visibleWhen(vm.confidentialProperty(), promptRow);
    }

    private void buildOpenMetadata() {
        Node[] serverRow = row(omGrid, Field.SERVER_URL, "serverUrl", text(vm.serverUrlProperty()), null, null);
        // for Collate (hosted) the same field holds the Collate domain: say so in its label and help
        Label serverLabel = (Label) serverRow[0];
        Label serverHelp = (Label) ((VBox) serverRow[1]).getChildren().getLast();
        Runnable relabel = () -> {
            boolean collate = vm.deploymentProperty().get() == dev.ssosetup.core.provider.Deployment.COLLATE;
            serverLabel.setText(messages.get(collate ? "provider.field.collateDomain" : "provider.field.serverUrl"));
            serverHelp.setText(messages.get(collate ? "provider.help.collateDomain" : "provider.help.serverUrl"));
        };
        vm.deploymentProperty().addListener((o, was, now) -> relabel.run());
        relabel.run();
        TextField callback = new TextField();
        callback.setId("callbackUrl");
        callback.setEditable(false);
        callback.getStyleClass().add("read-only-field");
        callback.textProperty().bind(vm.callbackUrlProperty());
        callback.setPromptText(messages.get("provider.callback.empty"));
        Button copy = new Button(messages.get("provider.copy"));
        copy.setId("copyCallback");
        copy.disableProperty().bind(callback.textProperty().isEmpty());
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(callback.getText());
            Clipboard.getSystemClipboard().setContent(content);
            copy.setText(messages.get("provider.copied"));
        });
        callback.textProperty().addListener((o, a, b) -> copy.setText(messages.get("provider.copy")));
        HBox box = new HBox(8, callback, copy);
        HBox.setHgrow(callback, Priority.ALWAYS);
        row(omGrid, null, "callbackUrl", box, callback, null);
        ComboBox<dev.ssosetup.core.provider.OpenMetadataVersion> version = combo("omVersion", vm.omVersions(),
                dev.ssosetup.core.provider.OpenMetadataVersion::label);
        version.valueProperty().bindBidirectional(vm.omVersionProperty());
        Button detect = new Button(messages.get("provider.omVersion.detect"));
        detect.setId("detectVersion");
        detect.disableProperty().bind(vm.serverUrlProperty().isEmpty());
        detect.setOnAction(e -> vm.detectVersion());
        Label detected = new Label();
        detected.setId("versionStatus");
        detected.setWrapText(true);
        detected.textProperty().bind(vm.versionStatusProperty());
        HBox versionBox = new HBox(8, version, detect, detected);
        row(omGrid, null, "omVersion", versionBox, version, null);
        javafx.beans.binding.BooleanBinding twoZero = Bindings.createBooleanBinding(
                () -> vm.omVersionProperty().get().has20Fields(), vm.omVersionProperty());
        visibleWhen(twoZero, row(omGrid, Field.SESSION_EXPIRY, "sessionExpiry", text(vm.sessionExpiryProperty()),
                null, null));
        visibleWhen(twoZero, row(omGrid, Field.MAX_SESSIONS, "maxActiveSessionsPerUser",
                text(vm.maxActiveSessionsPerUserProperty()), null, null));
    }

    private void buildUsers() {
        row(usersGrid, Field.ADMIN_PRINCIPALS, "adminPrincipals", text(vm.adminPrincipalsProperty()), null, null);
        row(usersGrid, Field.PRINCIPAL_CLAIMS, "principalClaims", text(vm.principalClaimsProperty()), null, null);
        row(usersGrid, Field.CLAIMS_MAPPING, "claimsMapping", text(vm.claimsMappingProperty()), null, null);
        TextField domain = text(vm.principalDomainProperty());
        Button useDomain = new Button();
        useDomain.setId("useSuggestedDomain");
        useDomain.textProperty().bind(vm.domainSuggestionTextProperty());
        useDomain.setTooltip(new Tooltip(messages.get("provider.domain.suggest.help")));
        useDomain.setMnemonicParsing(false);
        useDomain.visibleProperty().bind(vm.domainSuggestionProperty().isNotNull());
        useDomain.managedProperty().bind(useDomain.visibleProperty());
        useDomain.setOnAction(e -> {
            vm.useSuggestedDomain();
            domain.requestFocus();
        });
        HBox domainBox = new HBox(8, domain, useDomain);
        HBox.setHgrow(domain, Priority.ALWAYS);
        row(usersGrid, Field.PRINCIPAL_DOMAIN, "principalDomain", domainBox, domain, null);
        CheckBox enforce = check("enforcePrincipalDomain", vm.enforcePrincipalDomainProperty().get());
        enforce.selectedProperty().bindBidirectional(vm.enforcePrincipalDomainProperty());
        row(usersGrid, null, "enforcePrincipalDomain", enforce, null, null);
        row(usersGrid, Field.REGISTRATION_DOMAINS, "registrationDomains", text(vm.registrationDomainsProperty()),
                null, null);
        CheckBox signup = check("selfSignup", vm.selfSignupProperty().get());
        signup.selectedProperty().bindBidirectional(vm.selfSignupProperty());
        row(usersGrid, null, "selfSignup", signup, null, null);
        javafx.beans.binding.BooleanBinding v113 = Bindings.createBooleanBinding(
                () -> vm.omVersionProperty().get().has113Fields(), vm.omVersionProperty());
        visibleWhen(v113, row(usersGrid, null, "teamClaimMapping", text(vm.teamClaimMappingProperty()), null, null));
        visibleWhen(v113, row(usersGrid, null, "defaultOAuthRole", text(vm.defaultOAuthRoleProperty()), null,
                null));
    }

    /**
     * Adds one form row: label (column 0), and the control with its help text and inline error (column 1).
     *
     * @param field     the validation field id, or null for a field that cannot be wrong
     * @param key       the message key suffix ({@code provider.field.KEY}, {@code provider.help.KEY})
     * @param labelFor  the control the label's mnemonic focuses (default: {@code content} itself)
     * @param marked    the controls that get the {@code invalid} style (default: {@code labelFor})
     * @return the row's nodes, for hiding the row
     */
    private Node[] row(GridPane grid, String field, String key, Node content, Control labelFor, List<Control> marked) {
        // count rows ourselves: GridPane.getRowCount() skips rows that are hidden (unmanaged) right now
        int r = (int) grid.getProperties().merge("provider.rows", 1, (a, b) -> (int) a + (int) b) - 1;
        // a check box carries its own text; its row label stays empty
        Label label = new Label(content instanceof CheckBox ? "" : messages.get("provider.field." + key));
        label.setMnemonicParsing(true);
        label.getStyleClass().add("form-label");
        label.setWrapText(true);
        Node target = labelFor != null ? labelFor : content;
        label.setLabelFor(target);
        Label help = new Label(messages.get("provider.help." + key));
        help.getStyleClass().add("help-text");
        help.setWrapText(true);
        help.setMaxWidth(Double.MAX_VALUE);
        VBox box = new VBox(content, help);
        box.getStyleClass().add("field-box");
        if (target instanceof Control c && c.getTooltip() == null) {
            c.setTooltip(new Tooltip(help.getText()));
        }
        if (field != null) {
            Label error = new Label();
            error.getStyleClass().add("field-error");
            error.setId(field + "Error");
            error.setWrapText(true);
            error.setMaxWidth(Double.MAX_VALUE);
            error.textProperty().bind(vm.errorProperty(field));
            error.visibleProperty().bind(error.textProperty().isNotEmpty());
            error.managedProperty().bind(error.visibleProperty());
            box.getChildren().add(1, error);
            List<? extends Node> toMark = marked != null ? marked : List.of(target);
            error.textProperty().addListener((o, a, now) -> toMark.forEach(n -> mark(n, !now.isEmpty())));
            toMark.forEach(n -> mark(n, !error.getText().isEmpty()));
            toMark.stream().filter(Control.class::isInstance)
                    .forEach(n -> decorations.error((Control) n, vm.errorProperty(field)));
        }
        GridPane.setValignment(label, javafx.geometry.VPos.TOP);
        GridPane.setHgrow(box, Priority.ALWAYS);
        grid.addRow(r, label, box);
        return new Node[] {label, box};
    }

    private static void mark(Node node, boolean invalid) {
        if (invalid && !node.getStyleClass().contains("invalid")) {
            node.getStyleClass().add("invalid");
        } else if (!invalid) {
            node.getStyleClass().removeAll("invalid");
        }
    }

    private static void visibleWhen(ObservableBooleanValue condition, Node... nodes) {
        for (Node n : nodes) {
            n.visibleProperty().bind(condition);
            n.managedProperty().bind(condition);
        }
    }

    private TextField text(javafx.beans.property.StringProperty property) {
        TextField field = new TextField();
        field.setId(property == vm.caFileProperty() ? "caFile" : idOf(property));
        field.textProperty().bindBidirectional(property);
        field.setMaxWidth(Double.MAX_VALUE);
        return field;
    }

    private String idOf(javafx.beans.property.StringProperty p) {
        if (p == vm.providerNameProperty()) {
            return Field.PROVIDER_NAME;
        } else if (p == vm.issuerProperty()) {
            return Field.ISSUER;
        } else if (p == vm.discoveryUrlProperty()) {
            return Field.DISCOVERY_URL;
        } else if (p == vm.tenantProperty()) {
            return Field.TENANT;
        } else if (p == vm.clientIdProperty()) {
            return Field.CLIENT_ID;
        } else if (p == vm.scopesProperty()) {
            return Field.SCOPES;
        } else if (p == vm.serverUrlProperty()) {
            return Field.SERVER_URL;
        } else if (p == vm.principalClaimsProperty()) {
            return Field.PRINCIPAL_CLAIMS;
        } else if (p == vm.claimsMappingProperty()) {
            return Field.CLAIMS_MAPPING;
        } else if (p == vm.adminPrincipalsProperty()) {
            return Field.ADMIN_PRINCIPALS;
        } else if (p == vm.principalDomainProperty()) {
            return Field.PRINCIPAL_DOMAIN;
        } else if (p == vm.registrationDomainsProperty()) {
            return Field.REGISTRATION_DOMAINS;
        } else if (p == vm.promptProperty()) {
            return Field.PROMPT;
        } else if (p == vm.sessionExpiryProperty()) {
            return Field.SESSION_EXPIRY;
        } else if (p == vm.maxActiveSessionsPerUserProperty()) {
            return Field.MAX_SESSIONS;
        } else if (p == vm.teamClaimMappingProperty()) {
            return "teamClaimMapping";
        } else if (p == vm.defaultOAuthRoleProperty()) {
            return "defaultOAuthRole";
        }
        return null;
    }

    private <T> ComboBox<T> combo(String id, List<T> items, Function<T, String> label) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(items);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        });
        box.setMaxWidth(360);
        return box;
    }

    private CheckBox check(String key, boolean initial) {
        CheckBox box = new CheckBox(messages.get("provider.field." + key));
        box.setId(key);
        box.setSelected(initial);
        return box;
    }

    private void chooseCredentialsFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("provider.credentials.title"));
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("JSON", "*.json"),
                new FileChooser.ExtensionFilter("*", "*"));
        File file = chooser.showOpenDialog(scroll.getScene() == null ? null : scroll.getScene().getWindow());
        if (file != null) {
            vm.loadCredentialsFile(file.toPath());
        }
    }

    private void chooseCaFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("provider.caFile.title"));
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("PEM", "*.pem", "*.crt", "*.cer"),
                new FileChooser.ExtensionFilter("*", "*"));
        File file = chooser.showOpenDialog(findingsBox.getScene().getWindow());
        if (file != null) {
            vm.caFileProperty().set(file.getAbsolutePath());
        }
    }

    @FXML
    private void onCheck() {
        vm.check();
    }

    @FXML
    private void onCancel() {
        vm.cancelCheck();
    }

    /** What the findings box shows now; a check's answer changes several properties at once, each calls {@link #showFindings}. */
    private record Shown(boolean checking, boolean reportedEmpty, List<Finding> findings) {
    }

    private Shown shown;

    private void showFindings() {
        boolean checking = vm.checkingProperty().get();
        Shown now = new Shown(checking, !checking && vm.findings().isEmpty() && vm.reportedProperty().get(),
                checking ? List.of() : List.copyOf(vm.findings()));
        if (now.equals(shown)) {
            return; // the same rows again: built once, not once per property the answer sets
        }
        shown = now;
        List<Node> rows = new ArrayList<>();
        if (checking) {
            // never "No findings" while the check runs: there is no answer yet
            Label running = new Label(messages.get("provider.findings.running"));
            running.setId("findingsRunning");
            running.getStyleClass().add("findings-running");
            running.setWrapText(true);
            rows.add(running);
        } else if (now.reportedEmpty()) {
            Label none = new Label(messages.get("provider.findings.empty"));
            none.getStyleClass().add("findings-empty");
            rows.add(none);
        } else {
            for (Finding f : now.findings()) {
                rows.add(findingRow(f));
            }
        }
        findingsBox.getChildren().setAll(rows); // one change: the box's screen-reader text is read once (StatusRegions)
        if (!checking && !now.findings().isEmpty()) {
            alignSeverityColumn(rows.stream().map(r -> (Label) r.lookup(".finding-severity")).toList());
        }
    }

    /**
     * The severity labels form one column as wide as its widest word in the operator's language ("Warnung" is wider
     * than "Warning"): never cut, and the findings' text starts at one edge.
     */
    private void alignSeverityColumn(List<Label> severities) {
        findingsBox.applyCss(); // the new rows need their style for their width
        double widest = 0;
        for (Label label : severities) {
            widest = Math.max(widest, label.prefWidth(-1));
        }
        for (Label label : severities) {
            label.setMinWidth(widest);
            label.setPrefWidth(widest);
        }
    }

    private Node findingRow(Finding f) {
        String sev = f.severity().name();
        String lower = sev.toLowerCase(Locale.ROOT);
        String icon = switch (f.severity()) {
            case ERROR -> "\u2716";
            case WARNING -> "\u26A0";
            case INFO -> "\u2139";
        };
        Label severity = new Label(icon + "  " + messages.get("provider.severity." + sev));
        severity.getStyleClass().addAll("finding-severity", "severity-" + lower);
        Label id = new Label(f.id());
        id.getStyleClass().add("finding-id");
        Label message = new Label(messages.text(f.message()));
        message.getStyleClass().add("finding-message");
        message.setWrapText(true);
        VBox text = new VBox(2, id, message);
        if (f.hasHint()) {
            Label hint = new Label(messages.get("provider.findings.fix", messages.text(f.hint())));
            hint.getStyleClass().add("help-text");
            hint.setWrapText(true);
            text.getChildren().add(hint);
        }
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox row = new HBox(severity, text);
        row.setAlignment(Pos.TOP_LEFT);
        row.getStyleClass().addAll("finding", "finding-" + lower);
        row.setFocusTraversable(false);
        row.setAccessibleText(messages.get("provider.severity." + sev) + ": " + f.id() + ". " + messages.text(f.message()));
        return row;
    }
}
