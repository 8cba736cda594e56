package org.residencymatch.matching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.residencymatch.program.ProgramStream;

/**
 * The statistics a match operator publishes after an iteration's release: positions, matches and
 * unfilled positions by discipline, province, faculty and stream type, CMGs and IMGs matched, and
 * what the first iteration leaves unfilled for the second.
 *
 * @param sections one per dimension, in the order {@link #DIMENSIONS}
 * @param carriedToNextIteration whether the unfilled positions go on to the next iteration (the first iteration's do)
 */
public record MatchReport(String cycleId, int iteration, long runId, int positions, int matched, int cmgMatched, int imgMatched,
        int applicants, boolean carriedToNextIteration, List<Section> sections) {

    public static final List<String> DIMENSIONS = List.of("discipline", "province", "faculty", "streamType");

    /** One dimension's lines, by label. */
    public record Section(String dimension, List<Line> lines) {
    }

    /**
     * Positions offered, matched, and left unfilled, under one label (as published: English names, province and
     * stream type codes) and its French form for French pages (the project's names of disciplines and faculties).
     */
    public record Line(String label, String labelFr, int positions, int matched) {
        public int unfilled() {
            return Math.max(0, positions - matched);
        }

        /** The label in a language ("en" or "fr"). */
        public String label(String language) {
            return "fr".equals(language) ? labelFr : label;
        }

        Line plus(int morePositions, int moreMatched) {
            return new Line(label, labelFr, positions + morePositions, matched + moreMatched);
        }
    }

    public int unfilled() {
        return Math.max(0, positions - matched);
    }

    /** The report from the streams, their positions in the iteration, and how many each run matched. */
    static MatchReport of(String cycleId, int iteration, long runId, List<ProgramStream> streams, Map<String, Integer> positions,
            Map<String, Integer> matchedByStream, int cmg, int img, int applicants) {
        Map<String, Function<ProgramStream, String>> labels = new LinkedHashMap<>();
        labels.put("discipline", ProgramStream::disciplineName);
        labels.put("province", s -> s.province().name());
        labels.put("faculty", ProgramStream::facultyName);
        labels.put("streamType", s -> s.type().name());
        Map<String, Function<ProgramStream, String>> frenchLabels = Map.of("discipline", s -> s.disciplineName("fr"), "faculty",
                s -> s.facultyName("fr"));
        List<Section> sections = new ArrayList<>();
        int totalPositions = 0, totalMatched = 0;
        for (ProgramStream s : streams) {
            totalPositions += Math.max(0, positions.getOrDefault(s.streamId(), 0));
            totalMatched += matchedByStream.getOrDefault(s.streamId(), 0);
        }
        for (var dimension : labels.entrySet()) {
            Map<String, Line> lines = new TreeMap<>();
            for (ProgramStream s : streams) {
                String label = dimension.getValue().apply(s);
                String labelFr = frenchLabels.getOrDefault(dimension.getKey(), dimension.getValue()).apply(s);
                int p = Math.max(0, positions.getOrDefault(s.streamId(), 0)), m = matchedByStream.getOrDefault(s.streamId(), 0);
                lines.merge(label, new Line(label, labelFr, p, m), (a, b) -> a.plus(b.positions(), b.matched()));
            }
            sections.add(new Section(dimension.getKey(), List.copyOf(lines.values())));
        }
        return new MatchReport(cycleId, iteration, runId, totalPositions, totalMatched, cmg, img, applicants, iteration == 1, sections);
    }
}
