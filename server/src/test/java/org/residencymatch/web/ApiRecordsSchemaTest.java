package org.residencymatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every API record has the schema of its name in {@code openapi.yaml}: the same fields, each of the
 * documented JSON type, and a nested record where the schema refers to the schema of that record's name.
 * (The exact bytes are pinned by {@link ApiJsonShapeTest}; the routes by the contract test of the API.)
 */
class ApiRecordsSchemaTest {

    /** The classes whose nested records are the API's shapes: by convention, those of this package named {@code ...Json}. */
    private static final List<Class<?>> API_RECORDS = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ApiJson.class.getPackageName())
            .stream()
            .filter(c -> c.getPackageName().equals(ApiJson.class.getPackageName()) && c.isTopLevelClass()
                    && c.getSimpleName().endsWith("Json"))
            .<Class<?>>map(JavaClass::reflect)
            .toList();

    private static Map<String, Schema> schemas;

    @BeforeAll
    static void parse() throws IOException {
        try (InputStream in = ApiRecordsSchemaTest.class.getResourceAsStream(ApiRoutes.OPENAPI_RESOURCE)) {
            OpenAPI contract = new OpenAPIV3Parser().readContents(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getOpenAPI();
            schemas = contract.getComponents().getSchemas();
        }
    }

    private static List<Class<?>> records() {
        return API_RECORDS.stream().flatMap(holder -> Arrays.stream(holder.getDeclaredClasses())).filter(Class::isRecord).toList();
    }

    @Test
    void everyRecordHasTheFieldsOfItsSchema() {
        assertThat(API_RECORDS).contains(ApiJson.class, HelpApiJson.class);
        assertThat(records().stream().map(Class::getSimpleName)).as("one record per schema name").doesNotHaveDuplicates();
        for (Class<?> record : records()) {
            assertThat(schemas).as("openapi.yaml has a schema named %s", record.getSimpleName()).containsKey(record.getSimpleName());
            Map<String, Schema> properties = properties(schemas.get(record.getSimpleName()));
            assertThat(Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName))
                    .as("fields of %s", record.getSimpleName())
                    .containsExactlyInAnyOrderElementsOf(properties.keySet());
        }
    }

    @Test
    void everyFieldHasItsDocumentedType() {
        for (Class<?> record : records()) {
            Map<String, Schema> properties = properties(schemas.get(record.getSimpleName()));
            for (RecordComponent component : record.getRecordComponents()) {
                Schema property = properties.get(component.getName());
                if (property == null) continue; // reported by everyRecordHasTheFieldsOfItsSchema
                assertType(record.getSimpleName() + "." + component.getName(), component.getGenericType(), property);
            }
        }
    }

    private static void assertType(String where, Type type, Schema property) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        String ref = ref(property);
        if (raw.isRecord()) {
            assertThat(ref).as("%s refers to the schema %s", where, raw.getSimpleName()).isEqualTo(raw.getSimpleName());
            return;
        }
        Schema resolved = ref == null ? property : schemas.get(ref);
        String expected = switch (raw.getName()) {
            case "java.lang.String" -> "string";
            case "int", "java.lang.Integer", "long", "java.lang.Long" -> "integer";
            case "boolean", "java.lang.Boolean" -> "boolean";
            case "java.util.List" -> "array";
            case "java.util.Map" -> "object";
            default -> raw.isEnum() || raw == LocalDate.class || raw == LocalDateTime.class ? "string" : "unknown " + raw;
        };
        assertThat(resolved.getType()).as("JSON type of %s", where).isEqualTo(expected);
        if (raw == LocalDate.class) assertThat(resolved.getFormat()).as("format of %s", where).isEqualTo("date");
        // The server's times are UTC without an offset: the contract's UtcTimestamp, not an OpenAPI date-time (which has one).
        if (raw == LocalDateTime.class) assertThat(ref).as("schema of %s", where).isEqualTo("UtcTimestamp");
        if (raw.isEnum() && resolved.getEnum() != null) {
            assertThat(resolved.getEnum()).as("values of %s", where).map(String::valueOf)
                    .containsExactlyInAnyOrderElementsOf(Arrays.stream(raw.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList());
        }
        if (raw == List.class) assertType(where + "[]", ((ParameterizedType) type).getActualTypeArguments()[0], resolved.getItems());
    }

    /** The schema a property refers to, by name: directly or as the one part of an {@code allOf} (the way to make a reference nullable). */
    private static String ref(Schema property) {
        String ref = property.get$ref();
        if (ref == null && property.getAllOf() != null && property.getAllOf().size() == 1)
            ref = ((Schema) property.getAllOf().get(0)).get$ref();
        return ref == null ? null : ref.substring(ref.lastIndexOf('/') + 1);
    }

    /** A schema's properties, with those of the schemas it is made of ({@code allOf}). */
    private static Map<String, Schema> properties(Schema schema) {
        Map<String, Schema> properties = new LinkedHashMap<>();
        if (schema.get$ref() != null) return properties(schemas.get(ref(schema)));
        if (schema.getAllOf() != null) for (Object part : schema.getAllOf()) properties.putAll(properties((Schema) part));
        if (schema.getProperties() != null) properties.putAll(schema.getProperties());
        return properties;
    }
}
