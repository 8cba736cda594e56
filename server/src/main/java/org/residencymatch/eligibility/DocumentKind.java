package org.residencymatch.eligibility;

/** The kinds of proof an applicant may upload, and the fact each one proves. */
public enum DocumentKind {
    CITIZENSHIP_PROOF(ProfileFact.CITIZENSHIP), DEGREE(ProfileFact.DEGREE), CMQ_LETTER(ProfileFact.CMQ_APPROVAL), PROVINCIAL_TIE_PROOF(
            ProfileFact.PROVINCIAL_TIES), MILITARY_PLAN_LETTER(ProfileFact.MILITARY_PLAN), MCC_RESULTS(ProfileFact.MCC_EXAMS);

    /** The fact this kind of document proves (a degree also proves the category of an IMG). */
    public final ProfileFact proves;

    DocumentKind(ProfileFact proves) {
        this.proves = proves;
    }
}
