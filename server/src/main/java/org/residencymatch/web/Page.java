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
    public record Name(String text, String lang) {
    }

    /** A stream's discipline in the reader's language (French names are the project's translations); English marked as such. */
    public Name discipline(org.residencymatch.program.ProgramStream s) {
        return name(s.disciplineName(m.language()), s.disciplineName());
    }

    /** A discipline by its id and published (English) name, as {@link #discipline(org.residencymatch.program.ProgramStream)}. */
    public Name discipline(int disciplineId, String english) {
        return name("fr".equals(m.language()) ? org.residencymatch.program.FrenchNames.discipline(disciplineId).orElse(english) : english,
                english);
    }

    /** A discipline by its published (English) name, as {@link #discipline(org.residencymatch.program.ProgramStream)}. */
    public Name discipline(String english) {
        return name("fr".equals(m.language()) ? org.residencymatch.program.FrenchNames.disciplineNamed(english).orElse(english) : english,
                english);
    }

    /** A stream's name in the reader's language, as {@link #discipline}. */
    public Name streamName(org.residencymatch.program.ProgramStream s) {
        return name(s.streamName(m.language()), s.streamName());
    }

    /** A stream's name as published with its site (a match result's row), as {@link #streamName(org.residencymatch.program.ProgramStream)}. */
    public Name streamName(String published, String site) {
        return name(org.residencymatch.program.ProgramStream.streamName(published, site, m.language()), published);
    }

    /**
     * A stream's site in the reader's language: translated where the project has a French name for it, named by a
     * faculty that names its sites in French, or else as the catalogue publishes it, in English, marked as such.
     */
    public Name site(org.residencymatch.program.ProgramStream s) {
        return site(s.site(), s.sitesNamedInFrench());
    }

    /** A site as published, as {@link #site(org.residencymatch.program.ProgramStream)}; {@code namedInFrench} for Laval, Montréal, Sherbrooke. */
    public Name site(String published, boolean namedInFrench) {
        String shown = org.residencymatch.program.ProgramStream.site(published, m.language());
        return new Name(shown, shown.equals(published) && !namedInFrench ? englishOnly() : null);
    }

    /**
     * Why a partner's list row matched as it did, in the reader's language: the matcher's explanation is kept in
     * English ({@link org.residencymatch.lists.IdentityMatcher.Reason}); one it did not write is shown as stored, marked English.
     */
    public Name matchExplanation(String explanation) {
        return org.residencymatch.lists.IdentityMatcher.Reason.of(explanation)
                .map(r -> new Name(t("identity.reason." + r.getKey().name(), String.join(", ", r.getValue().stream()
                        .map(key -> t("listColumn." + (key.equals("MCC_CODE") ? "MCC_CANDIDATE_CODE" : key))).toList())), null))
                .orElseGet(() -> new Name(explanation, englishOnly()));
    }

    /**
     * Who decided a fact, in the reader's language: the service and the demo record the deciding body by a description
     * in English ("the match operator"...), shown through {@code decidedBy.*}; a person's or body's own name is shown as is.
     */
    public String decidedBy(String recorded) {
        String key = switch (recorded == null ? "" : recorded) {
            case DocumentRoutes.OPERATOR_NAME -> "decidedBy.operator";
            case "the applicant's faculty" -> "decidedBy.faculty";
            case "the Medical Council of Canada" -> "decidedBy.mcc";
            case "BCI's QIMG list" -> "decidedBy.qimgList";
            default -> null;
        };
        return key == null ? recorded : t(key);
    }

    /** A value of a partner list's extra column, written the reader's way; an empty one is said to be empty. */
    public String listValue(Object value) {
        if (value == null) return t("lists.preview.emptyValue");
        if (value instanceof org.residencymatch.eligibility.CmqApproval cmq) return t("profile.cmq." + cmq.name());
        if (value instanceof java.math.BigDecimal score) {
            java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(m.locale());
            format.setMinimumFractionDigits(Math.max(0, score.scale()));
            return format.format(score);
        }
        return value.toString();
    }

    /** An audit action in the reader's language ({@code audit.action.<code>}); a code without a text shows as itself. */
    public String auditAction(String code) {
        return m.has("audit.action." + code) ? t("audit.action." + code) : code;
    }

    /** A family of audit actions ({@code list.}), as the audit filter offers it. */
    public String auditFamily(String prefix) {
        String family = prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return m.has("audit.familyName." + family) ? t("audit.familyName." + family) : t("audit.family", prefix);
    }

    private Name name(String shown, String english) {
        return new Name(shown, shown.equals(english) ? englishOnly() : null);
    }

    public boolean signedIn() {
        return user != null;
    }
}
