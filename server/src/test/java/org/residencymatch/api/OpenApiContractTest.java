package org.residencymatch.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.router.ParsedEndpoint;
import io.javalin.security.Roles;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.residencymatch.eligibility.ApplicantCategory;
import org.residencymatch.eligibility.Citizenship;
import org.residencymatch.eligibility.CmqApproval;
import org.residencymatch.eligibility.Decision;
import org.residencymatch.eligibility.ExamResult;
import org.residencymatch.eligibility.ListKind;
import org.residencymatch.eligibility.StudyStatus;
import org.residencymatch.lists.MatchOutcome;
import org.residencymatch.program.Province;
import org.residencymatch.program.StreamType;
import org.residencymatch.reconciliation.CaseStatus;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.web.Access;
import org.residencymatch.web.TestServer;

/**
 * {@code openapi.yaml} is a valid OpenAPI document and describes exactly the {@code /api/v1} routes the
 * running server registers: same paths, same methods, same openness, and the errors each can answer.
 */
@DatabaseTest
class OpenApiContractTest {

    private static final String API_PREFIX = "/api/v1/";
    private static final String ERROR_SCHEMA = "#/components/schemas/Error";

    @RegisterExtension
    static final TestServer web = TestServer.empty();
    static SwaggerParseResult parseResult;
    static OpenAPI contract;

    @BeforeAll
    static void start() throws IOException {
        parseResult = parse(bundledContract());
        contract = parseResult.getOpenAPI();
    }

    private static String bundledContract() throws IOException {
        try (InputStream in = OpenApiContractTest.class.getResourceAsStream("/openapi.yaml")) {
            assertThat(in).as("openapi.yaml on the classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static SwaggerParseResult parse(String yaml) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(yaml, null, options);
        assertThat(result.getOpenAPI()).as("openapi.yaml, parsed: %s", result.getMessages()).isNotNull();
        return result;
    }

    /** "GET /api/v1/..." of every route the server registers under /api/v1, with the access it declares. */
    private static Map<String, Set<?>> serverRoutes() {
        Map<String, Set<?>> routes = new TreeMap<>();
        for (ParsedEndpoint handler : web.server().javalin().unsafe.internalRouter.allHttpHandlers()) {
            String method = handler.endpoint.method.name();
            // Before/after filters are not routes: they run around the routes. HEAD is GET without the body
            // (WebServer adds one for every GET), as HTTP defines it, so it is not an operation of its own.
            if (method.startsWith("BEFORE") || method.startsWith("AFTER") || method.equals("HEAD")
                    || !handler.endpoint.path.startsWith(API_PREFIX))
                continue;
            Roles roles = handler.endpoint.metadata(Roles.class);
            routes.put(method + " " + handler.endpoint.path, roles == null ? Set.of() : roles.getRoles());
        }
        return routes;
    }

    private static void forEachOperation(BiConsumer<String, Operation> action) {
        contract.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> action.accept(method + " " + path, operation)));
    }

    /** Whether callers need the bearer token: an operation's own security, or else the document's. */
    private static boolean secured(Operation operation) {
        var security = operation.getSecurity() != null ? operation.getSecurity() : contract.getSecurity();
        return security != null && security.stream().anyMatch(requirement -> !requirement.isEmpty());
    }

    private static Parameter resolved(Parameter parameter) {
        return parameter.get$ref() == null ? parameter : contract.getComponents().getParameters().get(componentName(parameter.get$ref()));
    }

    private static ApiResponse resolved(ApiResponse response) {
        return response.get$ref() == null ? response : contract.getComponents().getResponses().get(componentName(response.get$ref()));
    }

    /** Whether a schema is the Error object, or a component that is an Error with more fields (allOf). */
    private static boolean isAnError(Schema<?> schema) {
        if (schema.get$ref() == null) return false;
        if (schema.get$ref().equals(ERROR_SCHEMA)) return true;
        List<Schema> parts = contract.getComponents().getSchemas().get(componentName(schema.get$ref())).getAllOf();
        return parts != null && parts.stream().anyMatch(part -> ERROR_SCHEMA.equals(part.get$ref()));
    }

