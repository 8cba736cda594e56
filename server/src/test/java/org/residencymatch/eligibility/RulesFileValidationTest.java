package org.residencymatch.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** File-level validation of rules files, and the classpath loader. */
class RulesFileValidationTest {

    static final ObjectMapper JSON = new ObjectMapper();

    /** The shipped 2025-R1 first-iteration file, as text. */
    static String shipped2025FirstIteration() {
        try (InputStream in = RulesFileValidationTest.class.getClassLoader()
                .getResourceAsStream(EligibilityRulesLoader.resourceName("2025-R1", 1))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode shippedTree() {
        try {
            return (ObjectNode) JSON.readTree(shipped2025FirstIteration());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyShippedFileLoads() {
        assertThat(Fixtures.ALL_SHIPPED_RULES).extracting(rules -> rules.id().toString())
                .containsExactly("2025-R1/iteration-1 v1", "2025-R1/iteration-2 v1", "2026-R1/iteration-1 v1",
                        "2026-R1/iteration-2 v1");
    }

    @Test
    void notJson() {
        assertThatThrownBy(() -> RulesFileParser.parse("{ \"rules\": ["))
                .isInstanceOf(RulesFileException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void duplicateKeysAreRejectedRatherThanSilentlyOverwritten() {
        String json = shipped2025FirstIteration().replaceFirst("\"version\": 1,", "\"version\": 1, \"version\": 2,");

        assertThatThrownBy(() -> RulesFileParser.parse(json))
                .isInstanceOf(RulesFileException.class)
                .hasMessageContaining("version");
    }

    @Test
    void unsupportedSchemaVersion() {
        ObjectNode tree = shippedTree().put("schemaVersion", 2);

        assertThatThrownBy(() -> RulesFileParser.parse(tree.toString()))
                .isInstanceOf(RulesFileException.class)
                .hasMessageContaining("schemaVersion");
    }

    @Test
    void iterationMustBeOneOrTwo() {
        ObjectNode tree = shippedTree().put("iteration", 3);

        assertThatThrownBy(() -> RulesFileParser.parse(tree.toString()))
                .isInstanceOf(RulesFileException.class)
                .hasMessageContaining("field 'iteration'");
    }

    @Test
    void missingListNotReceivedTemplate() {
        ObjectNode tree = shippedTree();
        tree.remove("listNotReceived");

        assertThatThrownBy(() -> RulesFileParser.parse(tree.toString()))
                .isInstanceOf(RulesFileException.class)
                .hasMessageContaining("field 'listNotReceived': is missing");
    }

    @Test
    void unknownPlaceholderInTheTemplate() {
        ObjectNode tree = shippedTree();
        ((ObjectNode) tree.get("listNotReceived").get("message")).put("fr", "La liste {liste} manque.");

        assertThatThrownBy(() -> RulesFileParser.parse(tree.toString()))
                .isInstanceOf(RulesFileException.class)
                .hasMessageContaining("listNotReceived.message")
                .hasMessageContaining("{liste}");
    }

    @Test
    void aListUsedByARuleMustBeDescribed() {
        ObjectNode tree = shippedTree();
        ((ObjectNode) tree.get("lists")).remove("AIMG");

        assertThatThrownBy(() -> RulesFileParser.parse(tree.toString()))
                .isInstanceOf(RulesFileException.class)
                .hasMessageContaining("rule 'AB_AIMG_LIST'")
                .hasMessageContaining("require.onList");
    }

    @Test
    void theErrorNamesTheFileTheRuleAndTheField() {
        ObjectNode tree = shippedTree();
        ((ObjectNode) tree.withArray("rules").get(0).get("appliesTo")).putArray("streamTypes").add("IMG_FOR_ALL");

        assertThatThrownBy(() -> RulesFileParser.parse(tree.toString()))
                .isInstanceOf(RulesFileException.class)
                .hasMessageStartingWith("rules file 2025-R1/iteration-1 v1, rule 'AB_AIMG_LIST',"
                        + " field 'appliesTo.streamTypes[0]': unknown stream type 'IMG_FOR_ALL'");
    }

    @Test
    void theLoaderRefusesAFileThatDeclaresAnotherCycle() {
        assertThatThrownBy(() -> EligibilityRulesLoader.fromClasspath("1999-R1", 1))
                .isInstanceOf(RulesFileException.class)
                .hasMessageContaining("declares 1998-R1");
    }

    @Test
    void theLoaderSaysWhenThereIsNoFile() {
        assertThatThrownBy(() -> EligibilityRulesLoader.fromClasspath("1999-R1", 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("eligibility/1999-R1/iteration-2.json");
    }

    @Test
    void theLoaderAcceptsOnlyCycleIds() {
        assertThatThrownBy(() -> EligibilityRulesLoader.fromClasspath("../secret", 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCycleNeedsBothIterationsOfOneCycle() {
        assertThatThrownBy(() -> new CycleEligibility(Fixtures.RULES_2025_1, Fixtures.RULES_2026_2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(CycleEligibility.fromClasspath("2026-R1").iteration(1).id()).isEqualTo(Fixtures.RULES_2026_1.id());
    }
}
