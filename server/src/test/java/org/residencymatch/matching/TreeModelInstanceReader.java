package org.residencymatch.matching;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.residencymatch.engine.InstanceProblem;
import org.residencymatch.engine.InvalidInstanceException;
import org.residencymatch.engine.MatchInstance;
import org.residencymatch.engine.MatchInstanceBuilder;
import org.residencymatch.engine.ProgramPair;

/**
 * The instance reader as it was before {@link MatchFormat} streamed: the whole file read as a Jackson
 * tree, then checked. Kept, unchanged, as the reference the streaming reader must agree with,
 * problem for problem ({@code MatchFormatTest}).
 */
final class TreeModelInstanceReader {

    private static final String INSTANCE_FORMAT = MatchFormat.INSTANCE_FORMAT;
    private static final ObjectMapper JSON = new ObjectMapper();

    private TreeModelInstanceReader() {
    }

    static MatchInstance readInstance(InputStream in) throws IOException {
        JsonNode root = parse(in, "instance");
        List<InstanceProblem> problems = new ArrayList<>();
        if (!root.isObject()) {
            throw shapeError("instance", "", "(root)", "must be a JSON object");
        }
        checkFormat(root, INSTANCE_FORMAT, "instance", problems);
        MatchInstanceBuilder builder = MatchInstance.builder();
        for (JsonNode program : items(root, "programs", true, problems)) {
            String id = text(program, "program", "id", problems);
            int quota = quota(program, id, problems);
            builder.program(id, quota, idList(program.get("rol"), "program", id, "rol", problems));
        }
        for (JsonNode applicant : items(root, "applicants", true, problems)) {
            String id = text(applicant, "applicant", "id", problems);
            JsonNode rol = applicant.get("rol");
            builder.applicant(id, rol == null || rol.isNull() ? null : idList(rol, "applicant", id, "rol", problems));
        }
        for (JsonNode couple : items(root, "couples", false, problems)) {
            String id = text(couple, "couple", "id", problems);
            String first = text(couple, "couple", "first", problems, id);
            String second = text(couple, "couple", "second", problems, id);
            builder.couple(id, first, second, pairs(couple.get("rol"), id, problems));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInstanceException(problems);
        }
        return builder.build();
    }

    private static JsonNode parse(InputStream in, String kind) throws IOException {
        try {
            JsonNode root = JSON.readTree(in);
            if (root == null || root.isMissingNode()) {
                throw shapeError(kind, "", "(root)", "the file is empty");
            }
            return root;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw shapeError(kind, "", "(json)", "is not well-formed JSON" + where + ": " + e.getOriginalMessage());
        }
    }

    private static void checkFormat(JsonNode root, String expected, String kind, List<InstanceProblem> problems) {
        JsonNode format = root.get("format");
        if (format != null && !expected.equals(format.asText(null))) {
            problems.add(new InstanceProblem(kind, "", "format", "must be \"" + expected + "\", was " + format));
        }
    }

    private static List<JsonNode> items(JsonNode root, String field, boolean required, List<InstanceProblem> problems) {
        JsonNode array = root.get(field);
        if (array == null || array.isNull()) {
            if (required) {
                problems.add(new InstanceProblem("instance", "", field, "is missing: an array is required"));
            }
            return List.of();
        }
        if (!array.isArray()) {
            problems.add(new InstanceProblem("instance", "", field, "must be an array"));
            return List.of();
        }
        List<JsonNode> objects = new ArrayList<>(array.size());
        String kind = field.substring(0, field.length() - 1);
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i).isObject()) {
                objects.add(array.get(i));
            } else {
                problems.add(new InstanceProblem(kind, "", field + "[" + i + "]", "must be an object"));
            }
        }
        return objects;
    }

    private static String text(JsonNode item, String kind, String field, List<InstanceProblem> problems) {
        return text(item, kind, field, problems, null);
    }

    /** A string field; {@code owner} names the item when the field is not its id. */
    private static String text(JsonNode item, String kind, String field, List<InstanceProblem> problems, String owner) {
        JsonNode value = item.get(field);
        if (value != null && value.isTextual()) {
            return value.asText();
        }
        String id = owner != null ? owner : value == null ? "" : value.toString();
        if (value != null && !value.isNull()) {
            problems.add(new InstanceProblem(kind, id, field, "must be a string, was " + value));
        }
        // Missing: left to the builder, which reports a missing id or reference in its own words.
        return null;
    }

    private static int quota(JsonNode program, String id, List<InstanceProblem> problems) {
        JsonNode quota = program.get("quota");
        if (quota == null || !quota.isIntegralNumber() || !quota.canConvertToInt()) {
            problems.add(new InstanceProblem("program", id, "quota",
                    quota == null ? "is missing: an integer >= 0 is required" : "must be an integer >= 0, was " + quota));
            return 0;
        }
        return quota.intValue();
    }

    private static List<String> idList(JsonNode array, String kind, String id, String field, List<InstanceProblem> problems) {
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            problems.add(new InstanceProblem(kind, id, field, "must be an array of ids"));
            return List.of();
        }
        List<String> ids = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode entry = array.get(i);
            if (entry.isTextual()) {
                ids.add(entry.asText());
            } else {
                problems.add(new InstanceProblem(kind, id, field + "[" + i + "]", "must be an id (string), was " + entry));
            }
        }
        return ids;
    }

    private static List<ProgramPair> pairs(JsonNode array, String id, List<InstanceProblem> problems) {
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            problems.add(new InstanceProblem("couple", id, "rol", "must be an array of pairs [first, second]"));
            return List.of();
        }
        List<ProgramPair> pairs = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode pair = array.get(i);
            String field = "rol[" + i + "]";
            if (!pair.isArray() || pair.size() != 2) {
                problems.add(new InstanceProblem("couple", id, field,
                        "must be a pair [program for first, program for second] (null for no match), was " + pair));
                continue;
            }
            String[] sides = new String[2];
            boolean ok = true;
            for (int side = 0; side < 2; side++) {
                JsonNode program = pair.get(side);
                if (program.isTextual()) {
                    sides[side] = program.asText();
                } else if (!program.isNull()) {
                    problems.add(new InstanceProblem("couple", id, field + "[" + side + "]",
                            "must be a program id (string) or null, was " + program));
                    ok = false;
                }
            }
            if (ok) {
                pairs.add(ProgramPair.of(sides[0], sides[1]));
            }
        }
        return pairs;
    }

    private static InvalidInstanceException shapeError(String kind, String id, String field, String why) {
        return new InvalidInstanceException(Arrays.asList(new InstanceProblem(kind, id, field, why)));
    }
}
