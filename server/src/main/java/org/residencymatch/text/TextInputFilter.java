package org.residencymatch.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one place where the text of every HTTP request meets the {@link TextPolicy}, before any route reads
 * it: each query parameter, each field of a form ({@code application/x-www-form-urlencoded}) and each
 * string of a JSON body. The request goes on with every value normalised; the first value refused is
 * recorded on the request ({@link #refusal}), for the web layer to answer 400 naming the field, in the
 * reader's language, before the route runs. Files (list uploads: raw bodies and multipart parts) are not
 * text fields: their cells go through the same policy in the list reader.
 */
public final class TextInputFilter implements Filter {

    /** A field whose value was refused, and why. */
    public record Refusal(String field, TextPolicy.Refused reason) {
    }

    private static final String REFUSAL = TextInputFilter.class.getName() + ".refusal";
    /** The fields where a person writes paragraphs: line breaks and tabs are theirs. */
    static final Set<String> MULTILINE_FIELDS = Set.of("body", "message", "resolution", "comment");
    /** Passwords are taken as typed: hashed, never stored or shown. */
    static final Set<String> SECRET_FIELDS = Set.of("password");
    /** The largest form or JSON body read (1 MiB). */
    public static final int MAX_TEXT_BODY = 1 << 20;
    private static final String TOO_LARGE = TextInputFilter.class.getName() + ".tooLarge";
    private static final ObjectMapper JSON = new ObjectMapper().setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    /** How a field's value is judged, by the field's name. */
    public static TextPolicy.Field fieldNamed(String name) {
        if (SECRET_FIELDS.contains(name)) return TextPolicy.Field.SECRET;
        return MULTILINE_FIELDS.contains(name) ? TextPolicy.Field.MULTILINE : TextPolicy.Field.LINE;
    }

    /** Whether this request's form or JSON body, sent without a length, went over {@link #MAX_TEXT_BODY}. */
    public static boolean tooLarge(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(TOO_LARGE));
    }

    /** The value refused in this request, if any. */
    public static Optional<Refusal> refusal(HttpServletRequest request) {
        return Optional.ofNullable((Refusal) request.getAttribute(REFUSAL));
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http)) {
            chain.doFilter(request, response);
            return;
        }
        Checked checked = new Checked(http);
        String query = http.getQueryString() == null ? null : checked.form(http.getQueryString());
        byte[] body = null;
        String type = http.getContentType() == null ? "" : http.getContentType().toLowerCase(java.util.Locale.ROOT);
        // A body declared larger than the limit is not read at all: the service refuses it (413) from its headers.
        if ((type.startsWith("application/x-www-form-urlencoded") || type.startsWith("application/json"))
                && http.getContentLengthLong() <= MAX_TEXT_BODY) {
            // Read into memory to be judged, so bounded: no form or JSON request of the service comes near it
            // (files go as CSV, Excel or multipart bodies, which are not read here).
            byte[] sent = http.getInputStream().readNBytes(MAX_TEXT_BODY + 1);
            if (sent.length > MAX_TEXT_BODY) {
                // Sent without a length, and longer: marked, and the route's body check answers 413 (page or JSON)
                // before anything parses it (web/BodyLimits, which also reads and drops what is left of it).
                http.setAttribute(TOO_LARGE, Boolean.TRUE);
                chain.doFilter(new Normalised(http, query, null), response);
                return;
            }
            String text = new String(sent, StandardCharsets.UTF_8);
            String kept = type.startsWith("application/json") ? checked.json(text) : checked.form(text);
            body = kept.equals(text) ? sent : kept.getBytes(StandardCharsets.UTF_8);
        }
        chain.doFilter(new Normalised(http, query, body), response);
    }

    /** Judges the values of one request; remembers the first refusal on it. */
    private static final class Checked {
        private final HttpServletRequest request;

        Checked(HttpServletRequest request) {
            this.request = request;
        }

        private String value(String field, String value) {
            TextPolicy.Decision decision = TextPolicy.decide(fieldNamed(field), value);
            if (decision instanceof TextPolicy.Refused refused) {
                if (request.getAttribute(REFUSAL) == null) request.setAttribute(REFUSAL, new Refusal(printable(field), refused));
                return value;
            }
            return ((TextPolicy.Accepted) decision).text();
        }

        /** A field's name is text too; when it is the refused value, the answer names it with its invisible characters shown as "?". */
        private void name(String field) {
            value(field, field);
        }

        private static String printable(String field) {
            StringBuilder shown = new StringBuilder();
            field.codePoints().forEach(c -> shown.appendCodePoint(
                    TextPolicy.decide(TextPolicy.Field.LINE, Character.toString(c)) instanceof TextPolicy.Refused ? '?' : c));
            return shown.toString();
        }

        /** {@code a=1&b=2}, each value judged; the same string back when nothing changed. */
        String form(String encoded) {
            StringBuilder kept = new StringBuilder();
            boolean changed = false;
            String[] pairs = encoded.split("&", -1);
            for (int i = 0; i < pairs.length; i++) {
                String pair = pairs[i];
                if (i > 0) kept.append('&');
                int eq = pair.indexOf('=');
                String name, value;
                try {
                    name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    value = eq < 0 ? null : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException malformed) {
                    kept.append(pair); // not ours to judge: the route refuses what it cannot read
                    continue;
                }
                name(name);
                String judged = value == null ? null : value(name, value);
                if (judged != null && !judged.equals(value)) {
                    changed = true;
                    kept.append(pair, 0, eq + 1).append(URLEncoder.encode(judged, StandardCharsets.UTF_8));
                } else {
                    kept.append(pair);
                }
            }
            return changed ? kept.toString() : encoded;
        }

        /** A JSON body, each string judged by the name of its field (an array's strings by the array's); unchanged when nothing changed or it is not JSON. */
        String json(String text) {
            JsonNode root;
            try {
                root = JSON.readTree(text);
            } catch (IOException notJson) {
                return text; // the route answers what is wrong with it
            }
            return root != null && walk(root, "body") ? root.toString() : text;
        }

        private boolean walk(JsonNode node, String field) {
            boolean changed = false;
            if (node instanceof ObjectNode object) {
                for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    name(entry.getKey());
                    if (entry.getValue() instanceof TextNode textNode) {
                        String judged = value(entry.getKey(), textNode.textValue());
                        if (!judged.equals(textNode.textValue())) {
                            entry.setValue(TextNode.valueOf(judged));
                            changed = true;
                        }
                    } else {
                        changed |= walk(entry.getValue(), entry.getKey());
                    }
                }
            } else if (node instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    if (array.get(i) instanceof TextNode textNode) {
                        String judged = value(field, textNode.textValue());
                        if (!judged.equals(textNode.textValue())) {
                            array.set(i, TextNode.valueOf(judged));
                            changed = true;
                        }
                    } else {
                        changed |= walk(array.get(i), field);
                    }
                }
            }
            return changed;
        }
    }

    /** The request as the routes see it: the judged query string and body. */
    private static final class Normalised extends HttpServletRequestWrapper {
        private final String query;
        private final byte[] body;

        Normalised(HttpServletRequest request, String query, byte[] body) {
            super(request);
            this.query = query;
            this.body = body;
        }

        @Override
        public String getQueryString() {
            return query;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) return super.getInputStream();
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body was read already");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body == null ? super.getContentLength() : body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body == null ? super.getContentLengthLong() : body.length;
        }

        @Override
        public String getHeader(String name) {
            if (body != null && "Content-Length".equalsIgnoreCase(name)) return String.valueOf(body.length);
            return super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            if (body != null && "Content-Length".equalsIgnoreCase(name))
                return Collections.enumeration(java.util.List.of(String.valueOf(body.length)));
            return super.getHeaders(name);
        }
    }
}
