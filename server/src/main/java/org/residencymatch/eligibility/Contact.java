package org.residencymatch.eligibility;

import java.util.Objects;

/** Whom to contact about a reason: a name and a link, both in English and French. */
public record Contact(String id, LocalizedText name, LocalizedText link) {

    public Contact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(link, "link");
    }
}
