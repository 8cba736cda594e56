package org.residencymatch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code match run | audit | generate}, run in-process on temporary files. */
class MatchCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        CommandLine commandLine = ResidencyMatchCli.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void generateRunAndAuditRoundTrip() throws IOException {
        Path instance = dir.resolve("instance.json");
        Path result = dir.resolve("result.json");

        assertThat(execute("match", "generate", "--applicants", "300", "--programs", "40", "--couples", "10",
                "--seed", "7", "--out", instance.toString())).isZero();
        assertThat(execute("match", "run", "--instance", instance.toString(), "--out", result.toString())).isZero();
        assertThat(execute("match", "audit", "--instance", instance.toString(), "--result", result.toString()))
                .as(err.toString()).isZero();

        JsonNode written = JSON.readTree(result.toFile());
        assertThat(written.get("format").asText()).isEqualTo("residency-match/result@1");
        assertThat(written.get("matches").size()).isEqualTo(300); // every applicant, matched or not
        assertThat(written.get("stable").isBoolean()).isTrue();
        assertThat(written.get("blocking").isArray()).isTrue();
        JsonNode stats = written.get("stats");
        assertThat(stats.get("applicants").asInt()).isEqualTo(300);
        assertThat(stats.get("positions").asInt()).isEqualTo(240);
        assertThat(stats.get("matched").asInt()).isEqualTo(stats.get("filled").asInt()).isPositive();
        assertThat(stats.has("elapsedMillis")).isTrue();
        assertThat(out.toString()).contains("applicants matched");
    }

    @Test
    void runOnTheFormatsOwnShapeGivesTheExpectedMatch() throws IOException {
        Path instance = write("small.json", """
                {
                  "format": "residency-match/instance@1",
                  "programs": [
                    { "id": "27447", "quota": 2, "rol": ["A1", "A7", "A3", "A4"] },
                    { "id": "27416", "quota": 1, "rol": ["A4", "A1"] }
                  ],
                  "applicants": [
                    { "id": "A1", "rol": ["27447", "27416"] },
                    { "id": "A3" },
                    { "id": "A4" },
                    { "id": "A7", "rol": ["27447"] }
                  ],
                  "couples": [
                    { "id": "C1", "first": "A3", "second": "A4",
                      "rol": [["27447", "27416"], ["27447", null], [null, "27416"]] }
                  ]
                }
                """);
        Path result = dir.resolve("result.json");

        assertThat(execute("match", "run", "--instance", instance.toString(), "--out", result.toString())).isZero();

        JsonNode matches = JSON.readTree(result.toFile()).get("matches");
        assertThat(matches.get("A1").asText()).isEqualTo("27447");
        assertThat(matches.get("A7").asText()).isEqualTo("27447");
        // The couple's only workable pair is [null, "27416"]: A3 unmatched, A4 at 27416.
        assertThat(matches.get("A3").isNull()).isTrue();
        assertThat(matches.get("A4").asText()).isEqualTo("27416");
        assertThat(JSON.readTree(result.toFile()).get("stable").asBoolean()).isTrue();
    }

    @Test
    void malformedInstanceIsRefusedWholeAndNothingIsWritten() throws IOException {
        Path instance = write("bad.json", """
                {
                  "programs": [
                    { "id": "P1", "quota": -1, "rol": ["A1", "A1"] },
                    { "id": "P2", "quota": "two" }
                  ],
                  "applicants": [
                    { "id": "A1", "rol": ["P1", "Nowhere"] },
                    { "id": "A1" },
                    { "id": "A2", "rol": ["P1"] },
                    { "id": "A3" }
                  ],
                  "couples": [
                    { "id": "C1", "first": "A2", "second": "A3", "rol": [[null, null], ["P1"]] }
                  ]
                }
                """);
        Path result = dir.resolve("result.json");

        int exit = execute("match", "run", "--instance", instance.toString(), "--out", result.toString());

        assertThat(exit).isNotZero();
        assertThat(result).doesNotExist();
        assertThat(Files.list(dir)).allMatch(file -> file.getFileName().toString().equals("bad.json"));
        // The JSON shape problems are reported first (the instance rules are checked once the shape is right).
        assertThat(err.toString())
                .contains("refused, nothing written")
                .contains("program \"P2\", field quota: must be an integer >= 0, was \"two\"")
                .contains("couple \"C1\", field rol[1]: must be a pair");
    }

    @Test
    void instanceRulesAreReportedWithKindIdFieldAndWhy() throws IOException {
        Path instance = write("bad.json", """
                {
                  "programs": [ { "id": "P1", "quota": -1, "rol": ["A1", "A1"] } ],
                  "applicants": [
                    { "id": "A1", "rol": ["P1", "Nowhere"] },
                    { "id": "A1" },
                    { "id": "A2", "rol": ["P1"] },
                    { "id": "A3" }
                  ],
                  "couples": [ { "id": "C1", "first": "A2", "second": "A3", "rol": [[null, null]] } ]
                }
                """);
        Path result = dir.resolve("result.json");

        assertThat(execute("match", "run", "--instance", instance.toString(), "--out", result.toString())).isEqualTo(1);

        assertThat(result).doesNotExist();
        assertThat(err.toString())
                .contains("program \"P1\", field quota: must be an integer >= 0, was -1")
                .contains("program \"P1\", field rol[1]: applicant \"A1\" is ranked twice (also at rol[0])")
                .contains("applicant \"A1\", field id: duplicate applicant id")
                .contains("applicant \"A1\", field rol[1]: refers to unknown program \"Nowhere\"")
                .contains("applicant \"A2\", field rol: is a member of couple \"C1\"")
                .contains("couple \"C1\", field rol[0]: [null, null] is not allowed");
    }

    @Test
    void brokenJsonIsRefusedWithItsPosition() throws IOException {
        Path instance = write("broken.json", "{ \"programs\": [ { \"id\": \"P1\", ");
        Path result = dir.resolve("result.json");

        assertThat(execute("match", "run", "--instance", instance.toString(), "--out", result.toString())).isEqualTo(1);

        assertThat(result).doesNotExist();
        assertThat(err.toString()).contains("is not well-formed JSON at line 1");
    }

    @Test
    void generateIsDeterministic() throws IOException {
        Path first = dir.resolve("first.json");
        Path second = dir.resolve("second.json");
        Path other = dir.resolve("other.json");
        String[] common = {"match", "generate", "--applicants", "400", "--programs", "50", "--couples", "12"};

        assertThat(execute(concat(common, "--seed", "11", "--out", first.toString()))).isZero();
        assertThat(execute(concat(common, "--seed", "11", "--out", second.toString()))).isZero();
        assertThat(execute(concat(common, "--seed", "12", "--out", other.toString()))).isZero();

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
        assertThat(Files.readAllBytes(other)).isNotEqualTo(Files.readAllBytes(first));
        JsonNode instance = JSON.readTree(first.toFile());
        assertThat(instance.get("format").asText()).isEqualTo("residency-match/instance@1");
        assertThat(instance.get("applicants").size()).isEqualTo(400);
        assertThat(instance.get("couples").size()).isEqualTo(12);
    }

    @Test
    void auditRejectsATamperedResultWithReasons() throws IOException {
        Path instance = dir.resolve("instance.json");
        Path result = dir.resolve("result.json");
        assertThat(execute("match", "generate", "--applicants", "200", "--programs", "30", "--seed", "5",
                "--out", instance.toString())).isZero();
        assertThat(execute("match", "run", "--instance", instance.toString(), "--out", result.toString())).isZero();

        // Unmatch someone who was matched: the freed position makes them (at least) block.
        ObjectNode tampered = (ObjectNode) JSON.readTree(result.toFile());
        ObjectNode matches = (ObjectNode) tampered.get("matches");
        String victim = null;
        for (var names = matches.fieldNames(); names.hasNext() && victim == null;) {
            String applicant = names.next();
            if (!matches.get(applicant).isNull()) {
                victim = applicant;
            }
        }
        matches.putNull(victim);
        Path tamperedFile = dir.resolve("tampered.json");
        JSON.writeValue(tamperedFile.toFile(), tampered);

        assertThat(execute("match", "audit", "--instance", instance.toString(), "--result", tamperedFile.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("NOT STABLE").contains("blocking: applicant \"" + victim + "\"");
    }

    /** Roth (1984): every matching is blocked. */
    private static final String NO_STABLE_MATCHING = """
            {
              "format": "residency-match/instance@1",
              "programs": [
                { "id": "h1", "quota": 1, "rol": ["a", "s"] },
                { "id": "h2", "quota": 1, "rol": ["s", "b"] }
              ],
              "applicants": [ { "id": "s", "rol": ["h1", "h2"] }, { "id": "a" }, { "id": "b" } ],
              "couples": [ { "id": "C", "first": "a", "second": "b", "rol": [["h1", "h2"]] } ]
            }
            """;

    @Test
    void exactRunProvesThatNoStableMatchingExistsAndStillWritesTheBestMatchingWithWhatBlocks() throws IOException {
        Path instance = write("roth.json", NO_STABLE_MATCHING);
        Path result = dir.resolve("result.json");

        assertThat(execute("match", "run", "--exact", "--instance", instance.toString(), "--out", result.toString()))
                .as(err.toString()).isZero();

        JsonNode written = JSON.readTree(result.toFile());
        assertThat(written.get("stable").asBoolean()).isFalse();
        assertThat(written.get("blocking").size()).isPositive();
        assertThat(written.get("stats").get("exact").asText()).isEqualTo("no-stable-matching");
        assertThat(out.toString()).contains("no stable matching exists (proved)");
    }

    @Test
    void exactRunFindsAStableMatchingTheAuditConfirms() throws IOException {
        Path instance = dir.resolve("hard.json");
        Path result = dir.resolve("result.json");
        assertThat(execute("match", "generate", "--hard", "--applicants", "120", "--programs", "12", "--couples", "10",
                "--seed", "3", "--out", instance.toString())).isZero();

        assertThat(execute("match", "run", "--exact", "--instance", instance.toString(), "--out", result.toString()))
                .as(err.toString()).isZero();

        JsonNode stats = JSON.readTree(result.toFile()).get("stats");
        String verdict = stats.get("exact").asText();
        assertThat(verdict).isIn("stable", "no-stable-matching");
        if (verdict.equals("stable")) {
            assertThat(stats.get("strategy").asText()).isEqualTo("exact");
            assertThat(execute("match", "audit", "--instance", instance.toString(), "--result", result.toString()))
                    .as(err.toString()).isZero();
        }
    }

    @Test
    void exactRunRefusesAnInstanceTooLargeForIt() throws IOException {
        Path instance = dir.resolve("large.json");
        assertThat(execute("match", "generate", "--applicants", "1200", "--programs", "50", "--couples", "5",
                "--seed", "1", "--out", instance.toString())).isZero();

        assertThat(execute("match", "run", "--exact", "--instance", instance.toString(), "--out", dir.resolve("r.json").toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("too many for --exact");
        assertThat(dir.resolve("r.json")).doesNotExist();
    }

    @Test
    void resultNamesTheStrategyThatFoundIt() throws IOException {
        Path instance = dir.resolve("hard.json");
        Path result = dir.resolve("result.json");
        assertThat(execute("match", "generate", "--hard", "--skew", "0.8", "--applicants", "600", "--programs", "60",
                "--couples", "30", "--seed", "5", "--out", instance.toString())).isZero();

        assertThat(execute("match", "run", "--instance", instance.toString(), "--out", result.toString())).isZero();

        JsonNode stats = JSON.readTree(result.toFile()).get("stats");
        assertThat(stats.get("strategy").asText()).isIn("kojima-pathak-roth", "roth-peranson", "random-paths");
        assertThat(stats.get("attempts").asInt()).isPositive();
        assertThat(stats.get("budgetExhausted").asBoolean()).isFalse();
        assertThat(stats.has("exact")).isFalse();
    }

    @Test
    void sameInstanceAndSeedGiveTheSameFileByteForByteButTheElapsedTime() throws IOException {
        Path instance = dir.resolve("hard.json");
        assertThat(execute("match", "generate", "--hard", "--applicants", "300", "--programs", "30", "--couples", "20",
                "--seed", "12", "--out", instance.toString())).isZero();
        Path first = dir.resolve("first.json");
        Path second = dir.resolve("second.json");

        assertThat(execute("match", "run", "--seed", "9", "--instance", instance.toString(), "--out", first.toString())).isZero();
        assertThat(execute("match", "run", "--seed", "9", "--instance", instance.toString(), "--out", second.toString())).isZero();

        String elapsed = "\"elapsedMillis\":[0-9]+";
        assertThat(Files.readString(second).replaceAll(elapsed, ""))
                .isEqualTo(Files.readString(first).replaceAll(elapsed, ""));
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static String[] concat(String[] first, String... rest) {
        String[] all = java.util.Arrays.copyOf(first, first.length + rest.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }
}
