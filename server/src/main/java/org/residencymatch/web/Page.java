package org.residencymatch.web;

import org.residencymatch.account.Principal;

/**
 * What every page template needs besides its own model: the texts in the visitor's language, the
 * CSRF token for its forms, the signed-in user (or null) and the current path (for the language
 * switch to come back to).
 */
public record Page(Messages m, String csrfToken, Principal user, String path, String title) {

    public String t(String key, Object... args) {
        return m.t(key, args);
    }

    public boolean signedIn() {
        return user != null;
    }
}
