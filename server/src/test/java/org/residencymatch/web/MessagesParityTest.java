package org.residencymatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** English and French at parity: the same keys in both bundles, and every key a template names exists. */
class MessagesParityTest {

    private static final Pattern LITERAL_KEY = Pattern.compile("page\\.t\\(\"([a-zA-Z0-9_.]+)\"");

    @Test
    void bothLanguagesHaveTheSameKeys() {
        Set<String> english = Messages.bundle("en").stringPropertyNames();
        Set<String> french = Messages.bundle("fr").stringPropertyNames();

        assertThat(new TreeSet<>(english)).as("keys missing in French").containsAll(french);
        assertThat(new TreeSet<>(french)).as("keys missing in English").containsAll(english);
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Set<String> used = new HashSet<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/jte"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".jte")).toList()) {
                Matcher m = LITERAL_KEY.matcher(Files.readString(template));
                // A key ending in "." is a prefix the template completes (e.g. "decision." + code): not a key.
                while (m.find()) if (!m.group(1).endsWith(".")) used.add(m.group(1));
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(Messages.bundle("en").stringPropertyNames()).containsAll(used);
    }
}
