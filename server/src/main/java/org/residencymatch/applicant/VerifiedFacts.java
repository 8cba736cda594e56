package org.residencymatch.applicant;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.residencymatch.eligibility.ApplicantFacts;
import org.residencymatch.eligibility.ListKind;
import org.residencymatch.eligibility.ListState;
import org.residencymatch.eligibility.PartnerLists;

/**
 * Which of an applicant's facts come from a source the applicant's word cannot change: the MCC exam
 * results (the Medical Council of Canada's data), and the CMQ approval when BCI's QIMG list states it.
 * Pure: the profile page shows these as coming from their source, and a change to one of them is
 * refused with the fields at fault. Facts the applicant declares and others verify from documents
 * (citizenship, the degree, ...) are declared freely: a change sends them back to awaiting
 * verification ({@code ProfileService}).
 */
public final class VerifiedFacts {

    /** A verified fact: its field (as the profile form and the API name it) and who verifies it. */
    public record Fact(String field, Source source, int listVersion) {
    }

    /** Who verifies a fact. */
    public enum Source {
        DOCUMENTS, MCC, QIMG_LIST
    }

    /** The applicant tried to change verified facts; nothing was saved. */
    public static final class ChangeRefusedException extends RuntimeException {
        private final List<String> fields;

        ChangeRefusedException(List<String> fields) {
            super("verified facts cannot be changed by the applicant: " + String.join(", ", fields));
            this.fields = List.copyOf(fields);
        }

        public List<String> fields() {
            return fields;
        }
    }

    private VerifiedFacts() {
    }

    /** The verified facts of an applicant with these partner lists. */
    public static List<Fact> of(PartnerLists lists) {
        List<Fact> facts = new ArrayList<>(List.of(new Fact("mccqe1", Source.MCC, 0), new Fact("nac", Source.MCC, 0)));
        ListState qimg = lists.state(ListKind.QIMG);
        if (qimg.isMember() && qimg.entry().map(e -> e.qimgContingent() != null).orElse(false)) {
            facts.add(new Fact("cmqApproval", Source.QIMG_LIST, qimg.version()));
        }
        return facts;
    }

    /** The verified fields whose value differs between the current profile and the one submitted, in the order of {@link #of}. */
    public static List<String> changed(ApplicantFacts current, ApplicantFacts submitted, PartnerLists lists) {
        List<String> changed = new ArrayList<>();
        for (Fact fact : of(lists)) {
            if (!Objects.equals(value(current, fact.field()), value(submitted, fact.field()))) changed.add(fact.field());
        }
        return changed;
    }

    private static Object value(ApplicantFacts facts, String field) {
        return switch (field) {
            case "mccqe1" -> facts.mccqe1();
            case "nac" -> facts.nac();
            case "cmqApproval" -> facts.cmqApproval();
            default -> throw new IllegalArgumentException("not a verified field: " + field);
        };
    }

    static void requireUnchanged(ApplicantFacts current, ApplicantFacts submitted, PartnerLists lists) {
        List<String> changed = changed(current, submitted, lists);
        if (!changed.isEmpty()) throw new ChangeRefusedException(changed);
    }
}
