package org.residencymatch.matching;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.residencymatch.cli.ResidencyMatchCli;
import org.residencymatch.engine.InstanceProblem;
import org.residencymatch.engine.InvalidInstanceException;
import org.residencymatch.engine.MatchEngine;
import org.residencymatch.engine.MatchInstance;
import org.residencymatch.engine.MatchResult;
import org.residencymatch.engine.ProgramPair;
import org.residencymatch.engine.generate.GeneratorSpec;
import org.residencymatch.engine.generate.InstanceGenerator;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The JSON layer of {@code docs/MATCH-FORMAT.md}: round trips, every JSON-shape problem (kind, id, field,
 * why), and agreement, problem for problem, between the streaming instance reader and the tree
 * reading it replaced ({@link TreeModelInstanceReader}) on thousands of mangled files.
 */
class MatchFormatTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String SMALL = """
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
            """;

    @TempDir
    Path dir;

    // ---- round trips --------------------------------------------------------------------------

    @Test
    void readsTheFormatsOwnExample() throws IOException {
        MatchInstance instance = read(SMALL);

        assertThat(instance.programCount()).isEqualTo(2);
        assertThat(instance.applicantCount()).isEqualTo(4);
        assertThat(instance.coupleCount()).isEqualTo(1);
        assertThat(instance.programId(0)).isEqualTo("27447");
        assertThat(instance.quota(0)).isEqualTo(2);
        assertThat(instance.programRolIds(0)).containsExactly("A1", "A7", "A3", "A4");
        assertThat(instance.applicantRolIds(0)).containsExactly("27447", "27416");
        assertThat(instance.couplePairIds(0)).containsExactly(
                ProgramPair.of("27447", "27416"), ProgramPair.of("27447", null), ProgramPair.of(null, "27416"));
    }

    @Test
    void aGeneratedInstanceRoundTripsByteForByte() throws IOException {
        MatchInstance generated = InstanceGenerator.generate(GeneratorSpec.of(400, 50, 12, 3), (phase, done, total) -> {
        });
        byte[] written = write(generated);

        MatchInstance read = MatchFormat.readInstance(new ByteArrayInputStream(written));

        assertThat(write(read)).isEqualTo(written);
        assertThat(read.applicantCount()).isEqualTo(400);
        assertThat(read.coupleCount()).isEqualTo(12);
    }

    @Test
    void fieldOrderUnknownFieldsAndWhitespaceDoNotMatter() throws IOException {
        MatchInstance reordered = read("""
                { "couples": [ { "rol": [["27447", "27416"], ["27447", null], [null, "27416"]], "note": {"x": [1, 2.5, null]},
                                 "second": "A4", "first": "A3", "id": "C1" } ],
                  "applicants": [ { "rol": ["27447", "27416"], "id": "A1", "extra": true }, { "id": "A3" }, { "id": "A4", "rol": null },
                                  { "id": "A7", "rol": ["27447"] } ],
                  "comment": "unknown fields are ignored",
                  "programs": [ { "rol": ["A1", "A7", "A3", "A4"], "quota": 2, "id": "27447" },
                                { "quota": 1, "id": "27416", "rol": ["A4", "A1"], "name": "Family medicine" } ],
                  "format": "residency-match/instance@1" }
                """);

        assertThat(write(reordered)).isEqualTo(write(read(SMALL)));
    }

    @Test
    void aFieldGivenTwiceCountsWithItsLastValue() throws IOException {
        MatchInstance instance = read("""
                { "programs": [ { "id": "P0", "id": "P1", "quota": "x", "quota": 1, "rol": [1], "rol": ["A1"] } ],
                  "applicants": "not yet",
                  "applicants": [ { "id": "A1", "rol": ["P1"] } ] }
                """);

        assertThat(instance.programId(0)).isEqualTo("P1");
        assertThat(instance.quota(0)).isEqualTo(1);
        assertThat(instance.programRolIds(0)).containsExactly("A1");
    }

    @Test
    void aResultRoundTrips() throws IOException {
        MatchResult result = new MatchEngine().run(read(SMALL), 42L);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MatchFormat.writeResult(result, 42L, out);

        MatchFormat.ResultFile file = MatchFormat.readResult(new ByteArrayInputStream(out.toByteArray()));

        assertThat(file.matches()).isEqualTo(result.assignments());
        assertThat(file.stable()).isEqualTo(result.stable());
        JsonNode json = JSON.readTree(out.toByteArray());
        assertThat(json.get("format").asText()).isEqualTo(MatchFormat.RESULT_FORMAT);
        assertThat(json.get("stats").get("seed").asLong()).isEqualTo(42L);
        assertThat(json.get("blocking").isArray()).isTrue();
    }

    // ---- every JSON-shape problem ---------------------------------------------------------------

    static Stream<Arguments> shapeProblems() {
        return Stream.of(
                // the file as a whole
                problem("", "instance \"\", field (root): the file is empty"),
                problem("  \n ", "instance \"\", field (root): the file is empty"),
                problem("[1, 2]", "instance \"\", field (root): must be a JSON object"),
                problem("\"instance\"", "instance \"\", field (root): must be a JSON object"),
                problem("null", "instance \"\", field (root): must be a JSON object"),
                problem("{ \"programs\": [ { \"id\": \"P1\", ",
                        "instance \"\", field (json): is not well-formed JSON at line 1, column 31: Unexpected end-of-input"),
                problem("{ \"programs\": [ 1, 2 ] ] }", "instance \"\", field (json): is not well-formed JSON at line 1"),
                problem("[1, 2", "instance \"\", field (json): is not well-formed JSON at line 1"),
                // the format
                problem("{ \"format\": \"residency-match/instance@2\", \"programs\": [], \"applicants\": [] }",
                        "instance \"\", field format: must be \"residency-match/instance@1\", was \"residency-match/instance@2\""),
                problem("{ \"format\": 1, \"programs\": [], \"applicants\": [] }",
                        "instance \"\", field format: must be \"residency-match/instance@1\", was 1"),
                problem("{ \"format\": null, \"programs\": [], \"applicants\": [] }",
                        "instance \"\", field format: must be \"residency-match/instance@1\", was null"),
                // the arrays
                problem("{ \"applicants\": [] }", "instance \"\", field programs: is missing: an array is required"),
                problem("{ \"programs\": null, \"applicants\": [] }", "instance \"\", field programs: is missing: an array is required"),
                problem("{ \"programs\": [] }", "instance \"\", field applicants: is missing: an array is required"),
                problem("{ \"programs\": {}, \"applicants\": [] }", "instance \"\", field programs: must be an array"),
                problem("{ \"programs\": [], \"applicants\": \"A1\" }", "instance \"\", field applicants: must be an array"),
                problem("{ \"programs\": [], \"applicants\": [], \"couples\": 3 }", "instance \"\", field couples: must be an array"),
                problem("{ \"programs\": [ \"P1\" ], \"applicants\": [] }", "program \"\", field programs[0]: must be an object"),
                problem("{ \"programs\": [], \"applicants\": [ {\"id\": \"A1\"}, [] ] }",
                        "applicant \"\", field applicants[1]: must be an object"),
                problem("{ \"programs\": [], \"applicants\": [], \"couples\": [ null ] }",
                        "couple \"\", field couples[0]: must be an object"),
                // ids and references
                problem("{ \"programs\": [ { \"id\": 27447, \"quota\": 1 } ], \"applicants\": [] }",
                        "program \"27447\", field id: must be a string, was 27447"),
                problem("{ \"programs\": [], \"applicants\": [ { \"id\": [\"A1\"] } ] }",
                        "applicant \"[\"A1\"]\", field id: must be a string, was [\"A1\"]"),
                problem("{ \"programs\": [], \"applicants\": [ {\"id\": \"A1\"}, {\"id\": \"A2\"} ], "
                        + "\"couples\": [ { \"id\": \"C1\", \"first\": 1, \"second\": \"A2\" } ] }",
                        "couple \"C1\", field first: must be a string, was 1"),
                problem("{ \"programs\": [], \"applicants\": [ {\"id\": \"A1\"}, {\"id\": \"A2\"} ], "
                        + "\"couples\": [ { \"id\": \"C1\", \"first\": \"A1\", \"second\": {\"id\": \"A2\"} } ] }",
                        "couple \"C1\", field second: must be a string, was {\"id\":\"A2\"}"),
                // quotas
                problem("{ \"programs\": [ { \"id\": \"P1\" } ], \"applicants\": [] }",
                        "program \"P1\", field quota: is missing: an integer >= 0 is required"),
                problem("{ \"programs\": [ { \"id\": \"P1\", \"quota\": \"two\" } ], \"applicants\": [] }",
                        "program \"P1\", field quota: must be an integer >= 0, was \"two\""),
                problem("{ \"programs\": [ { \"id\": \"P1\", \"quota\": 1.5 } ], \"applicants\": [] }",
                        "program \"P1\", field quota: must be an integer >= 0, was 1.5"),
                problem("{ \"programs\": [ { \"id\": \"P1\", \"quota\": 1e0 } ], \"applicants\": [] }",
                        "program \"P1\", field quota: must be an integer >= 0, was 1.0"),
                problem("{ \"programs\": [ { \"id\": \"P1\", \"quota\": 3000000000 } ], \"applicants\": [] }",
                        "program \"P1\", field quota: must be an integer >= 0, was 3000000000"),
                problem("{ \"programs\": [ { \"id\": \"P1\", \"quota\": null } ], \"applicants\": [] }",
                        "program \"P1\", field quota: must be an integer >= 0, was null"),
                // lists of ids
                problem("{ \"programs\": [ { \"id\": \"P1\", \"quota\": 1, \"rol\": \"A1\" } ], \"applicants\": [] }",
                        "program \"P1\", field rol: must be an array of ids"),
                problem("{ \"programs\": [ { \"id\": \"P1\", \"quota\": 1, \"rol\": [\"A1\", 2, null] } ], \"applicants\": [ {\"id\": \"A1\"} ] }",
                        "program \"P1\", field rol[1]: must be an id (string), was 2",
                        "program \"P1\", field rol[2]: must be an id (string), was null"),
                problem("{ \"programs\": [], \"applicants\": [ { \"id\": \"A1\", \"rol\": {\"P1\": 1} } ] }",
                        "applicant \"A1\", field rol: must be an array of ids"),
                problem("{ \"programs\": [], \"applicants\": [ { \"id\": \"A1\", \"rol\": [[\"P1\"]] } ] }",
                        "applicant \"A1\", field rol[0]: must be an id (string), was [\"P1\"]"),
                // couples' pairs
                problem("{ \"programs\": [], \"applicants\": [ {\"id\": \"A1\"}, {\"id\": \"A2\"} ], "
                        + "\"couples\": [ { \"id\": \"C1\", \"first\": \"A1\", \"second\": \"A2\", \"rol\": \"P1\" } ] }",
                        "couple \"C1\", field rol: must be an array of pairs [first, second]"),
                problem("{ \"programs\": [ {\"id\": \"P1\", \"quota\": 1} ], \"applicants\": [ {\"id\": \"A1\"}, {\"id\": \"A2\"} ], "
                        + "\"couples\": [ { \"id\": \"C1\", \"first\": \"A1\", \"second\": \"A2\", "
                        + "\"rol\": [[\"P1\"], [\"P1\", null, null], [], \"P1\", {\"first\": \"P1\"}] } ] }",
                        "couple \"C1\", field rol[0]: must be a pair [program for first, program for second] (null for no match), was [\"P1\"]",
                        "couple \"C1\", field rol[1]: must be a pair [program for first, program for second] (null for no match), was [\"P1\",null,null]",
                        "couple \"C1\", field rol[2]: must be a pair [program for first, program for second] (null for no match), was []",
                        "couple \"C1\", field rol[3]: must be a pair [program for first, program for second] (null for no match), was \"P1\"",
                        "couple \"C1\", field rol[4]: must be a pair [program for first, program for second] (null for no match), was {\"first\":\"P1\"}"),
                problem("{ \"programs\": [ {\"id\": \"P1\", \"quota\": 1} ], \"applicants\": [ {\"id\": \"A1\"}, {\"id\": \"A2\"} ], "
                        + "\"couples\": [ { \"id\": \"C1\", \"first\": \"A1\", \"second\": \"A2\", "
                        + "\"rol\": [[1, \"P1\"], [\"P1\", [\"P1\"]], [true, false]] } ] }",
                        "couple \"C1\", field rol[0][0]: must be a program id (string) or null, was 1",
                        "couple \"C1\", field rol[1][1]: must be a program id (string) or null, was [\"P1\"]",
                        "couple \"C1\", field rol[2][0]: must be a program id (string) or null, was true",
                        "couple \"C1\", field rol[2][1]: must be a program id (string) or null, was false"));
    }

    private static Arguments problem(String json, String... expected) {
        return Arguments.of(json, List.of(expected));
    }

    @ParameterizedTest
    @MethodSource("shapeProblems")
    void everyShapeProblemIsReportedWithKindIdFieldAndWhy(String json, List<String> expected) {
        Throwable thrown = catchThrowable(() -> read(json));

        assertThat(thrown).isInstanceOf(InvalidInstanceException.class);
        List<String> problems = ((InvalidInstanceException) thrown).problems().stream().map(InstanceProblem::toString).toList();
        assertThat(problems).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(problems.get(i)).startsWith(expected.get(i));
        }
        assertSameAsTreeReading(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shapeProblemsComeInTheFormatsOrderWhateverTheOrderOfTheFile() {
        String json = """
                { "couples": [ 7, { "id": "C1", "first": 1 } ],
                  "applicants": [ { "id": "A1", "rol": [2] }, "A2" ],
                  "programs": [ { "rol": [3], "quota": "x", "id": "P1" }, false ],
                  "format": "v0" }
                """;

        assertThatThrownBy(() -> read(json))
                .isInstanceOfSatisfying(InvalidInstanceException.class, e -> assertThat(e.problems())
                        .extracting(InstanceProblem::toString)
                        .containsExactly(
                                "instance \"\", field format: must be \"residency-match/instance@1\", was \"v0\"",
                                "program \"\", field programs[1]: must be an object",
                                "program \"P1\", field quota: must be an integer >= 0, was \"x\"",
                                "program \"P1\", field rol[0]: must be an id (string), was 3",
                                "applicant \"\", field applicants[1]: must be an object",
                                "applicant \"A1\", field rol[0]: must be an id (string), was 2",
                                "couple \"\", field couples[0]: must be an object",
                                "couple \"C1\", field first: must be a string, was 1"));
        assertSameAsTreeReading(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void instanceRulesAreCheckedOnceTheShapeIsRight() {
        // Unknown references and duplicates are the builder's; a shape problem hides them.
        String rulesOnly = "{ \"programs\": [ { \"id\": \"P1\", \"quota\": 1, \"rol\": [\"A9\"] } ], \"applicants\": [] }";
        String shapeToo = "{ \"programs\": [ { \"id\": \"P1\", \"quota\": \"1\", \"rol\": [\"A9\"] } ], \"applicants\": [] }";

        assertThatThrownBy(() -> read(rulesOnly)).isInstanceOfSatisfying(InvalidInstanceException.class,
                e -> assertThat(e.problems()).extracting(InstanceProblem::toString)
                        .containsExactly("program \"P1\", field rol[0]: refers to unknown applicant \"A9\""));
        assertThatThrownBy(() -> read(shapeToo)).isInstanceOfSatisfying(InvalidInstanceException.class,
                e -> assertThat(e.problems()).extracting(InstanceProblem::toString)
                        .containsExactly("program \"P1\", field quota: must be an integer >= 0, was \"1\""));
    }

    @Test
    void aResultInTheWrongShapeIsRefused() {
        assertThatThrownBy(() -> MatchFormat.readResult(stream("{ \"format\": \"x\", \"matches\": [], \"stable\": 1 }")))
                .isInstanceOfSatisfying(InvalidInstanceException.class, e -> assertThat(e.problems())
                        .extracting(InstanceProblem::toString)
                        .containsExactly(
                                "result \"\", field format: must be \"residency-match/result@1\", was \"x\"",
                                "result \"\", field matches: must be an object of applicant id -> program id or null",
                                "result \"\", field stable: must be true or false"));
        assertThatThrownBy(() -> MatchFormat.readResult(stream("{ \"matches\": { \"A1\": 3 } }")))
                .isInstanceOfSatisfying(InvalidInstanceException.class, e -> assertThat(e.problems())
                        .extracting(InstanceProblem::toString)
                        .containsExactly("result \"\", field matches.A1: must be a program id (string) or null"));
        assertThatThrownBy(() -> MatchFormat.readResult(stream("")))
                .isInstanceOfSatisfying(InvalidInstanceException.class, e -> assertThat(e.problems())
                        .extracting(InstanceProblem::toString)
                        .containsExactly("result \"\", field (root): the file is empty"));
    }

    // ---- a refused file writes nothing ------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("shapeProblems")
    void aRefusedInstanceWritesNoResult(String json, List<String> expected) throws IOException {
        Path instance = dir.resolve("instance.json");
        Files.writeString(instance, json, StandardCharsets.UTF_8);
        Path result = dir.resolve("result.json");
        StringWriter err = new StringWriter();
        CommandLine commandLine = ResidencyMatchCli.newCommandLine();
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        commandLine.setErr(new PrintWriter(err, true));

        int exit = commandLine.execute("match", "run", "--instance", instance.toString(), "--out", result.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("refused, nothing written").contains(expected.get(0));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(instance);
        }
    }

    // ---- agreement with the tree reading, on mangled files -----------------------------------------

    @Test
    void theStreamingReaderAgreesWithTheTreeReadingOnMangledFiles() throws IOException {
        SplittableRandom random = new SplittableRandom(20261128L);
        MatchInstance generated = InstanceGenerator.generate(GeneratorSpec.of(30, 6, 3, 9), (phase, done, total) -> {
        });
        JsonNode base = JSON.readTree(write(generated));
        JsonNode small = JSON.readTree(SMALL);
        int read = 0;
        int refused = 0;
        int notWellFormed = 0;
        for (int run = 0; run < 3000; run++) {
            JsonNode tree = (run % 2 == 0 ? base : small).deepCopy();
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                tree = mutate(tree, random);
            }
            String text = render(tree, random);
            if (random.nextInt(10) == 0) {
                text = breakText(text, random);
            }
            Outcome outcome = assertSameAsTreeReading(text.getBytes(StandardCharsets.UTF_8));
            if (outcome.instance() != null) {
                read++;
            } else if (outcome.problems() != null && outcome.problems().get(0).field().equals("(json)")) {
                notWellFormed++;
            } else {
                refused++;
            }
        }
        // The mangling reaches every outcome, not only one.
        assertThat(read).isGreaterThan(100);
        assertThat(refused).isGreaterThan(1000);
        assertThat(notWellFormed).isGreaterThan(100);
    }

    @Test
    void malformedBytesAreRefusedAlike() {
        assertSameAsTreeReading(new byte[]{'{', '"', 'p', '"', ':', '"', (byte) 0xC3, '"', '}'});
        assertSameAsTreeReading(new byte[]{'{', '"', 'u', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, '"', '}'});
        assertSameAsTreeReading("{ \"x\": \"\\q\" }".getBytes(StandardCharsets.UTF_8));
        assertSameAsTreeReading("{ \"x\": 01 }".getBytes(StandardCharsets.UTF_8));
        assertSameAsTreeReading("{ \"x\": [1, 2,] }".getBytes(StandardCharsets.UTF_8));
        assertSameAsTreeReading("{ \"programs\": [], \"applicants\": [] } trailing".getBytes(StandardCharsets.UTF_8));
        assertSameAsTreeReading("{ \"x\": \"tab\there\" }".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void bytesThatAreNotTextInTheEncodingJacksonDetectsAreRefusedAsNotWellFormedNotAsUnreadable() throws IOException {
        // Found by MatchInstanceFuzzTest (docs/FUZZING.md): leading zero bytes make Jackson read UTF-32,
        // and its decoder then threw a CharConversionException, which the command line took for an I/O error.
        byte[] file = "\0\0\0\0t\": \"residency-match/instance@1\"".getBytes(StandardCharsets.UTF_8);

        for (Reading reading : List.<Reading>of(() -> MatchFormat.readInstance(new ByteArrayInputStream(file)),
                () -> {
                    MatchFormat.readResult(new ByteArrayInputStream(file));
                    return null;
                })) {
            Throwable thrown = catchThrowable(reading::read);
            assertThat(thrown).isInstanceOf(InvalidInstanceException.class);
            assertThat(((InvalidInstanceException) thrown).problems()).singleElement().satisfies(problem -> {
                assertThat(problem.field()).isEqualTo("(json)");
                assertThat(problem.why()).startsWith("is not well-formed JSON: Invalid UTF-32 character");
            });
        }
    }

    /** Replaces, removes or adds something somewhere in the tree. */
    private static JsonNode mutate(JsonNode root, SplittableRandom random) {
        List<JsonNode> containers = new ArrayList<>();
        collectContainers(root, containers);
        if (containers.isEmpty() || random.nextInt(40) == 0) {
            return randomValue(random, 2);
        }
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            int what = random.nextInt(4);
            if (what == 0 && !names.isEmpty()) {
                object.remove(names.get(random.nextInt(names.size())));
            } else if (what == 1) {
                String[] known = {"id", "quota", "rol", "first", "second", "format", "programs", "applicants", "couples", "other"};
                object.set(known[random.nextInt(known.length)], randomValue(random, 2));
            } else if (!names.isEmpty()) {
                object.set(names.get(random.nextInt(names.size())), randomValue(random, 2));
            }
        } else if (target instanceof ArrayNode array) {
            int what = random.nextInt(3);
            if (what == 0 && !array.isEmpty()) {
                array.remove(random.nextInt(array.size()));
            } else if (what == 1 || array.isEmpty()) {
                array.insert(random.nextInt(array.size() + 1), randomValue(random, 2));
            } else {
                array.set(random.nextInt(array.size()), randomValue(random, 2));
            }
        }
        return root;
    }

    private static void collectContainers(JsonNode node, List<JsonNode> into) {
        if (node.isContainerNode()) {
            into.add(node);
            for (JsonNode child : node) {
                collectContainers(child, into);
            }
        }
    }

    private static JsonNode randomValue(SplittableRandom random, int depth) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        String[] ids = {"A1", "A3", "A4", "A7", "27447", "27416", "C1", "", " ", "A0001", "S0001", "é\"\\"};
        switch (random.nextInt(depth > 0 ? 12 : 9)) {
            case 0 :
                return nodes.textNode(ids[random.nextInt(ids.length)]);
            case 1 :
                return nodes.numberNode(random.nextInt(-3, 5));
            case 2 :
                return nodes.numberNode(random.nextDouble() * 10);
            case 3 :
                return nodes.numberNode(3_000_000_000L + random.nextInt(5));
            case 4 :
                return nodes.numberNode(new java.math.BigInteger("123456789012345678901234567890"));
            case 5 :
                return nodes.nullNode();
            case 6 :
                return nodes.booleanNode(random.nextBoolean());
            case 7 :
                return nodes.textNode("residency-match/instance@1");
            case 8 :
                return nodes.numberNode(random.nextInt(0, 3));
            case 9 : {
                ArrayNode array = nodes.arrayNode();
                int size = random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    array.add(random.nextInt(3) == 0 ? nodes.nullNode() : randomValue(random, depth - 1));
                }
                return array;
            }
            case 10 : {
                ArrayNode pair = nodes.arrayNode();
                pair.add(random.nextBoolean() ? nodes.textNode(ids[random.nextInt(6)]) : nodes.nullNode());
                pair.add(random.nextBoolean() ? nodes.textNode(ids[random.nextInt(6)]) : nodes.nullNode());
                return pair;
            }
            default : {
                ObjectNode object = nodes.objectNode();
                String[] names = {"id", "quota", "rol", "first", "second", "x"};
                int size = random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    object.set(names[random.nextInt(names.length)], randomValue(random, depth - 1));
                }
                return object;
            }
        }
    }

    /** Writes the tree as JSON text, sometimes with fields reordered or given twice (an earlier, overridden value). */
    private static String render(JsonNode node, SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        render(node, random, text);
        return text.toString();
    }

    private static void render(JsonNode node, SplittableRandom random, StringBuilder text) {
        if (node instanceof ObjectNode object) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            object.fields().forEachRemaining(fields::add);
            if (random.nextInt(5) == 0) {
                java.util.Collections.reverse(fields);
            }
            text.append('{');
            String separator = "";
            for (Map.Entry<String, JsonNode> field : fields) {
                if (random.nextInt(20) == 0) {
                    text.append(separator).append(JsonNodeFactory.instance.textNode(field.getKey())).append(": ");
                    render(randomValue(random, 1), random, text);
                    separator = ", ";
                }
                text.append(separator).append(JsonNodeFactory.instance.textNode(field.getKey())).append(random.nextBoolean() ? ":" : " : ");
                render(field.getValue(), random, text);
                separator = random.nextBoolean() ? "," : ",\n  ";
            }
            text.append('}');
        } else if (node instanceof ArrayNode array) {
            text.append('[');
            Iterator<JsonNode> elements = array.elements();
            while (elements.hasNext()) {
                render(elements.next(), random, text);
                if (elements.hasNext()) {
                    text.append(", ");
                }
            }
            text.append(']');
        } else {
            text.append(node);
        }
    }

    private static final String NOISE = "{}[],:\"x1 \\";

    /** Truncates the text, or drops or inserts one character. */
    private static String breakText(String text, SplittableRandom random) {
        int at = random.nextInt(text.length());
        return switch (random.nextInt(3)) {
            case 0 -> text.substring(0, at);
            case 1 -> text.substring(0, at) + text.substring(at + 1);
            default -> text.substring(0, at) + NOISE.charAt(random.nextInt(NOISE.length())) + text.substring(at);
        };
    }

    private static Outcome assertSameAsTreeReading(byte[] file) {
        Outcome streamed = outcome(() -> MatchFormat.readInstance(new ByteArrayInputStream(file)));
        Outcome tree = outcome(() -> TreeModelInstanceReader.readInstance(new ByteArrayInputStream(file)));
        assertThat(streamed).as("reading %s", new String(file, StandardCharsets.UTF_8)).isEqualTo(tree);
        return streamed;
    }

    private record Outcome(String instance, List<InstanceProblem> problems, String error) {
    }

    @FunctionalInterface
    private interface Reading {
        MatchInstance read() throws IOException;
    }

    private static Outcome outcome(Reading reading) {
        try {
            return new Outcome(new String(write(reading.read()), StandardCharsets.UTF_8), null, null);
        } catch (InvalidInstanceException e) {
            return new Outcome(null, e.problems(), null);
        } catch (IOException | RuntimeException e) {
            return new Outcome(null, null, e.getClass().getName() + ": " + e.getMessage());
        }
    }

    private static MatchInstance read(String json) throws IOException {
        return MatchFormat.readInstance(stream(json));
    }

    private static InputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] write(MatchInstance instance) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MatchFormat.writeInstance(instance, out);
        return out.toByteArray();
    }
}
