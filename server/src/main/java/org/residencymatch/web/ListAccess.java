package org.residencymatch.web;

import java.util.List;
import org.residencymatch.Services;
import org.residencymatch.account.Principal;
import org.residencymatch.account.Role;
import org.residencymatch.eligibility.ListKind;
import org.residencymatch.lists.PartnerBody;

/**
 * Who may work on which partner list: each partner body only on its own kind (AIMG → AIMG,
 * UBC-CAP → BCIMG, BCI → QIMG); the operator on all of them. A refused attempt is audited.
 */
final class ListAccess {

    private ListAccess() {
    }

    static List<ListKind> kindsOf(Principal user) {
        if (user.role() == Role.OPERATOR) return List.of(ListKind.values());
        if (user.role() == Role.PARTNER) {
            return PartnerBody.parse(user.partnerBody()).map(body -> List.of(body.listKind())).orElse(List.of());
        }
        return List.of();
    }

    static void require(Services services, Principal user, String cycle, ListKind kind, String attempt) {
        if (kindsOf(user).contains(kind)) return;
        services.listVersions().recordRefusedAccess(cycle, kind, user.auditName(),
                attempt + " by " + user.role() + (user.partnerBody() == null ? "" : " " + user.partnerBody()));
        throw new ApiException(403, "FORBIDDEN", "your organisation may not work on the " + kind + " list");
    }

    static ListKind kind(String text) {
        for (ListKind kind : ListKind.values()) if (kind.name().equalsIgnoreCase(text)) return kind;
        throw new ApiException(404, "NOT_FOUND", "no list kind \"" + text + "\"; the kinds are AIMG, BCIMG and QIMG");
    }
}
