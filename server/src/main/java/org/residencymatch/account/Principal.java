package org.residencymatch.account;

/**
 * The signed-in user of a request, with what scopes their access: an applicant reaches only their own
 * file, a partner body its own list, program staff their own faculty's programs.
 *
 * @param userId the account id, or 0 for the bootstrap operator token
 * @param applicantId set for applicants
 * @param facultyId set for program staff
 * @param partnerBody set for partner users (AIMG, UBC_CAP, BCI)
 */
public record Principal(long userId, String displayName, Role role, String applicantId, String facultyId, String partnerBody) {

    /** How this user is named in audit rows: by account id, never by name or email. */
    public String auditName() {
        return userId == 0 ? "bootstrap-token" : "user:" + userId;
    }

    public boolean isOperator() {
        return role == Role.OPERATOR;
    }

    /** Whether this user may search applicants and read any applicant's page: the operator and the help desk. */
    public boolean mayFindApplicants() {
        return role == Role.OPERATOR || role == Role.HELP_DESK;
    }

    /**
     * Whether this user may read the file of the given applicant (what a route admitting them lets them read:
     * the help desk reads, it changes nothing).
     */
    public boolean mayReadApplicant(String otherApplicantId) {
        return mayFindApplicants() || (role == Role.APPLICANT && otherApplicantId.equals(applicantId));
    }
}
