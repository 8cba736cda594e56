package org.residencymatch.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.javalin.http.Context;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;

/**
 * Reads an API request body into its record. The record's compact constructor validates its own fields
 * (with {@link #requiredText} and the like), so a refusal names the field and says why; a body that is
 * not a JSON object, or a field of the wrong JSON type, is refused here ("field is required", unless the
 * field says otherwise with {@link Mistyped}). Fields the record does not declare are ignored, as clients
 * may send more than a route reads. Numbers are not texts, texts not numbers, and 2.5 is no whole number.
 */
final class ApiRequests {

    /** What to answer when a request field has the wrong JSON type, where "field is required" would mislead. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    @interface Mistyped {
        String value();
    }

    /** The longest free text a request may carry (comments, resolutions, answers). */
    static final int MAX_TEXT = 2000;

    private static final ObjectReader READER = reader();

    private ApiRequests() {
    }

    private static ObjectReader reader() {
        var mapper = WebServer.apiJsonMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        // A number or a boolean is not a text: "body": 5 is refused, not read as "5".
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        // Nor is "3", 2.5 or true a whole number, nor "true" or 1 a boolean.
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper.reader();
    }

    /** The body of this request as a {@code type}, or a 400 naming the field at fault (a 413 over {@link BodyLimits#MAX_BYTES}). */
    static <R extends Record> R read(Context ctx, Class<R> type) {
        return read(BodyLimits.text(ctx), type);
    }

    static <R extends Record> R read(String body, Class<R> type) {
        if (body == null || !body.stripLeading().startsWith("{")) throw notAnObject();
        try {
            R request = READER.forType(type).readValue(body);
            if (request == null) throw notAnObject();
            return request;
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof ApiException refusal) throw refusal;
            throw notAnObject();
        } catch (JsonMappingException e) {
            String field = e.getPath().isEmpty() ? null : e.getPath().get(0).getFieldName();
            if (field == null) throw notAnObject();
            throw ApiException.badRequest(field, mistyped(type, field));
        } catch (JsonProcessingException e) {
            throw notAnObject();
        }
    }

    private static String mistyped(Class<? extends Record> type, String field) {
        return Arrays.stream(type.getRecordComponents())
                .filter(component -> component.getName().equals(field) && component.isAnnotationPresent(Mistyped.class))
                .map(component -> component.getAnnotation(Mistyped.class).value())
                .findFirst()
                .orElse(field + " is required");
    }

    private static ApiException notAnObject() {
        return ApiException.badRequest(null, "the body must be a JSON object");
    }

    /** A required free text, stripped: refused when absent, blank or over {@link #MAX_TEXT} characters. */
    static String requiredText(String field, String value) {
        if (value == null || value.isBlank()) throw ApiException.badRequest(field, field + " is required");
        if (value.length() > MAX_TEXT) throw ApiException.badRequest(field, field + " is longer than " + MAX_TEXT + " characters");
        return value.strip();
    }
}
