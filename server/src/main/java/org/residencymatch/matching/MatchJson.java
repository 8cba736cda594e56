package org.residencymatch.matching;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.residencymatch.engine.InstanceProblem;
import org.residencymatch.engine.InvalidInstanceException;

/**
 * What the readers and the writer of the match format share: the streaming factory, the tree model
 * loaded only on demand, and the problems a file that is not JSON of the right shape gets.
 */
final class MatchJson {

    /** Streaming reader and writer; the tree model (databind) is only loaded on demand, see {@link Tree}. */
    static final JsonFactory FACTORY = new JsonFactory();

    /** A JSON {@code null}, as read by the streaming reader (a missing field is Java {@code null}). */
    static final Object JSON_NULL = new Object();

    private MatchJson() {
    }

    /** A problem of an item whose id is known only once the whole item has been read. */
    record Pending(String field, String why) {
    }

    /**
     * Jackson databind, loaded only when needed: for the result file, and to show a wrong value of an
     * instance exactly as the JSON it is. A well-formed instance is read without it (the command
     * line starts faster).
     */
    static final class Tree {
        static final ObjectMapper MAPPER = new ObjectMapper();

        private Tree() {
        }

        /** The value at the parser's current token, read whole (the parser moves to its last token). */
        static JsonNode read(JsonParser json) throws IOException {
            JsonNode node = MAPPER.readTree(json);
            return node == null ? MAPPER.getNodeFactory().nullNode() : node;
        }
    }

    /** Reads a whole file as a tree (the result file; the instance is streamed, see {@link InstanceJsonReader}). */
    static JsonNode parse(InputStream in, String kind) throws IOException {
        try {
            JsonNode root = Tree.MAPPER.readTree(in);
            if (root == null || root.isMissingNode()) {
                throw shapeError(kind, "", "(root)", "the file is empty");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw notWellFormed(kind, e);
        } catch (CharConversionException e) {
            throw notText(kind, e);
        }
    }

    /**
     * Bytes that are not text in the encoding Jackson detected (a file starting with zero bytes reads as
     * UTF-32) are reported by Jackson as a plain {@link IOException}, not a parse error: they are still
     * a file that is not JSON, not a stream that could not be read (found by fuzzing, docs/FUZZING.md).
     */
    static InvalidInstanceException notText(String kind, CharConversionException e) {
        return shapeError(kind, "", "(json)", "is not well-formed JSON: " + e.getMessage());
    }

    static InvalidInstanceException notWellFormed(String kind, JsonProcessingException e) {
        String where = e.getLocation() == null
                ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return shapeError(kind, "", "(json)", "is not well-formed JSON" + where + ": " + e.getOriginalMessage());
    }

    static void checkFormat(JsonNode root, String expected, String kind, List<InstanceProblem> problems) {
        JsonNode format = root.get("format");
        if (format != null && !expected.equals(format.asText(null))) {
            problems.add(new InstanceProblem(kind, "", "format", "must be \"" + expected + "\", was " + format));
        }
    }

    /**
     * Reads past the value at the parser's current token, decoding it as a tree reading would, so
     * that a file is refused as not well-formed in exactly the same cases.
     */
    static void consume(JsonParser json) throws IOException {
        int depth = 0;
        JsonToken token = json.currentToken();
        while (true) {
            if (token == null) {
                return; // end of input: the parser has already reported an unclosed container
            }
            switch (token) {
                case START_OBJECT, START_ARRAY -> depth++;
                case END_OBJECT, END_ARRAY -> depth--;
                case VALUE_STRING -> json.getText();
                case VALUE_NUMBER_INT -> json.getNumberValue();
                case VALUE_NUMBER_FLOAT -> json.getDoubleValue();
                default -> {
                }
            }
            if (depth == 0) {
                return;
            }
            token = json.nextToken();
        }
    }

    static InvalidInstanceException shapeError(String kind, String id, String field, String why) {
        return new InvalidInstanceException(Arrays.asList(new InstanceProblem(kind, id, field, why)));
    }
}
