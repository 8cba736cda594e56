package org.residencymatch.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each table is written by one feature package, so that its rules (and its audit rows) live in one
 * place. ArchUnit sees classes, not SQL, so this reads the main sources: every string literal and
 * text block (comments left out) that inserts into, updates, deletes from or merges into a table,
 * and every {@code BulkInsert.insert} of one, is a write by the package of its file.
 */
class TableWritersTest {

    static final Path MAIN = Path.of("src", "main", "java", "org", "residencymatch");

    /** The statements that write a table, as the project writes SQL (keywords in capitals). */
    static final Pattern WRITE = Pattern
            .compile("\\b(?:INSERT INTO|DELETE FROM|MERGE INTO)\\s+([a-z_][a-z0-9_]*)|\\bUPDATE\\s+([a-z_][a-z0-9_]*)\\s+SET\\b");
    static final Pattern BULK_INSERT = Pattern.compile("BulkInsert\\.insert\\(\\s*\\w+\\s*,\\s*\"([a-z_][a-z0-9_]*)\"");

    /**
     * Tables written by more than one package today, and by which: each is a known exception, to be
     * removed once one package owns the table. The test fails when an entry is no longer true.
     */
    static final Map<String, Set<String>> SHARED = Map.of(
            // An account's registration creates its applicant in the same transaction (account.Registration).
            "applicant", Set.of("account", "applicant"));

    /** The tables of the partner lists (migrations V1, V3 and V19), written only by the lists' repositories. */
    static final Set<String> LIST_TABLES = Set.of("list_version", "list_membership", "list_upload", "list_upload_file", "list_upload_row");

    @Test
    void eachTableIsWrittenByOneFeaturePackage() {
        Map<String, Set<String>> packagesByTable = new TreeMap<>();
        for (Write w : writes()) packagesByTable.computeIfAbsent(w.table(), t -> new TreeSet<>()).add(w.featurePackage());

        assertThat(packagesByTable).as("the scan finds the writers it is about").containsKeys("application", "audit_log", "list_version",
                "list_upload_row", "outbox_message", "reconciliation_case");
        Map<String, Set<String>> shared = new TreeMap<>();
        packagesByTable.forEach((table, packages) -> {
            if (packages.size() > 1) shared.put(table, packages);
        });
        assertThat(shared).as("tables written by more than one package").isEqualTo(SHARED);
    }

    @Test
    void theListTablesAreWrittenOnlyByTheListsRepositories() {
        List<String> writers = new ArrayList<>();
        for (Write w : writes()) {
            if (LIST_TABLES.contains(w.table())) writers.add(w.table() + " by " + w.file());
        }
        assertThat(writers).as("the scan finds every list table's writer")
                .anySatisfy(s -> assertThat(s).startsWith("list_upload_row by "))
                .anySatisfy(s -> assertThat(s).startsWith("list_membership by "));
        assertThat(writers).allSatisfy(s -> assertThat(s).matches(".* by lists/\\w+Repository\\.java"));
    }

    @Test
    void theScanSeesLiteralsAndTextBlocksButNotComments() {
        String source = """
                class X {
                    // UPDATE commented SET x = 1
                    /* INSERT INTO commented_too */
                    String a = "INSERT INTO plain (a) VALUES (?)";
                    String b = \"""
                            UPDATE in_block SET a = 1
                            \""";
                    String c = "a \\" quote, then DELETE FROM escaped";
                    char d = '"';
                    String e = "SELECT * FROM t FOR UPDATE";
                }
                """;
        List<String> tables = new ArrayList<>();
        for (String literal : literals(source)) {
            Matcher m = WRITE.matcher(literal);
            while (m.find()) tables.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        assertThat(tables).containsExactly("plain", "in_block", "escaped");
    }

    /** A table written from a file of a package ({@code (root)} for the top package). */
    record Write(String table, String featurePackage, String file) {
    }

    static List<Write> writes() {
        List<Write> writes = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(MAIN)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path relative = MAIN.relativize(file);
                String featurePackage = relative.getNameCount() > 1 ? relative.getName(0).toString() : "(root)";
                String name = relative.toString().replace('\\', '/');
                String source = Files.readString(file, StandardCharsets.UTF_8);
                for (String literal : literals(source)) {
                    Matcher m = WRITE.matcher(literal);
                    while (m.find()) writes.add(new Write(m.group(1) != null ? m.group(1) : m.group(2), featurePackage, name));
                }
                Matcher bulk = BULK_INSERT.matcher(source);
                while (bulk.find()) writes.add(new Write(bulk.group(1), featurePackage, name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(writes).hasSizeGreaterThan(50);
        return writes;
    }

    /** The contents of a Java source's string literals and text blocks, escapes left as written; comments and char literals skipped. */
    static List<String> literals(String source) {
        List<String> literals = new ArrayList<>();
        int i = 0, n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                int start = i + 3, j = start;
                while (j < n && !source.startsWith("\"\"\"", j)) j += source.charAt(j) == '\\' ? 2 : 1;
                literals.add(source.substring(start, Math.min(j, n)));
                i = j + 3;
            } else if (c == '"' || c == '\'') {
                int start = i + 1, j = start;
                while (j < n && source.charAt(j) != c) j += source.charAt(j) == '\\' ? 2 : 1;
                if (c == '"') literals.add(source.substring(start, Math.min(j, n)));
                i = j + 1;
            } else {
                i++;
            }
        }
        return literals;
    }
}
