package org.residencymatch.eligibility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes one cycle's rules files as a Markdown page for people ({@code docs/eligibility/<cycle>.md}):
 * the condition vocabulary from {@link RulesFileParser.Condition}, then a table of the rules of each
 * iteration and their messages in both languages. {@link RulesTableTest} checks that the committed
 * pages are what this writes.
 */
final class RulesTable {

    /** The rules files, from the server module's directory (where the tests run). */
    static final Path RULES = Path.of("src", "main", "resources", "eligibility");
    /** The generated pages. */
    static final Path PAGES = Path.of("..", "docs", "eligibility");

    private static final ObjectMapper JSON = new ObjectMapper();

    private RulesTable() {
    }

    /** The cycles that have rules files, sorted. */
    static List<String> cycles() {
        try (Stream<Path> dirs = Files.list(RULES)) {
            return dirs.filter(Files::isDirectory).map(dir -> dir.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rules files of a cycle, by iteration. */
    static List<Path> files(String cycle) {
        try (Stream<Path> files = Files.list(RULES.resolve(cycle))) {
            return files.filter(file -> file.getFileName().toString().matches("iteration-[0-9]+\\.json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String page(String cycle) {
        StringBuilder out = new StringBuilder();
        out.append("# Eligibility rules of ").append(cycle).append("\n\n");
        out.append("<!-- Generated from server/src/main/resources/eligibility/").append(cycle)
                .append("/ by RulesTableTest: do not edit. To regenerate:\n")
                .append("     ").append(RulesTableTest.REGENERATE).append(" -->\n\n");
        out.append("Every rule that decides whether an applicant may select a program stream in ").append(cycle)
                .append(", one table per iteration, generated from the rules files `server/src/main/resources/eligibility/")
                .append(cycle).append("/iteration-N.json`. A rule applies to the streams and applicants its first")
                .append(" columns name, when all its guards hold; it then requires its condition, and when that fails the")
                .append(" applicant gets the decision and reason code shown, with the messages below. See")
                .append(" [DOMAIN.md](../DOMAIN.md), \"Who may apply where\", for the rules in words.\n\n");
        out.append("## The conditions\n\n| condition | written as | holds when |\n| --- | --- | --- |\n");
        for (RulesFileParser.Condition condition : RulesFileParser.Condition.values()) {
            out.append("| `").append(condition.field).append("` | `").append(cell(condition.written)).append("` | ")
                    .append(cell(condition.meaning)).append(" |\n");
        }
        for (Path file : files(cycle)) {
            JsonNode root = read(file);
            out.append("\n## Iteration ").append(root.get("iteration").asInt()).append("\n\n");
            out.append("`").append(file.getFileName()).append("`, version ").append(root.get("version").asInt())
                    .append("; training starts ").append(root.get("trainingStartDate").asText()).append('.');
            if (root.hasNonNull("description")) {
                out.append(' ').append(root.get("description").asText());
            }
            out.append(" While a required list has not been received, the decision is PENDING with the code `")
                    .append(root.get("listNotReceived").get("code").asText()).append("`.\n\n");
            out.append("Who verifies each fact the rules read, and what a rule resting on it decides until then (BLOCKING:")
                    .append(" PENDING; PROVISIONAL: selectable, subject to verification; refused: NOT_ELIGIBLE):\n\n")
                    .append("| fact | policy | verified by | document | code | contact |\n| --- | --- | --- | --- | --- | --- |\n");
            JsonNode verification = root.get("verification");
            for (java.util.Iterator<String> names = verification.fieldNames(); names.hasNext();) {
                String fact = names.next();
                JsonNode policy = verification.get(fact);
                boolean declared = "SELF_DECLARED".equals(policy.get("policy").asText());
                out.append("| `").append(fact).append("` | ").append(policy.get("policy").asText()).append(" | ")
                        .append(declared ? "the applicant" : values(policy.get("verifiedBy"))).append(" | ")
                        .append(policy.hasNonNull("document") ? policy.get("document").asText() : "-").append(" | ")
                        .append(declared ? "-" : "`" + policy.get("code").asText() + "`").append(" | ")
                        .append(declared ? "-" : policy.get("nextStep").get("contact").asText()).append(" |\n");
            }
            out.append('\n');
            out.append("| rule | streams | applicants | requires | if not | code | contact |\n")
                    .append("| --- | --- | --- | --- | --- | --- | --- |\n");
            List<JsonNode> rules = new ArrayList<>();
            root.get("rules").forEach(rules::add);
            rules.sort((a, b) -> a.get("id").asText().compareTo(b.get("id").asText()));
            for (JsonNode rule : rules) {
                JsonNode appliesTo = rule.get("appliesTo");
                List<String> applicants = new ArrayList<>();
                if (appliesTo.has("categories")) applicants.add(values(appliesTo.get("categories")));
                if (rule.has("when")) rule.get("when").forEach(guard -> applicants.add(condition(guard)));
                out.append("| `").append(rule.get("id").asText()).append("` | ")
                        .append(cell(streams(appliesTo))).append(" | ")
                        .append(cell(applicants.isEmpty() ? "any" : String.join("; ", applicants))).append(" | ")
                        .append(cell(condition(rule.get("require")))).append(" | ")
                        .append(rule.get("onFailure").asText()).append(" | `")
                        .append(rule.get("code").asText()).append("` | ")
                        .append(rule.get("nextStep").get("contact").asText()).append(" |\n");
            }
            out.append("\n### Messages of iteration ").append(root.get("iteration").asInt()).append("\n");
            for (JsonNode rule : rules) {
                out.append("\n`").append(rule.get("id").asText()).append("`");
                if (rule.hasNonNull("note")) out.append(" (note: ").append(rule.get("note").asText()).append(')');
                out.append("\n\n- en: ").append(rule.get("message").get("en").asText())
                        .append(" *Next:* ").append(rule.get("nextStep").get("en").asText())
                        .append("\n- fr: ").append(rule.get("message").get("fr").asText())
                        .append(" *Ensuite :* ").append(rule.get("nextStep").get("fr").asText()).append('\n');
            }
            out.append("\n### Verification messages of iteration ").append(root.get("iteration").asInt()).append("\n");
            for (java.util.Iterator<String> names = verification.fieldNames(); names.hasNext();) {
                String fact = names.next();
                JsonNode policy = verification.get(fact);
                if (!policy.has("message")) continue;
                out.append("\n`").append(fact).append("`\n\n- en: ").append(policy.get("message").get("en").asText())
                        .append(" Refused: ").append(policy.get("refusedMessage").get("en").asText())
                        .append(" *Next:* ").append(policy.get("nextStep").get("en").asText())
                        .append("\n- fr: ").append(policy.get("message").get("fr").asText())
                        .append(" Refusé : ").append(policy.get("refusedMessage").get("fr").asText())
                        .append(" *Ensuite :* ").append(policy.get("nextStep").get("fr").asText()).append('\n');
            }
        }
        return out.toString();
    }

    private static String streams(JsonNode appliesTo) {
        List<String> parts = new ArrayList<>();
        parts.add(appliesTo.has("streamTypes") ? values(appliesTo.get("streamTypes")) : "any type");
        if (appliesTo.has("provinces")) parts.add("in " + values(appliesTo.get("provinces")));
        if (appliesTo.has("exceptProvinces")) parts.add("except " + values(appliesTo.get("exceptProvinces")));
        if (appliesTo.has("returnOfService")) {
            parts.add(appliesTo.get("returnOfService").asBoolean() ? "with return of service" : "without return of service");
        }
        if (appliesTo.has("includesMilitary")) {
            parts.add(appliesTo.get("includesMilitary").asBoolean() ? "including MOTP/MMTP" : "not including MOTP/MMTP");
        }
        return String.join(", ", parts);
    }

    /** A condition as its vocabulary name and its value, e.g. {@code onList AIMG}. */
    private static String condition(JsonNode node) {
        String field = node.fieldNames().next();
        RulesFileParser.Condition.named(field)
                .orElseThrow(() -> new IllegalArgumentException("not in the vocabulary: " + field));
        JsonNode value = node.get(field);
        if (value.isBoolean()) return field;
        if (value.isArray()) return field + " " + values(value);
        if (value.isObject()) {
            List<String> parts = new ArrayList<>();
            for (Iterator<String> names = value.fieldNames(); names.hasNext();) {
                String name = names.next();
                parts.add(name + " " + value.get(name).asText());
            }
            return field + " (" + String.join(", ", parts) + ")";
        }
        return field + " " + value.asText();
    }

    private static String values(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return String.join(", ", values);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
