package org.residencymatch.notification;

import java.text.MessageFormat;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.residencymatch.text.MessageFiles;

/**
 * Renders an {@link Email} into a subject and a plain-text body in the recipient's language ("en" or
 * "fr"), from the message files the pages use ({@code i18n/messages_en.properties}, {@code messages_fr}),
 * with {@link MessageFormat}: the one way every email is written. A key missing from the language's file,
 * or a placeholder left unfilled, is an error, never a half-written email.
 */
public final class EmailTexts {

    /** A rendered email. */
    public record Rendered(String subject, String body) {
    }

    private static final Map<String, Properties> TEXTS = Map.of("en", MessageFiles.load("en"), "fr", MessageFiles.load("fr"));
    private static final Map<String, Locale> LOCALES = Map.of("en", Locale.CANADA, "fr", Locale.CANADA_FRENCH);
    private static final Map<String, DateTimeFormatter> TIMES = Map.of(
            "en", DateTimeFormatter.ofPattern("MMMM d, yyyy, h:mm a z", Locale.CANADA),
            "fr", DateTimeFormatter.ofPattern("d MMMM yyyy, HH 'h' mm z", Locale.CANADA_FRENCH));

    private EmailTexts() {
    }

    /**
     * The email in a language ("fr", else English); a link that is a path of the service ("/applicant/profile")
     * is made whole with {@code publicUrl}, the address people reach the service at.
     */
    public static Rendered render(Email email, String language, String publicUrl) {
        String lang = "fr".equals(language) ? "fr" : "en";
        EmailKind kind = email.kind();
        List<Object> bodyArguments = new ArrayList<>();
        bodyArguments.add(email.link().startsWith("/") ? publicUrl + email.link() : email.link());
        for (String name : kind.arguments) bodyArguments.add(value(name, email.arguments().get(name), lang));
        StringBuilder body = new StringBuilder(format(lang, kind.key + ".body", bodyArguments));
        for (EmailKind.Paragraph paragraph : email.paragraphs()) {
            List<Object> arguments = new ArrayList<>();
            for (String name : paragraph.arguments) arguments.add(value(name, email.arguments().get(name), lang));
            body.append("\n\n").append(format(lang, paragraph.key, arguments));
        }
        body.append("\n\n").append(format(lang, "email.signature", List.of()));
        return new Rendered(format(lang, kind.key, bodyArguments), body.toString());
    }

    /** The email a message of the outbox holds, in its language; {@link IllegalArgumentException} for a message that is not an email. */
    public static Rendered render(Outbox.Message message, String publicUrl) {
        return render(message.email(), message.language(), publicUrl);
    }

    private static Object value(String name, String value, String lang) {
        if (value == null) throw new IllegalArgumentException("no value for " + name);
        if (name.endsWith("Key")) return format(lang, value, List.of()); // a message of the files: its quotes ('') unescaped
        if (name.endsWith("Time")) return TIMES.get(lang).format(ZonedDateTime.parse(value));
        return value;
    }

    private static String format(String lang, String key, List<Object> arguments) {
        MessageFormat format = new MessageFormat(text(lang, key), LOCALES.get(lang));
        // A placeholder beyond the values given would be printed as is ("{2}"): refused instead.
        if (format.getFormatsByArgumentIndex().length > arguments.size()) {
            throw new IllegalStateException(key + " (" + lang + ") has a placeholder that " + arguments.size() + " values leave unfilled");
        }
        return format.format(arguments.toArray());
    }

    private static String text(String lang, String key) {
        String text = TEXTS.get(lang).getProperty(key);
        if (text == null) throw new IllegalStateException("missing message " + key + " in messages_" + lang + ".properties");
        return text;
    }
}
