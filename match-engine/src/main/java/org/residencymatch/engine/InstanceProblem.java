package org.residencymatch.engine;

import java.util.Objects;

/**
 * One reason why a match instance is refused: which item is wrong (its kind and id), which field,
 * and why.
 *
 * @param kind  the kind of item: {@code "program"}, {@code "applicant"}, {@code "couple"} or
 *              {@code "instance"} for the instance as a whole
 * @param id    the item's id as given (may be empty when the id itself is missing)
 * @param field the field at fault, with an index when it is a list entry, e.g. {@code "rol[3]"}
 * @param why   a human-readable explanation
 */
public record InstanceProblem(String kind, String id, String field, String why) {

    public InstanceProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(why, "why");
        id = id == null ? "" : id;
    }

    /** Renders as {@code program "27447", field rol[3]: refers to unknown applicant "A9"}. */
    @Override
    public String toString() {
        return kind + " \"" + id + "\", field " + field + ": " + why;
    }
}
