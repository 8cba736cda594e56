package org.residencymatch.lists;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.residencymatch.eligibility.ListKind;
import org.residencymatch.tabular.TextKey;

/**
 * The columns a partner list may have, with the headers each is recognised by (in English or French;
 * compared without case, accents, punctuation or spacing), and which list kinds use it. The first
 * header is the one the downloadable template uses.
 */
public enum ListColumn {
    APPLICANT_ID(false, EnumSet.allOf(ListKind.class), "Applicant ID", "applicant", "id", "numero de candidat", "no de candidat",
            "identifiant du candidat"), MINC(false, EnumSet.allOf(ListKind.class), "MINC", "nimc",
                    "medical identification number for canada"), MCC_CANDIDATE_CODE(false, EnumSet.allOf(ListKind.class),
                            "MCC candidate code", "mcc code", "mcc id", "mcc candidate id", "code de candidat du cmc", "code cmc",
                            "numero de candidat du cmc"), FAMILY_NAME(true, EnumSet.allOf(ListKind.class), "Family name", "last name",
                                    "surname", "nom de famille", "nom"), GIVEN_NAMES(true, EnumSet.allOf(ListKind.class), "Given names",
                                            "given name", "first name", "first names", "prenoms", "prenom", "prenom s"), DATE_OF_BIRTH(true,
                                                    EnumSet.allOf(ListKind.class), "Date of birth", "dob", "birth date", "birthdate",
                                                    "date de naissance", "naissance"), MMI_SCORE(false, EnumSet.of(ListKind.AIMG),
                                                            "MMI score", "mmi", "score mmi", "note mmi", "resultat mmi"), CONTINGENT(true,
                                                                    EnumSet.of(ListKind.QIMG), "Contingent", "cmq contingent",
                                                                    "contingent cmq", "contingent du cmq"), ASSESSMENT_OUTCOME(false,
                                                                            EnumSet.of(ListKind.BCIMG), "Assessment outcome", "outcome",
                                                                            "bc cap outcome", "resultat de l evaluation", "resultat");

    private final boolean requiredWhereUsed;
    private final Set<ListKind> kinds;
    private final String templateHeader;
    private final List<String> keys;

    ListColumn(boolean requiredWhereUsed, Set<ListKind> kinds, String templateHeader, String... otherHeaders) {
        this.requiredWhereUsed = requiredWhereUsed;
        this.kinds = kinds;
        this.templateHeader = templateHeader;
        List<String> all = new java.util.ArrayList<>();
        all.add(TextKey.of(templateHeader));
        for (String h : otherHeaders) all.add(TextKey.of(h));
        this.keys = List.copyOf(all);
    }

    public String templateHeader() {
        return templateHeader;
    }

    public boolean usedBy(ListKind kind) {
        return kinds.contains(kind);
    }

    public boolean requiredFor(ListKind kind) {
        return requiredWhereUsed && usedBy(kind);
    }

    /** Whether a header, as written in a file, names this column. */
    public boolean recognises(String header) {
        return keys.contains(TextKey.of(header));
    }

    /** The columns of a list kind, in template order. */
    public static List<ListColumn> of(ListKind kind) {
        return java.util.Arrays.stream(values()).filter(c -> c.usedBy(kind)).toList();
    }
}
