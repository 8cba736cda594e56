package org.residencymatch.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.residencymatch.program.Province;
import org.residencymatch.program.StreamType;

/**
 * {@code eligibility/rules.schema.json}, the rules files' JSON Schema for editors and other tools:
 * every shipped rules file conforms to it, it names exactly the parser's condition vocabulary and
 * enum values, and it refuses what the parser refuses for the same reason.
 */
class RulesFileSchemaTest {

    static final Path SCHEMA = RulesTable.RULES.resolve("rules.schema.json");
    static final ObjectMapper JSON = new ObjectMapper();

    static Schema schema() throws IOException {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(SCHEMA, StandardCharsets.UTF_8), InputFormat.JSON);
    }

    static List<Error> validate(String json) throws IOException {
        return schema().validate(json, InputFormat.JSON);
    }

    @Test
    void everyShippedRulesFileConformsToTheSchema() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String cycle : RulesTable.cycles()) files.addAll(RulesTable.files(cycle));
        assertThat(files).hasSizeGreaterThanOrEqualTo(4);

        for (Path file : files) {
            assertThat(validate(Files.readString(file, StandardCharsets.UTF_8))).as(file.toString()).isEmpty();
        }
    }

    @Test
    void theSchemaNamesExactlyTheParsersConditionVocabulary() throws IOException {
        JsonNode conditions = JSON.readTree(SCHEMA.toFile()).at("/$defs/condition/properties");
        List<String> named = new ArrayList<>();
        conditions.fieldNames().forEachRemaining(named::add);

        assertThat(named).containsExactly(
                Arrays.stream(RulesFileParser.Condition.values()).map(condition -> condition.field).toArray(String[]::new));
    }

    @Test
    void theSchemasEnumerationsAreTheCodesEnums() throws IOException {
        JsonNode defs = JSON.readTree(SCHEMA.toFile()).get("$defs");

        assertThat(names(defs.at("/streamType/enum"))).containsExactly(names(StreamType.class));
        assertThat(names(defs.at("/province/enum"))).containsExactly(names(Province.class));
        assertThat(names(defs.at("/category/enum"))).containsExactly(names(ApplicantCategory.class));
        assertThat(names(defs.at("/citizenship/enum"))).containsExactly(names(Citizenship.class));
        assertThat(names(defs.at("/cmqApproval/enum"))).containsExactly(names(CmqApproval.class));
        assertThat(names(defs.at("/listKind/enum"))).containsExactly(names(ListKind.class));
        assertThat(names(defs.at("/exam/enum"))).containsExactly(names(Exam.class));
        assertThat(names(defs.at("/verifier/enum"))).containsExactly(names(Verifier.class));
        assertThat(names(defs.at("/documentKind/enum"))).containsExactly(names(DocumentKind.class));
        assertThat(JSON.readTree(SCHEMA.toFile()).at("/properties/verification/required")).extracting(JsonNode::asText)
                .containsExactly(java.util.Arrays.stream(ProfileFact.values()).map(f -> f.field).toArray(String[]::new));
    }

    @Test
    void anUnknownConditionIsRefusedByTheSchemaAsByTheParser() throws IOException {
        ObjectNode file = RulesFileValidationTest.shippedTree();
        ((ObjectNode) file.withArray("rules").get(0)).putObject("require").put("onWaitingList", "AIMG");
        String json = JSON.writeValueAsString(file);

        assertThat(validate(json)).isNotEmpty();
        assertThatThrownBy(() -> RulesFileParser.parse(json))
                .isInstanceOf(RulesFileException.class)
                .hasMessageContaining("unknown condition 'onWaitingList'")
                .hasMessageContaining(RulesFileParser.Condition.fieldNames());
    }

    @Test
    void aListConditionAsAGuardIsRefusedByTheSchemaAsByTheParser() throws IOException {
        ObjectNode file = RulesFileValidationTest.shippedTree();
        ArrayNode when = ((ObjectNode) file.withArray("rules").get(0)).putArray("when");
        when.addObject().put("onList", "QIMG");
        String json = JSON.writeValueAsString(file);

        assertThat(validate(json)).isNotEmpty();
        assertThatThrownBy(() -> RulesFileParser.parse(json))
                .isInstanceOf(RulesFileException.class)
                .hasMessageContaining("onList may only be used in 'require'");
    }

    @Test
    void aMissingFrenchMessageIsRefusedByTheSchemaAsByTheParser() throws IOException {
        ObjectNode file = RulesFileValidationTest.shippedTree();
        ((ObjectNode) file.withArray("rules").get(0).get("message")).remove("fr");
        String json = JSON.writeValueAsString(file);

        assertThat(validate(json)).isNotEmpty();
        assertThatThrownBy(() -> RulesFileParser.parse(json)).isInstanceOf(RulesFileException.class);
    }

    private static String[] names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(value -> names.add(value.asText()));
        return names.toArray(String[]::new);
    }

    private static String[] names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toArray(String[]::new);
    }
}
