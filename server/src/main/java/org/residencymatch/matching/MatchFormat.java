package org.residencymatch.matching;

import static org.residencymatch.matching.MatchJson.checkFormat;
import static org.residencymatch.matching.MatchJson.shapeError;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.residencymatch.engine.InstanceProblem;
import org.residencymatch.engine.InvalidInstanceException;
import org.residencymatch.engine.MatchInstance;
import org.residencymatch.engine.MatchResult;

/**
 * Reads and writes the match instance and result JSON of {@code docs/MATCH-FORMAT.md} (version 1):
 * the instance is read by {@link InstanceJsonReader} (streaming), instances and results are written
 * by {@link MatchFormatWriter}, a result file is read back here (a tree: it is read only to be
 * audited).
 *
 * <p>The readers check only the JSON shape (an array where an array belongs, a string id, an
 * integer quota, pairs of two); the rules of the instance itself (unique ids, known references, no
 * duplicates, couples) are the engine builder's, so that a service building instances in memory
 * gets the same checks. Both kinds of problem are reported the same way: an
 * {@link InvalidInstanceException} naming kind, id, field and why for each.
 *
 * <p>Unknown fields are ignored: the format may gain optional fields.
 */
public final class MatchFormat {

    public static final String INSTANCE_FORMAT = "residency-match/instance@1";
    public static final String RESULT_FORMAT = "residency-match/result@1";

    private MatchFormat() {
    }

    // ---- instance -----------------------------------------------------------------------------

    /**
     * Reads an instance, in one streaming pass (see {@link InstanceJsonReader}). The problems
     * reported are exactly those of a reading of the whole tree: a file that is not well-formed JSON
     * gives only that error; otherwise the format, then the programs, applicants and couples are
     * checked in that order whatever the order of the fields in the file, a field given twice counts
     * with its last value, and a wrong value is shown as the JSON it is.
     *
     * @throws InvalidInstanceException listing every problem, when the JSON or the instance is wrong
     * @throws IOException              when the stream cannot be read
     */
    public static MatchInstance readInstance(InputStream in) throws IOException {
        return InstanceJsonReader.read(in);
    }

    /** Writes an instance, one item a line (ROLs inline) so large files stay readable and diffable. */
    public static void writeInstance(MatchInstance instance, OutputStream out) throws IOException {
        MatchFormatWriter.writeInstance(instance, out);
    }

    // ---- result -------------------------------------------------------------------------------

    /** A result file as read back: the matches by applicant id, and the stable flag it claims. */
    public record ResultFile(Map<String, String> matches, boolean stable) {
    }

    /**
     * Writes a result: every applicant with its stream or {@code null}, the audit's verdict, the
     * blocking pairs, and counts.
     *
     * @param seed the seed the run used, recorded in the stats so the run can be repeated
     */
    public static void writeResult(MatchResult result, long seed, OutputStream out) throws IOException {
        MatchFormatWriter.writeResult(result, seed, null, out);
    }

    /**
     * Writes a result, with the exact method's verdict in the stats ({@code "exact"}:
     * {@code "stable"}, {@code "no-stable-matching"} or {@code "unknown"}) when it ran.
     *
     * @param exactVerdict the verdict, or {@code null} when the exact method did not run
     */
    public static void writeResult(MatchResult result, long seed, String exactVerdict, OutputStream out) throws IOException {
        MatchFormatWriter.writeResult(result, seed, exactVerdict, out);
    }

    /**
     * Reads a result file's matches (for an audit).
     *
     * @throws InvalidInstanceException when the file is not a result in the format's shape
     */
    public static ResultFile readResult(InputStream in) throws IOException {
        JsonNode root = MatchJson.parse(in, "result");
        if (!root.isObject()) {
            throw shapeError("result", "", "(root)", "must be a JSON object");
        }
        List<InstanceProblem> problems = new ArrayList<>();
        checkFormat(root, RESULT_FORMAT, "result", problems);
        JsonNode matches = root.get("matches");
        Map<String, String> byApplicant = new LinkedHashMap<>();
        if (matches == null || !matches.isObject()) {
            problems.add(new InstanceProblem("result", "", "matches", "must be an object of applicant id -> program id or null"));
        } else {
            for (Map.Entry<String, JsonNode> match : matches.properties()) {
                JsonNode program = match.getValue();
                if (program.isNull()) {
                    byApplicant.put(match.getKey(), null);
                } else if (program.isTextual()) {
                    byApplicant.put(match.getKey(), program.asText());
                } else {
                    problems.add(new InstanceProblem("result", "", "matches." + match.getKey(), "must be a program id (string) or null"));
                }
            }
        }
        JsonNode stable = root.get("stable");
        if (stable != null && !stable.isBoolean()) {
            problems.add(new InstanceProblem("result", "", "stable", "must be true or false"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInstanceException(problems);
        }
        return new ResultFile(byApplicant, stable != null && stable.asBoolean());
    }
}
