package org.residencymatch.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.residencymatch.account.SecretTokens;

/**
 * The forms of visitors who are not signed in (sign-in, registration, password reset, language) without
 * a row in the database: the browser keeps a random nonce in a cookie, and the form's CSRF token is the
 * nonce signed (HMAC-SHA256) with a key every instance shares. Another site can neither read the
 * cookie nor sign a nonce, so it cannot forge the token. The language a visitor chooses lives in a
 * cookie too. At sign-in the nonce is dropped (the signed-in session has its own token in the
 * database), so a nonce known before sign-in is worth nothing after it.
 */
final class AnonymousForms {

    static final String NONCE_COOKIE = "rm_form";
    static final String LANGUAGE_COOKIE = "rm_lang";
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final String ISSUED = "anonymous-form-nonce";

    private final SecretKeySpec key;
    private final WebConfig config;

    AnonymousForms(String secret, WebConfig config) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.config = config;
    }

    /** The CSRF token of this visitor's forms; the nonce cookie is issued with it if the browser has none yet. */
    String token(Context ctx) {
        String nonce = ctx.attribute(ISSUED);
        if (nonce == null) nonce = nonce(ctx);
        if (nonce == null) {
            nonce = SecretTokens.newToken();
            setCookie(ctx, NONCE_COOKIE, nonce, -1);
        }
        ctx.attribute(ISSUED, nonce);
        return sign(nonce);
    }

    /** Whether the token sent is the signature of this browser's nonce. */
    boolean accepts(Context ctx, String sent) {
        String nonce = nonce(ctx);
        return nonce != null && SecretTokens.sameSecret(sent, sign(nonce));
    }

    /** Drops the nonce (at sign-in: from then on the session's own token counts). */
    void forget(Context ctx) {
        if (ctx.cookie(NONCE_COOKIE) != null) setCookie(ctx, NONCE_COOKIE, "", 0);
    }

    /** Remembers the language a visitor without a session chose, for a year. */
    void rememberLanguage(Context ctx, String language) {
        setCookie(ctx, LANGUAGE_COOKIE, language, 365 * 24 * 3600);
    }

    /** The language a visitor without a session chose, if any. */
    static String chosenLanguage(Context ctx) {
        String language = ctx.cookie(LANGUAGE_COOKIE);
        return Messages.isSupported(language) ? language : null;
    }

    private static String nonce(Context ctx) {
        String nonce = ctx.cookie(NONCE_COOKIE);
        return nonce != null && NONCE.matcher(nonce).matches() ? nonce : null;
    }

    private String sign(String nonce) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(("anonymous-form:" + nonce).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HttpOnly: no script reads it; SameSite=Lax: not sent on cross-site posts; Secure unless configured off. */
    private void setCookie(Context ctx, String name, String value, int maxAgeSeconds) {
        ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=/" + (maxAgeSeconds >= 0 ? "; Max-Age=" + maxAgeSeconds : "")
                + "; HttpOnly; SameSite=Lax" + (config.secureCookies() ? "; Secure" : ""));
    }
}
