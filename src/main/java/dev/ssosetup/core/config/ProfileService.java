package dev.ssosetup.core.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;

/** Saves and opens profiles through the {@link ConfigFiles} port; every failure becomes a message, never a trace. */
public final class ProfileService {
    private final ConfigFiles files;
    private final ProfileCodec codec = new ProfileCodec();

    public ProfileService(ConfigFiles files) {
        this.files = files;
    }

    public ProfileLoad open(String path) {
        String text;
        try {
            text = files.read(path);
        } catch (CharacterCodingException e) {
            return new ProfileLoad.Refused("The profile " + path + " is not UTF-8 text.");
        } catch (IOException e) {
            return new ProfileLoad.Refused("Cannot read the profile " + path + ": " + describe(e));
        }
        return switch (codec.read(text)) {
            case ProfileLoad.Loaded loaded -> loaded;
            case ProfileLoad.Refused refused -> new ProfileLoad.Refused(path + ": " + refused.reason());
        };
    }

    /** Writes the profile (never with a secret). */
    public void save(String path, Profile profile) throws IOException {
        files.write(path, codec.write(profile), false);
    }

    public ProfileCodec codec() {
        return codec;
    }

    static String describe(IOException e) {
        String name = e.getClass().getSimpleName();
        return switch (name) {
            case "NoSuchFileException", "FileNotFoundException" -> "the file does not exist.";
            case "AccessDeniedException" -> "permission denied.";
            default -> e.getMessage() == null ? name : e.getMessage();
        };
    }
}
