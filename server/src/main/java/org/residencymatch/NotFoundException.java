package org.residencymatch;

/** Something asked for by id that does not exist (or that the caller may not know of): answered with 404. */
public final class NotFoundException extends RuntimeException {
    private final String kind;
    private final String id;

    public NotFoundException(String kind, String id) {
        super("no " + kind + " \"" + id + "\"");
        this.kind = kind;
        this.id = id;
    }

    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }
}
