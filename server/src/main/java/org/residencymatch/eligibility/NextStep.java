package org.residencymatch.eligibility;

import java.util.Objects;

/** What the applicant can do about a reason, and whom to contact (with a link). */
public record NextStep(LocalizedText action, Contact contact) {

    public NextStep {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(contact, "contact");
    }
}
