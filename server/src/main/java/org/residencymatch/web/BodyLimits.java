package org.residencymatch.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * How large a request body may be: {@link #MAX_BYTES} for JSON and forms, the list-upload limit (plus
 * room for the multipart envelope) for the routes that take a list file, the document limit (plus the
 * envelope) for those that take an applicant's document. A body over its limit is
 * answered 413 before anything reads it: by its declared length, or for a body sent without one
 * (chunked) as soon as reading passes the limit.
 */
final class BodyLimits {

    /** The text policy's filter already holds JSON and form bodies to this when it reads them to judge them: one limit. */
    static final long MAX_BYTES = org.residencymatch.text.TextInputFilter.MAX_TEXT_BODY;
    private static final String BODY = "boundedBody";

    private final Map<String, Long> uploadLimits;

    /** @param uploadLimits what each route that takes a file accepts, envelope included, by its path template */
    BodyLimits(Map<String, Long> uploadLimits) {
        this.uploadLimits = Map.copyOf(uploadLimits);
    }

    /** Runs before every matched route, before anything reads the body (the CSRF check reads forms). */
    void check(Context ctx) {
        if (ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD || ctx.method() == HandlerType.OPTIONS) return;
        // The route that matched (ctx.endpoint() is this filter's own while filters run).
        long limit = uploadLimits.getOrDefault(ctx.endpoints().matchedHttpEndpoint().path, MAX_BYTES);
        long declared = ctx.req().getContentLengthLong();
        if (declared <= limit && !org.residencymatch.text.TextInputFilter.tooLarge(ctx.req())) return;
        // A body a little over (a form or JSON body, up to 4 MiB, or what is left of one sent without a length)
        // is read and dropped, never parsed, so that the client, still sending, reads the 413 rather than a
        // connection closed under it; a larger one (an upload over its limit) is refused from its headers
        // alone, before any of it is read.
        if (declared <= DRAINED_AT_MOST) drain(ctx, DRAINED_AT_MOST);
        throw tooLarge(limit);
    }

    /** How much of a body over its limit is read and dropped before the refusal. */
    private static final long DRAINED_AT_MOST = 4L << 20;

    /** Reads and drops what is left of the body, up to {@code atMost} bytes, so that a client still sending reads the answer. */
    static void drain(Context ctx, long atMost) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = ctx.req().getInputStream()) {
            for (long read = 0; read < atMost;) {
                int n = in.read(buffer);
                if (n < 0) return;
                read += n;
            }
        } catch (IOException e) {
            // The client went away: nobody reads the answer anyway.
        }
    }

    /** The body as text, read at most up to {@link #MAX_BYTES} (once per request: later calls get the same text). */
    static String text(Context ctx) {
        String cached = ctx.attribute(BODY);
        if (cached != null) return cached;
        // A declared length was checked before the route ran: Javalin's own (cached) reading is safe then.
        if (ctx.req().getContentLengthLong() >= 0) return ctx.body();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0;) {
                body.write(buffer, 0, n);
                if (body.size() > MAX_BYTES) throw tooLarge(MAX_BYTES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = body.toString(StandardCharsets.UTF_8);
        ctx.attribute(BODY, text);
        return text;
    }

    static ApiException tooLarge(long limit) {
        return new ApiException(413, "TOO_LARGE", "the request body is larger than the " + describe(limit) + " this request may send");
    }

    private static String describe(long bytes) {
        long mib = bytes / (1024 * 1024);
        return mib >= 1 && bytes % (1024 * 1024) == 0 ? mib + " MiB" : bytes + " bytes";
    }
}
