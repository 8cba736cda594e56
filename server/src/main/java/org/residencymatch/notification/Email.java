package org.residencymatch.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One email to send: its kind, its link, the values of its arguments and the paragraphs it carries. The
 * values are already in the recipient's language where they are free text (a stream's name, a refusal's
 * reason); message keys and times are put in that language when the email is rendered ({@link EmailTexts}).
 *
 * @param arguments the values of the kind's arguments and of its paragraphs', by name
 */
public record Email(EmailKind kind, String link, Map<String, String> arguments, List<EmailKind.Paragraph> paragraphs) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Refuses an email that misses one of its kind's or its paragraphs' arguments, or carries a paragraph its kind does not. */
    public Email {
        if (kind == null || link == null || link.isBlank()) throw new IllegalArgumentException("an email needs a kind and a link");
        List<String> needed = new ArrayList<>(kind.arguments);
        for (EmailKind.Paragraph p : paragraphs) {
            if (!kind.paragraphs.contains(p)) throw new IllegalArgumentException(kind + " carries no paragraph " + p);
            needed.addAll(p.arguments);
        }
        for (String name : needed) {
            if (arguments.get(name) == null) throw new IllegalArgumentException(kind + " needs the argument " + name);
        }
        arguments = Map.copyOf(arguments);
        paragraphs = List.copyOf(paragraphs);
    }

    /** An email of a kind with no argument and no paragraph. */
    public static Email of(EmailKind kind, String link) {
        return new Email(kind, link, Map.of(), List.of());
    }

    /** An email of this kind with these arguments (name, value, name, value...) and no paragraph. */
    public static Email of(EmailKind kind, String link, String... namesAndValues) {
        return new Email(kind, link, pairs(namesAndValues), List.of());
    }

    /** The same email with one paragraph more, and its arguments (name, value, ...). */
    public Email with(EmailKind.Paragraph paragraph, String... namesAndValues) {
        Map<String, String> all = new LinkedHashMap<>(arguments);
        all.putAll(pairs(namesAndValues));
        List<EmailKind.Paragraph> more = new ArrayList<>(paragraphs);
        more.add(paragraph);
        return new Email(kind, link, all, more);
    }

    private static Map<String, String> pairs(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) throw new IllegalArgumentException("names and values go in pairs");
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) map.put(namesAndValues[i], namesAndValues[i + 1]);
        return map;
    }

    /** The arguments and paragraphs as the outbox keeps them beside the link (JSON). */
    String storedArguments() {
        try {
            return JSON.writeValueAsString(Map.of("arguments", new java.util.TreeMap<>(arguments), "paragraphs", paragraphs));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The email a stored message holds: its kind from the subject key, the link, and the stored arguments (none when null). */
    static Email stored(EmailKind kind, String link, String storedArguments) {
        if (storedArguments == null) return new Email(kind, link, Map.of(), List.of());
        try {
            var tree = JSON.readTree(storedArguments);
            Map<String, String> arguments = new LinkedHashMap<>();
            tree.path("arguments").fields().forEachRemaining(e -> arguments.put(e.getKey(), e.getValue().asText()));
            List<EmailKind.Paragraph> paragraphs = new ArrayList<>();
            tree.path("paragraphs").forEach(p -> paragraphs.add(EmailKind.Paragraph.valueOf(p.asText())));
            return new Email(kind, link, arguments, paragraphs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable arguments of a " + kind + " email", e);
        }
    }
}
