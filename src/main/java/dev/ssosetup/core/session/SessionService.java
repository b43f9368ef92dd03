package dev.ssosetup.core.session;

import dev.ssosetup.core.config.Profile;
import dev.ssosetup.core.config.ProfileCodec;
import dev.ssosetup.core.config.ProfileLoad;

import java.io.IOException;
import java.util.Optional;

/**
 * Preferences and the autosaved draft, through the {@link SessionFiles} port. The draft is a profile (the same format
 * as a saved one, so never with the client secret) of the work not saved yet; it is offered back when the app starts
 * after a crash or a window closed without saving.
 */
public final class SessionService {
    static final String PREFERENCES = "preferences.properties";
    static final String DRAFT = "draft-profile.json";
    private final SessionFiles files;
    private final ProfileCodec codec = new ProfileCodec();

    public SessionService(SessionFiles files) {
        this.files = files;
    }

    /** The stored preferences, or the defaults when there are none or they cannot be read. */
    public Preferences preferences() {
        try {
            return files.read(PREFERENCES).map(Preferences::decode).orElse(Preferences.defaults());
        } catch (IOException e) {
            return Preferences.defaults();
        }
    }

    public void savePreferences(Preferences preferences) throws IOException {
        files.write(PREFERENCES, preferences.encode());
    }

    /** Writes the draft (the codec never writes the client secret). */
    public void saveDraft(Profile profile) throws IOException {
        files.write(DRAFT, codec.write(profile));
    }

    /** The draft left by an earlier session, if one is there and readable. */
    public Optional<Profile> draft() {
        try {
            return files.read(DRAFT).flatMap(text -> switch (codec.read(text)) {
                case ProfileLoad.Loaded loaded -> Optional.of(loaded.profile());
                case ProfileLoad.Refused refused -> Optional.<Profile>empty();
            });
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public void discardDraft() throws IOException {
        files.delete(DRAFT);
    }

    /** Where file dialogs start: the remembered folder while it exists, else the documents folder. */
    public String startFolder(Preferences preferences) {
        return files.isFolder(preferences.lastFolder()) ? preferences.lastFolder() : files.documentsFolder();
    }
}
