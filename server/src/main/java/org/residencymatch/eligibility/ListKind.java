package org.residencymatch.eligibility;

/** The partner eligibility lists the operator receives once a cycle. */
public enum ListKind {
    /** Alberta International Medical Graduate Program. */
    AIMG,
    /** UBC's IMG Clinical Assessment Program (BC-CAP). */
    BCIMG,
    /** Bureau de coopération interuniversitaire: CMQ-approved IMGs of the Régulier contingent. */
    QIMG
}
