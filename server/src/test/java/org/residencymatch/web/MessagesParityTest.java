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

    /**
     * Names that are the same in both languages (exam names, partner bodies' codes, an algorithm):
     * the only words a template may hold outside the bundles.
     */
    private static final Set<String> SAME_IN_BOTH_LANGUAGES = Set.of("MCCQE I", "NAC", "AIMG", "UBC", "CAP", "BCI", "SHA");

    @Test
    void templatesHoldNoLiteralTextOutsideTheBundles() throws IOException {
        Set<String> literals = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/jte"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".jte")).toList()) {
                for (String word : visibleText(Files.readString(template))) {
                    if (!SAME_IN_BOTH_LANGUAGES.contains(word)) literals.add(template.getFileName() + ": " + word);
                }
            }
        }
        assertThat(literals).as("text in templates that is not from the message bundles").isEmpty();
    }

    /** The words a template shows as it is: what is left once expressions, directives and markup are taken out. */
    static java.util.List<String> visibleText(String template) {
        String text = template
                .replaceAll("\\$\\{(?:[^{}]|\\{[^{}]*\\})*\\}", " ")
                .replaceAll("(?s)!\\{.*?\\}", " ")
                .replaceAll("(?m)^\\s*@(import|param).*$", " ")
                .replaceAll("@template\\.[\\w.]+\\([^`]*?(@`|\\)\\s*$)", " ")
                .replaceAll("@template\\.[\\w.]+\\((?:[^()]|\\([^()]*\\))*\\)", " ")
                .replaceAll("@(if|elseif|for)\\((?:[^()]|\\((?:[^()]|\\([^()]*\\))*\\))*\\)", " ")
                .replaceAll("@(else|endif|endfor)", " ")
                .replaceAll("(?s)<!--.*?-->", " ")
                .replaceAll("(?s)<[^>]*>", " ")
                .replace("`)", " ");
        java.util.List<String> words = new java.util.ArrayList<>();
        Matcher m = Pattern.compile("[\\p{L}]{2,}(?: [\\p{L}]+)*").matcher(text);
        while (m.find()) words.add(m.group());
        return words;
    }

    @Test
    void theLiteralTextCheckFindsTextThatIsNotFromTheBundles() {
        assertThat(visibleText(
                "@param Page page\n@template.layout(page = page, content = @`\n<h1>${page.t(\"x\")}</h1><p>Hello there</p>\n`)"))
                .containsExactly("Hello there");
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
