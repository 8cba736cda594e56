package org.residencymatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lists upload|preview|commit|revert|history}: the operator's (or a partner's) partner-list
 * work against a running service, through its HTTP API and a bearer token.
 */
@Command(name = "lists", mixinStandardHelpOptions = true,
        description = "Work on partner eligibility lists (AIMG, BCIMG, QIMG) of a running service through its API.",
        subcommands = {ListsCommand.Upload.class, ListsCommand.Preview.class, ListsCommand.Commit.class, ListsCommand.Revert.class,
                ListsCommand.History.class})
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

        int send(CommandSpec spec, String method, String rest, HttpRequest.BodyPublisher body, String contentType) throws Exception {
            PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
            if (token == null || token.isBlank()) {
                err.println("a bearer token is needed: --token or $RESIDENCY_TOKEN");
                return 2;
            }
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
                err.println("refused (HTTP " + response.statusCode() + "): " + json.path("message").asText(response.body()));
                for (JsonNode problem : json.path("problems")) {
                    int row = problem.path("row").asInt();
                    String column = problem.path("column").asText();
                    err.println("  " + (row > 0 ? "row " + row : "file") + (column.isEmpty() ? "" : ", column \"" + column + "\"")
                            + ": " + problem.path("message").asText());
                }
                return 1;
            }
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
            return 0;
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }

    @Command(name = "upload", mixinStandardHelpOptions = true, description = "Upload a list file (CSV or .xlsx) as a draft and print its preview.")
    static final class Upload implements Callable<Integer> {
        @Mixin Target target;

        @Spec CommandSpec spec;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() throws Exception {
            if (!Files.isReadable(file)) {
                spec.commandLine().getErr().println(file + ": no such readable file");
                return 2;
            }
            String name = file.getFileName().toString();
            String type = name.toLowerCase().endsWith(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv";
            return target.send(spec, "POST", "/uploads?fileName=" + URLEncoder.encode(name, StandardCharsets.UTF_8),
                    HttpRequest.BodyPublishers.ofFile(file), type);
        }
    }

    @Command(name = "preview", mixinStandardHelpOptions = true, description = "Print the preview of an upload.")
    static final class Preview implements Callable<Integer> {
        @Mixin Target target;

        @Spec CommandSpec spec;

        @Option(names = "--upload", required = true, description = "the upload id")
        long upload;

        @Override
        public Integer call() throws Exception {
            return target.send(spec, "GET", "/uploads/" + upload, HttpRequest.BodyPublishers.noBody(), null);
        }
    }

    @Command(name = "commit", mixinStandardHelpOptions = true, description = "Make an upload the list's current version.")
    static final class Commit implements Callable<Integer> {
        @Mixin Target target;

        @Spec CommandSpec spec;

        @Option(names = "--upload", required = true, description = "the upload id")
        long upload;

        @Override
        public Integer call() throws Exception {
            return target.send(spec, "POST", "/uploads/" + upload + "/commit", HttpRequest.BodyPublishers.noBody(), null);
        }
    }

    @Command(name = "revert", mixinStandardHelpOptions = true, description = "Make an older version current again, as a new version (operator only).")
    static final class Revert implements Callable<Integer> {
        @Mixin Target target;

        @Spec CommandSpec spec;

        @Option(names = "--to-version", required = true, description = "the version to bring back")
        int toVersion;

        @Override
        public Integer call() throws Exception {
            return target.send(spec, "POST", "/revert", HttpRequest.BodyPublishers.ofString("{\"toVersion\":" + toVersion + "}"), "application/json");
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true, description = "Print the committed versions of a list, newest first.")
    static final class History implements Callable<Integer> {
        @Mixin Target target;

        @Spec CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return target.send(spec, "GET", "/versions", HttpRequest.BodyPublishers.noBody(), null);
        }
    }
}