    private static String componentName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    @Test
    void theContractIsAValidOpenApi303Document() {
        assertThat(parseResult.getMessages()).as("swagger-parser's validation messages").isEmpty();
        assertThat(contract.getOpenapi()).isEqualTo("3.0.3");
        assertThat(contract.getComponents().getSecuritySchemes()).containsKey("bearerAuth");
        assertThat(contract.getComponents().getSecuritySchemes().get("bearerAuth").getScheme()).isEqualTo("bearer");
    }

    @Test
    void theContractDescribesExactlyTheRoutesOfTheRunningServer() {
        Map<String, Set<?>> routes = serverRoutes();
        assertThat(routes).isNotEmpty();
        Set<String> documented = new TreeSet<>();
        forEachOperation((route, operation) -> documented.add(route));

        assertThat(documented).as("operations of openapi.yaml").containsExactlyInAnyOrderElementsOf(routes.keySet());
    }

    @Test
    void exactlyTheRoutesOpenToAnyoneNeedNoToken() {
        Map<String, Set<?>> routes = serverRoutes();
        forEachOperation((route, operation) -> assertThat(secured(operation))
                .as("%s needs a bearer token in openapi.yaml", route)
                .isEqualTo(!routes.getOrDefault(route, Set.of()).contains(Access.ANYONE)));
    }

    @Test
    void everyOperationDocumentsTheErrorsItCanAnswerAsErrorObjects() {
        forEachOperation((route, operation) -> {
            if (!secured(operation)) return;
            Set<String> statuses = operation.getResponses().keySet();
            assertThat(statuses).as(route).contains("401", "403", "404");
            boolean takesInput = operation.getRequestBody() != null
                    || (operation.getParameters() != null && operation.getParameters().stream().map(OpenApiContractTest::resolved)
                            .anyMatch(p -> "query".equals(p.getIn())));
            if (takesInput) assertThat(statuses).as(route + " takes input, so it can answer 400").contains("400");
            operation.getResponses().forEach((status, response) -> {
                if (!status.startsWith("4")) return;
                var schema = resolved(response).getContent().get("application/json").getSchema();
                assertThat(isAnError(schema)).as("%s %s answers an Error (or a schema made of one): %s", route, status, schema.get$ref())
                        .isTrue();
            });
        });
    }

    @Test
    void theEnumerationsOfTheContractAreTheServersEnumerations() {
        Map<String, Class<? extends Enum<?>>> serverEnums = Map.ofEntries(
                Map.entry("Province", Province.class),
                Map.entry("StreamType", StreamType.class),
                Map.entry("Decision", Decision.class),
                Map.entry("ListKind", ListKind.class),
                Map.entry("ApplicantCategory", ApplicantCategory.class),
                Map.entry("Citizenship", Citizenship.class),
                Map.entry("StudyStatus", StudyStatus.class),
                Map.entry("ExamResult", ExamResult.class),
                Map.entry("CmqApproval", CmqApproval.class),
                Map.entry("CaseStatus", CaseStatus.class),
                Map.entry("MatchOutcome", MatchOutcome.class),
                Map.entry("AccountRole", org.residencymatch.account.Role.class),
                Map.entry("DocumentKind", org.residencymatch.eligibility.DocumentKind.class),
                Map.entry("ProfileFact", org.residencymatch.eligibility.ProfileFact.class));
        serverEnums.forEach((schema, type) -> assertThat(contract.getComponents().getSchemas().get(schema).getEnum())
                .as("values of %s in openapi.yaml", schema)
                .map(String::valueOf)
                .containsExactly(Arrays.stream(type.getEnumConstants()).map(Enum::name).toArray(String[]::new)));
    }
}
