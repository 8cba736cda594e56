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
        String url) {}
