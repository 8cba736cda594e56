package org.residencymatch.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every kind of email, with every paragraph it can carry, renders in English and in French from the message
 * files: a subject, a body with the link, no key missing, no placeholder left, and the two languages differ.
 * An email can only be enqueued as an {@link EmailKind}, and every kind is enqueued somewhere, so these are
 * the emails the service sends.
 */
class EmailTextsTest {

    static final String LINK = "https://match.example.ca/some/page?token=abc";

    /** An email of the kind with a plausible value for every argument of the kind and of each paragraph it can carry. */
    static Email fullest(EmailKind kind) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(kind.arguments);
        kind.paragraphs.forEach(p -> names.addAll(p.arguments));
        for (String name : names) values.put(name, sample(name));
        return new Email(kind, LINK, values, kind.paragraphs);
    }

    static String sample(String name) {
        return switch (name) {
            case "factKey" -> "profile.check.category";
            case "documentKey" -> "document.kind.DEGREE";
            default -> name.endsWith("Time") ? "2025-03-10T08:00-04:00[America/Toronto]" : "value-of-" + name;
        };
    }

    @Test
    void everyKindRendersInBothLanguagesWithNoKeyMissingAndNoPlaceholderLeft() {
        for (EmailKind kind : EmailKind.values()) {
            for (Email email : List.of(fullest(kind), new Email(kind, LINK, fullest(kind).arguments(), List.of()))) {
                EmailTexts.Rendered en = EmailTexts.render(email, "en", "");
                EmailTexts.Rendered fr = EmailTexts.render(email, "fr", "");
                for (EmailTexts.Rendered r : List.of(en, fr)) {
                    assertThat(r.subject()).as(kind + " subject").isNotBlank().doesNotContain("{").doesNotContain("email.");
                    assertThat(r.body()).as(kind + " body").contains(LINK).doesNotContainPattern("\\{\\d").doesNotContain("email.")
                            .doesNotContain("null").doesNotContain("''");
                    for (String name : email.arguments().keySet()) {
                        if (!name.endsWith("Key") && !name.endsWith("Time") && (kind.arguments.contains(name)
                                || email.paragraphs().stream().anyMatch(p -> p.arguments.contains(name)))) {
                            assertThat(r.body()).as(kind + " shows " + name).contains(email.arguments().get(name));
                        }
                    }
                }
                assertThat(fr.subject()).as(kind + " subject in French").isNotEqualTo(en.subject());
                assertThat(fr.body()).as(kind + " body in French").isNotEqualTo(en.body());
            }
        }
    }

    @Test
    void keysAndTimesAreShownInTheRecipientsLanguageWithTheirZone() {
        Email refused = Email.of(EmailKind.FACT_REFUSED, "/applicant/profile", "factKey", "profile.check.citizenship")
                .with(EmailKind.Paragraph.REASON, "reason", "La carte est expirée.");
        EmailTexts.Rendered fr = EmailTexts.render(refused, "fr", "https://match.example.ca");
        assertThat(fr.body()).contains("Citoyenneté ou résidence permanente").contains("La carte est expirée.")
                .contains("https://match.example.ca/applicant/profile");
        Email invited = Email.of(EmailKind.CAP_INVITED, "/applicant/follow-ups", "respondByTime",
                "2025-03-20T21:00-04:00[America/Toronto]");
        assertThat(EmailTexts.render(invited, "en", "https://m.example").body()).contains("March 20, 2025, 9:00").contains("EDT")
                .contains("https://m.example/applicant/follow-ups");
        assertThat(EmailTexts.render(invited, "fr", "https://m.example").body()).contains("20 mars 2025, 21 h 00");
    }

    @Test
    void anEmailMissingAnArgumentOrCarryingAnotherKindsParagraphIsRefused() {
        assertThatThrownBy(() -> Email.of(EmailKind.COUPLE_LIST_SUBMITTED, LINK)).hasMessageContaining("version");
        assertThatThrownBy(() -> Email.of(EmailKind.CONFIRM, LINK).with(EmailKind.Paragraph.CAP_POOL)).hasMessageContaining("CAP_POOL");
        assertThatThrownBy(() -> Email.of(EmailKind.MATCH_RESULT, LINK, "iteration", "1").with(EmailKind.Paragraph.MATCHED, "stream", "x"))
                .hasMessageContaining("faculty");
    }

    @Test
    void anEmailKeepsItsArgumentsAndParagraphsInTheOutbox() {
        Email email = fullest(EmailKind.MATCH_RESULT);
        assertThat(Email.stored(EmailKind.MATCH_RESULT, LINK, email.storedArguments())).isEqualTo(email);
        assertThat(Email.stored(EmailKind.CONFIRM, LINK, null)).isEqualTo(Email.of(EmailKind.CONFIRM, LINK));
    }

    /** Emails are enqueued only as an {@link Email}, and each kind is enqueued by some feature (none is dead). */
    @Test
    void everyKindIsEnqueuedSomewhere() throws IOException {
        Path main = Path.of("src/main/java/org/residencymatch");
        StringBuilder sources = new StringBuilder();
        try (Stream<Path> files = Files.walk(main)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.startsWith(main.resolve("notification"))).toList()) {
                sources.append(Files.readString(file));
            }
        }
        for (EmailKind kind : EmailKind.values()) {
            assertThat(sources.toString()).as(kind + " is enqueued by a feature").contains("EmailKind." + kind.name());
        }
        assertThat(sources.toString()).as("the subject keys of emails are the kinds', never written by hand").doesNotContain("\"email.");
    }
}
