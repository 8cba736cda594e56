package org.residencymatch.eligibility;

/**
 * A rules file is malformed. The message names the file, the rule (when the problem is inside one)
 * and the field, e.g. {@code rule 'AB_IMG_AIMG_LIST', field 'appliesTo.streamTypes[0]': ...}.
 */
public final class RulesFileException extends RuntimeException {

    private final String ruleId;
    private final String field;

    RulesFileException(String message, String ruleId, String field) {
        super(message);
        this.ruleId = ruleId;
        this.field = field;
    }

    RulesFileException(String message, Throwable cause) {
        super(message, cause);
        this.ruleId = null;
        this.field = null;
    }

    /** The id of the rule at fault, or null if the problem is outside the rules. */
    public String ruleId() {
        return ruleId;
    }

    /** The path of the field at fault (e.g. {@code message.fr}), or null. */
    public String field() {
        return field;
    }
}
