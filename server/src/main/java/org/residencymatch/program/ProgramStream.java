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
        if (!"fr".equals(language)) return streamName;
        String sitePrefix = site + " - ";
        if (streamName.startsWith(sitePrefix)) {
            return FrenchNames.stream(streamName.substring(sitePrefix.length())).map(french -> sitePrefix + french).orElse(streamName);
        }
        return FrenchNames.stream(streamName).orElse(streamName);
    }

    public String facultyName(String language) {
        return "fr".equals(language) && facultyNameFr != null ? facultyNameFr : facultyName;
    }
}
