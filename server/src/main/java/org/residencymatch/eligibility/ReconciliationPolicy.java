package org.residencymatch.eligibility;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds contradictions between an applicant's profile and the received partner lists: the cases
 * where a program "silently" disappears or appears for a reason the applicant cannot see. Pure; the
 * service opens and closes reconciliation cases from the result. Lists not received contradict
 * nothing.
 */
public final class ReconciliationPolicy {

    /** Profile says CMQ Régulier, but the received QIMG list does not have the applicant. */
    public static final String QUEBEC_REGULIER_NOT_ON_LIST = ReasonCodes.QUEBEC_REGULIER_NOT_ON_LIST;
    /** On the QIMG list, but the profile says CMQ Particulier. */
    public static final String QIMG_LISTED_BUT_PROFILE_PARTICULIER = "QIMG_LISTED_BUT_PROFILE_PARTICULIER";
    /** On the QIMG list, but the profile declares no CMQ approval. */
    public static final String QIMG_LISTED_BUT_NO_CMQ_APPROVAL = "QIMG_LISTED_BUT_NO_CMQ_APPROVAL";
    /** On the QIMG list as Particulier, but the profile says Régulier. */
    public static final String QIMG_CONTINGENT_MISMATCH = "QIMG_CONTINGENT_MISMATCH";
    /** On an IMG list (AIMG, BCIMG or QIMG), but the profile says CMG. */
    public static final String ON_IMG_LIST_BUT_PROFILE_CMG = "ON_IMG_LIST_BUT_PROFILE_CMG";

    /** The rule that closes Québec to a Régulier applicant missing from the QIMG list: its failure is {@link #QUEBEC_REGULIER_NOT_ON_LIST}. */
    public static final String QUEBEC_REGULIER_RULE = "QC_REGULIER_QIMG_LIST";

    private ReconciliationPolicy() {
    }

    /**
     * The contradictions for one applicant, sorted by key. Empty when profile and lists agree.
     *
     * @param rules the cycle's rules: a Régulier applicant missing from the QIMG list is a contradiction exactly
     *     when their rule {@value #QUEBEC_REGULIER_RULE} fails on the received list, and the case says what that
     *     rule tells the applicant (none when the rules have no such rule)
     */
    public static List<Contradiction> contradictions(ApplicantFacts applicant, PartnerLists lists, EligibilityRules rules) {
        List<Contradiction> found = new ArrayList<>();
        for (ListKind kind : ListKind.values()) {
            ListState list = lists.state(kind);
            if (list.isMember() && applicant.category() == ApplicantCategory.CMG) {
                found.add(new Contradiction(ON_IMG_LIST_BUT_PROFILE_CMG, kind, list.version(), new LocalizedText(
                        "The applicant is on version " + list.version() + " of the " + kind
                                + " list, which only lists international medical graduates, but the profile says CMG.",
                        "Le candidat figure sur la version " + list.version() + " de la liste " + kind
                                + ", qui ne contient que des DHCEU, mais son profil indique DMC.")));
            }
        }
        ListState qimg = lists.state(ListKind.QIMG);
        if (qimg.received() && applicant.category() == ApplicantCategory.IMG) {
            quebecContradiction(applicant.cmqApproval(), qimg).ifPresent(found::add);
        }
        notOnTheQimgList(applicant, lists, rules).ifPresent(found::add);
        found.sort(Comparator.comparing(Contradiction::key));
        return List.copyOf(found);
    }

    /**
     * The rule's own failure on a received list (not its "list not received", which contradicts nothing), told
     * to the operator as the rule tells it to the applicant, with what the rule asks them to do.
     */
    private static Optional<Contradiction> notOnTheQimgList(ApplicantFacts applicant, PartnerLists lists, EligibilityRules rules) {
        return rules.reasonOf(QUEBEC_REGULIER_RULE, applicant, lists)
                .filter(reason -> reason.code().equals(QUEBEC_REGULIER_NOT_ON_LIST) && reason.provenance().listVersion() != null)
                .map(reason -> {
                    int version = reason.provenance().listVersion();
                    return new Contradiction(QUEBEC_REGULIER_NOT_ON_LIST, ListKind.QIMG, version, new LocalizedText(
                            "Rule " + QUEBEC_REGULIER_RULE + ", on version " + version + " of BCI's QIMG list, tells the applicant: “"
                                    + reason.message().en() + "” and asks them: “" + reason.nextStep().action().en() + "”",
                            "La règle " + QUEBEC_REGULIER_RULE + ", avec la version " + version
                                    + " de la liste QIMG du BCI, dit au candidat : « "
                                    + reason.message().fr() + " » et lui demande : « " + reason.nextStep().action().fr() + " »"));
                });
    }

    /** The other disagreements between the profile's CMQ approval and a received QIMG list. */
    private static Optional<Contradiction> quebecContradiction(CmqApproval profile, ListState qimg) {
        int version = qimg.version();
        if (!qimg.isMember()) return Optional.empty();
        CmqApproval listed = qimg.membership().qimgContingent();
        return switch (profile) {
            case PARTICULIER -> Optional.of(new Contradiction(
                    QIMG_LISTED_BUT_PROFILE_PARTICULIER, ListKind.QIMG, version, new LocalizedText(
                            "The applicant is on version " + version + " of BCI's QIMG list, but the profile says"
                                    + " the CMQ approval is in the Particulier contingent.",
                            "Le candidat figure sur la version " + version + " de la liste QIMG du BCI, mais son"
                                    + " profil indique une approbation du CMQ dans le contingent particulier.")));
            case NONE -> Optional.of(new Contradiction(
                    QIMG_LISTED_BUT_NO_CMQ_APPROVAL, ListKind.QIMG, version, new LocalizedText(
                            "The applicant is on version " + version + " of BCI's QIMG list, but the profile"
                                    + " declares no CMQ approval.",
                            "Le candidat figure sur la version " + version + " de la liste QIMG du BCI, mais son"
                                    + " profil ne déclare aucune approbation du CMQ.")));
            case REGULIER -> listed == CmqApproval.PARTICULIER
                    ? Optional.of(new Contradiction(
                            QIMG_CONTINGENT_MISMATCH, ListKind.QIMG, version, new LocalizedText(
                                    "Version " + version + " of BCI's QIMG list gives the Particulier contingent,"
                                            + " but the profile says Régulier.",
                                    "La version " + version + " de la liste QIMG du BCI indique le contingent"
                                            + " particulier, mais le profil indique le contingent régulier.")))
                    : Optional.empty();
        };
    }
}
