package org.residencymatch.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** The interface texts of one language, {@code i18n/messages_<language>.properties}, read as UTF-8: pages and emails share them. */
public final class MessageFiles {

    private MessageFiles() {
    }

    public static Properties load(String language) {
        Properties texts = new Properties();
        try (InputStream in = MessageFiles.class.getResourceAsStream("/i18n/messages_" + language + ".properties")) {
            if (in == null) throw new IllegalStateException("missing i18n/messages_" + language + ".properties");
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }
}
