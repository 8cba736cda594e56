package org.residencymatch.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A clone of this repository is enough to understand its code: no source, test or resource cites a
 * file outside it, and every {@code docs/...} file they cite exists.
 */
class SelfContainedSourcesTest {

    /** The modules' sources, from the server module's directory (where the tests run). */
    static final List<Path> SOURCES = List.of(Path.of("src"), Path.of("..", "match-engine", "src"));
    static final Path REPOSITORY = Path.of("..");
    /** The project's shared folder beside the clone (spelt in pieces, so that this file does not cite it). */
    static final String SHARED = "shared" + "/";
    static final Pattern OUTSIDE = Pattern.compile(
            "\\.\\./" + SHARED + "|" + SHARED + "docs/|" + SHARED + "contracts/|" + SHARED + "data/");
    static final Pattern DOCS = Pattern.compile("docs/[A-Za-z0-9_./-]+\\.md");

    @Test
    void noSourceCitesAFileOutsideTheRepository() {
        List<String> outside = new ArrayList<>();
        for (Path file : files()) {
            String text = read(file);
            Matcher m = OUTSIDE.matcher(text);
            while (m.find()) outside.add(file + ": " + m.group());
        }
        assertThat(outside).isEmpty();
    }

    @Test
    void everyDocTheSourcesCiteExists() {
        List<String> cited = new ArrayList<>();
        for (Path file : files()) {
            Matcher m = DOCS.matcher(read(file));
            while (m.find()) cited.add(m.group());
        }
        assertThat(cited).contains("docs/DOMAIN.md", "docs/MATCH-FORMAT.md");
        assertThat(cited.stream().distinct().filter(doc -> !Files.isRegularFile(REPOSITORY.resolve(doc))))
                .as("cited under docs/ but missing from the repository").isEmpty();
    }

    private static List<Path> files() {
        List<Path> files = new ArrayList<>();
        for (Path root : SOURCES) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> p.toString().matches(".*\\.(java|json|md|sql|properties|yaml|jte|csv|txt)$"))
                        .forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(files).hasSizeGreaterThan(100);
        return files;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // A file in another encoding cannot hold a citation this test looks for.
            return new String(readBytes(file), StandardCharsets.ISO_8859_1);
        }
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
