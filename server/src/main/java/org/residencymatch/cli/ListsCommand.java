package org.residencymatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.residencymatch.lists.MatchOutcome;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lists upload|preview|rows|review|commit|revert|history}: the operator's (or a partner's)
 * partner-list work against a running service, through its HTTP API and a bearer token.
 */
@Command(name = "lists", mixinStandardHelpOptions = true, description = "Work on partner eligibility lists (AIMG, BCIMG, QIMG) of a running service through its API.", subcommands = {
        ListsCommand.Upload.class, ListsCommand.Preview.class, ListsCommand.Rows.class, ListsCommand.Review.class,
        ListsCommand.Commit.class, ListsCommand.Revert.class, ListsCommand.History.class})
final class ListsCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where the service is, who is calling, and which list. */
    static final class Target {
        @Option(names = "--url", description = "the service (default: $RESIDENCY_URL, else ${DEFAULT-VALUE})")
        String url = System.getenv("RESIDENCY_URL") != null ? System.getenv("RESIDENCY_URL") : "http://localhost:7070";

        @Option(names = "--token", description = "a bearer token (default: $RESIDENCY_TOKEN)")
        String token = System.getenv("RESIDENCY_TOKEN");

        @Option(names = "--cycle", required = true, description = "cycle id, e.g. 2025-R1")
        String cycle;

        @Option(names = "--kind", required = true, description = "AIMG, BCIMG or QIMG")
        String kind;

        @Option(names = "--lang", description = "language of the messages: en or fr (default: ${DEFAULT-VALUE})")
        String language = "en";

        String path(String rest) {
            return url.replaceAll("/+$", "") + "/api/v1/cycles/" + enc(cycle) + "/lists/" + enc(kind) + rest;
        }

        /** Sends the request and prints its JSON answer; a refusal is printed with exit code 1. */
        int send(CommandSpec spec, String method, String rest, HttpRequest.BodyPublisher body, String contentType) throws Exception {
            JsonNode json = call(spec, method, rest, body, contentType);
            if (json == null) return 1;
            spec.commandLine().getOut().println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
            return 0;
        }

        /** Sends the request and answers its JSON, or prints the refusal (with every problem) and answers null. */
        JsonNode call(CommandSpec spec, String method, String rest, HttpRequest.BodyPublisher body, String contentType) throws Exception {
            if (token == null || token.isBlank())
                throw new ParameterException(spec.commandLine(), "a bearer token is needed: --token or $RESIDENCY_TOKEN");
            String separator = rest.contains("?") ? "&" : "?";
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path(rest) + separator + "lang=" + enc(language)))
                    .timeout(Duration.ofMinutes(5))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept-Language", language)
                    .method(method, body);
            if (contentType != null) request.header("Content-Type", contentType);
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
            if (response.statusCode() >= 400) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("refused (HTTP " + response.statusCode() + "): " + json.path("message").asText(response.body()));
                for (JsonNode problem : json.path("problems")) {
                    int row = problem.path("row").asInt();
                    String column = problem.path("column").asText();
                    err.println("  " + (row > 0 ? "row " + row : "file") + (column.isEmpty() ? "" : ", column \"" + column + "\"")
                            + ": " + problem.path("message").asText());
                }
                return null;
            }
            return json;
        }

        /** The text in the language asked for: English, or French with {@code --lang fr}. */
        String say(String english, String french) {
            return "fr".equals(language) ? french : english;
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }

    @Command(name = "upload", mixinStandardHelpOptions = true, description = "Upload a list file (CSV or .xlsx) as a draft and print its preview.")
    static final class Upload implements Callable<Integer> {
        @Mixin
        Target target;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() throws Exception {
            if (!Files.isReadable(file)) {
                spec.commandLine().getErr().println(file + ": no such readable file");
                return 2;
            }
            String name = file.getFileName().toString();
            String type = name.toLowerCase().endsWith(".xlsx")
                    ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    : "text/csv";
            return target.send(spec, "POST", "/uploads?fileName=" + URLEncoder.encode(name, StandardCharsets.UTF_8),
                    HttpRequest.BodyPublishers.ofFile(file), type);
        }
    }

    @Command(name = "preview", mixinStandardHelpOptions = true, description = "Print the preview of an upload.")
    static final class Preview implements Callable<Integer> {
        @Mixin
        Target target;

        @Spec
        CommandSpec spec;

        @Option(names = "--upload", required = true, description = "the upload id")
        long upload;

        @Override
        public Integer call() throws Exception {
            return target.send(spec, "GET", "/uploads/" + upload, HttpRequest.BodyPublishers.noBody(), null);
        }
    }

    @Command(name = "rows", mixinStandardHelpOptions = true, description = "Print the rows of an upload with how each was matched to an applicant; by default the rows awaiting review.")
    static final class Rows implements Callable<Integer> {
        private static final int PAGE_SIZE = 1000;

        @Mixin
        Target target;

        @Spec
        CommandSpec spec;

        @Option(names = "--upload", required = true, description = "the upload id")
        long upload;

        @Option(names = "--outcome", description = "only the rows of this outcome, reviewed or not: ${COMPLETION-CANDIDATES} "
                + "(default: the PROBABLE and CONFLICT rows that await review)")
        MatchOutcome outcome;

        @Option(names = "--json", description = "print the rows as the API gives them, in JSON")
        boolean json;

        @Override
        public Integer call() throws Exception {
            List<JsonNode> rows = new ArrayList<>();
            for (MatchOutcome o : outcome != null ? List.of(outcome) : List.of(MatchOutcome.PROBABLE, MatchOutcome.CONFLICT)) {
                for (int page = 1, total = 1; (page - 1) * PAGE_SIZE < total; page++) {
                    JsonNode answer = target.call(spec, "GET",
                            "/uploads/" + upload + "/rows?outcome=" + o + "&page=" + page + "&pageSize=" + PAGE_SIZE,
                            HttpRequest.BodyPublishers.noBody(), null);
                    if (answer == null) return 1;
                    total = answer.path("total").asInt();
                    answer.path("rows").forEach(row -> {
                        if (outcome != null || row.path("awaitsReview").asBoolean()) rows.add(row);
                    });
                }
            }
            rows.sort(Comparator.comparingInt(row -> row.path("row").asInt()));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(rows));
            } else if (rows.isEmpty()) {
                out.println(outcome == null
                        ? target.say("no row awaits review", "aucune ligne n’attend de vérification")
                        : target.say("no " + outcome + " row", "aucune ligne " + outcome));
            } else {
                List<String[]> table = new ArrayList<>();
                table.add(target.say("row|outcome|review|family name|given names|born|MINC|MCC code|applicant id|candidates|explanation",
                        "ligne|résultat|vérification|nom|prénoms|naissance|MINC|code CMC|n° de candidat|candidats|explication")
                        .split("\\|"));
                for (JsonNode row : rows) {
                    String review = row.path("awaitsReview").asBoolean()
                            ? "AWAITING"
                            : row.path("review").asText().equals("NONE")
                                    ? "-"
                                    : (row.path("review").asText() + " " + row.path("reviewedApplicantId").asText("")).trim();
                    List<String> candidates = new ArrayList<>();
                    row.path("candidates").forEach(c -> candidates.add(c.asText()));
                    table.add(new String[]{row.path("row").asText(), row.path("outcome").asText(), review, text(row, "familyName"),
                            text(row, "givenNames"), text(row, "dateOfBirth"), text(row, "minc"), text(row, "mccCandidateCode"),
                            text(row, "givenApplicantId"), candidates.isEmpty() ? "-" : String.join(", ", candidates),
                            text(row, "explanation")});
                }
                print(out, table);
            }
            return 0;
        }

        private static String text(JsonNode row, String field) {
            String value = row.path(field).asText("");
            return value.isBlank() ? "-" : value;
        }

        /** Columns aligned, two spaces apart; the last one (the explanation) as long as it is. */
        private static void print(PrintWriter out, List<String[]> table) {
            int[] widths = new int[table.get(0).length];
            for (String[] line : table) for (int i = 0; i < line.length; i++) widths[i] = Math.max(widths[i], line[i].length());
            for (String[] line : table) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < line.length - 1; i++) text.append(String.format("%-" + widths[i] + "s  ", line[i]));
                out.println(text.append(line[line.length - 1]));
            }
        }
    }

    @Command(name = "review", mixinStandardHelpOptions = true, description = "Confirm or reject a PROBABLE or CONFLICT row of a draft upload, and print the upload's preview after it.")
    static final class Review implements Callable<Integer> {
        @Mixin
        Target target;

        @Spec
        CommandSpec spec;

        @Option(names = "--upload", required = true, description = "the upload id")
        long upload;

        @Option(names = "--row", required = true, description = "the row number in the file, as `lists rows` prints it")
        int row;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Decision decision;

        static final class Decision {
            @Option(names = "--confirm", description = "the row is the applicant proposed, or the one of its candidates given by --applicant")
            boolean confirm;

            @Option(names = "--reject", description = "the row is none of its candidates: the commit leaves it out")
            boolean reject;
        }

        @Option(names = "--applicant", description = "with --confirm: which of the row's candidates it is (required for a CONFLICT row)")
        String applicant;

        @Override
        public Integer call() throws Exception {
            if (applicant != null && !decision.confirm) throw new ParameterException(spec.commandLine(), "--applicant goes with --confirm");
            ObjectNode body = JSON.createObjectNode().put("decision", decision.confirm ? "CONFIRM" : "REJECT");
            if (applicant != null) body.put("applicantId", applicant);
            return target.send(spec, "POST", "/uploads/" + upload + "/rows/" + row + "/review",
                    HttpRequest.BodyPublishers.ofString(body.toString()), "application/json");
        }
    }

    @Command(name = "commit", mixinStandardHelpOptions = true, description = "Make an upload the list's current version.")
    static final class Commit implements Callable<Integer> {
        @Mixin
        Target target;

        @Spec
        CommandSpec spec;

        @Option(names = "--upload", required = true, description = "the upload id")
        long upload;

        @Override
        public Integer call() throws Exception {
            return target.send(spec, "POST", "/uploads/" + upload + "/commit", HttpRequest.BodyPublishers.noBody(), null);
        }
    }

    @Command(name = "revert", mixinStandardHelpOptions = true, description = "Make an older version current again, as a new version (operator only).")
    static final class Revert implements Callable<Integer> {
        @Mixin
        Target target;

        @Spec
        CommandSpec spec;

        @Option(names = "--to-version", required = true, description = "the version to bring back")
        int toVersion;

        @Override
        public Integer call() throws Exception {
            return target.send(spec, "POST", "/revert", HttpRequest.BodyPublishers.ofString("{\"toVersion\":" + toVersion + "}"),
                    "application/json");
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true, description = "Print the committed versions of a list, newest first.")
    static final class History implements Callable<Integer> {
        @Mixin
        Target target;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return target.send(spec, "GET", "/versions", HttpRequest.BodyPublishers.noBody(), null);
        }
    }
}
