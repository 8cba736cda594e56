package org.residencymatch.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed rules tables ({@code docs/eligibility/<cycle>.md}) are exactly what the rules files
 * say today. With {@code -Drules.tables.write=true} it writes them instead.
 */
class RulesTableTest {

    static final String REGENERATE = "mvn -pl server -am test -Dtest=RulesTableTest -Dsurefire.failIfNoSpecifiedTests=false"
            + " -Drules.tables.write=true";

    @Test
    void theCommittedTableOfEveryCycleIsGeneratedFromItsRulesFiles() throws IOException {
        assertThat(RulesTable.cycles()).contains("2025-R1");
        boolean write = Boolean.getBoolean("rules.tables.write");
        for (String cycle : RulesTable.cycles()) {
            Path page = RulesTable.PAGES.resolve(cycle + ".md");
            String generated = RulesTable.page(cycle);
            if (write) {
                Files.createDirectories(RulesTable.PAGES);
                Files.writeString(page, generated, StandardCharsets.UTF_8);
            }
            assertThat(Files.exists(page))
                    .as("docs/eligibility/%s.md is missing; generate it with: %s", cycle, REGENERATE)
                    .isTrue();
            assertThat(Files.readString(page, StandardCharsets.UTF_8))
                    .as("docs/eligibility/%s.md differs from the rules files; regenerate it with: %s", cycle, REGENERATE)
                    .isEqualTo(generated);
        }
    }

    @Test
    void theTableShowsEachRuleWithItsConditionAndBothLanguages() {
        String page = RulesTable.page("2026-R1");

        assertThat(page)
                .contains("| `ON_HIGH_SCHOOL_YEARS` |")
                .contains("minimumHighSchoolYears (province ON, years 2)")
                .contains("| `AB_AIMG_LIST` | IMG, in AB | IMG | onList AIMG | NOT_ELIGIBLE | `AIMG_LIST_REQUIRED` | aimg |")
                .contains("- fr: Les postes DHCEU de l'Alberta");
        for (RulesFileParser.Condition condition : RulesFileParser.Condition.values()) {
            assertThat(page).contains("| `" + condition.field + "` |");
        }
    }
}
