package org.residencymatch.lists;

import java.util.Optional;
import org.residencymatch.eligibility.ListKind;

/** The outside organisations that send eligibility lists, each exactly one kind of list. */
public enum PartnerBody {
    AIMG(ListKind.AIMG), UBC_CAP(ListKind.BCIMG), BCI(ListKind.QIMG);

    private final ListKind listKind;

    PartnerBody(ListKind listKind) {
        this.listKind = listKind;
    }

    public ListKind listKind() {
        return listKind;
    }

    public static Optional<PartnerBody> parse(String name) {
        for (PartnerBody body : values()) if (body.name().equals(name)) return Optional.of(body);
        return Optional.empty();
    }
}
