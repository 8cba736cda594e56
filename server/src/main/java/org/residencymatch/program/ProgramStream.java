package org.residencymatch.program;

/** A program stream as the catalogue shows it: where it is, what it is, who it is for, and its quota. */
public record ProgramStream(
        String streamId,
        String programId,
        String facultyId,
        String facultyName,
        String facultyNameFr,
        Province province,
        int disciplineId,
        String disciplineName,
        String site,
        String streamName,
        StreamType type,
        boolean returnOfService,
        boolean includesMilitary,
        int quota,
        String url) {

    /** The discipline's name in a language ("en" or "fr"): in French where the project has a translation, else as published. */
    public String disciplineName(String language) {
        return "fr".equals(language) ? FrenchNames.discipline(disciplineId).orElse(disciplineName) : disciplineName;
    }

    /** The stream's name in a language, as {@link #disciplineName(String)}; a published name starts with its site ("Québec - "). */
    public String streamName(String language) {
        return streamName(streamName, site, language);
    }

    /** A stream's published name in a language, its site's part included, for pages that hold the name and the site only. */
    public static String streamName(String published, String site, String language) {
        if (!"fr".equals(language)) return published;
        String sitePrefix = site + " - ";
        if (published.startsWith(sitePrefix)) {
            String frenchSite = site(site, language);
            return FrenchNames.stream(published.substring(sitePrefix.length())).map(french -> frenchSite + " - " + french)
                    .orElse(published);
        }
        return FrenchNames.stream(published).orElse(published);
    }

    /** The stream's site in a language: in French where the project has a translation ({@link FrenchNames#site}), else as published. */
    public String site(String language) {
        return site(site, language);
    }

    public static String site(String published, String language) {
        return "fr".equals(language) ? FrenchNames.site(published).orElse(published) : published;
    }

    /**
     * Whether the faculty names its sites in French (its name is the same in both languages: Laval, Montréal,
     * Sherbrooke); the sites of the others are published in English.
     */
    public boolean sitesNamedInFrench() {
        return facultyName.equals(facultyNameFr);
    }

    public String facultyName(String language) {
        return "fr".equals(language) && facultyNameFr != null ? facultyNameFr : facultyName;
    }
}
