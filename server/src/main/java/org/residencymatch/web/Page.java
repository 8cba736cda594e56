package org.residencymatch.web;

import org.residencymatch.account.Principal;

/**
 * What every page template needs besides its own model: the texts in the visitor's language, the
 * CSRF token for its forms, the signed-in user (or null) and the current path (for the language
 * switch to come back to).
 */
public record Page(Messages m, String csrfToken, Principal user, String path, String title) {

    public String t(String key, Object... args) {
        return m.t(key, args);
    }

    /** A text whose arguments may be times, dates, phases or other texts, written the reader's way ({@link Refusals#text}). */
    public String t(String key, java.util.List<?> args) {
        return Refusals.text(m, key, args);
    }

    /** What a refusal says, in the reader's language. */
    public String refusal(org.residencymatch.Refusal refusal) {
        return Refusals.message(m, refusal);
    }

    /**
     * The {@code lang} of a text that exists only in English (discipline and stream names, as the
     * catalogue publishes them): "en" on a French page, so screen readers pronounce it as English;
     * null on an English page, where JTE then leaves the attribute out.
     */
    public String englishOnly() {
        return m.language().equals("en") ? null : "en";
    }

    /** A name shown in the page's language where it has one, with the {@code lang} to mark it (null: the page's own language). */
    public record Name(String text, String lang) {}

    /** A stream's discipline in the reader's language (French names are the project's translations); English marked as such. */
    public Name discipline(org.residencymatch.program.ProgramStream s) {
        return name(s.disciplineName(m.language()), s.disciplineName());
    }

    /** A discipline by its id and published (English) name, as {@link #discipline(org.residencymatch.program.ProgramStream)}. */
    public Name discipline(int disciplineId, String english) {
        return name("fr".equals(m.language()) ? org.residencymatch.program.FrenchNames.discipline(disciplineId).orElse(english) : english, english);
    }

    /** A discipline by its published (English) name, as {@link #discipline(org.residencymatch.program.ProgramStream)}. */
    public Name discipline(String english) {
        return name("fr".equals(m.language()) ? org.residencymatch.program.FrenchNames.disciplineNamed(english).orElse(english) : english, english);
    }

    /** A stream's name in the reader's language, as {@link #discipline}. */
    public Name streamName(org.residencymatch.program.ProgramStream s) {
        return name(s.streamName(m.language()), s.streamName());
    }

    private Name name(String shown, String english) {
        return new Name(shown, shown.equals(english) ? englishOnly() : null);
    }

    public boolean signedIn() {
        return user != null;
    }
}
