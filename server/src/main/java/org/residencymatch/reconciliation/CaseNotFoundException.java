package org.residencymatch.reconciliation;

/** No reconciliation case with that id in that cycle. */
public final class CaseNotFoundException extends RuntimeException {
    public CaseNotFoundException(long caseId) {
        super("no reconciliation case " + caseId);
    }
}
