package org.residencymatch.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.residencymatch.NotFoundException;
import org.residencymatch.Services;
import org.residencymatch.account.Principal;
import org.residencymatch.application.Couple;
import org.residencymatch.application.RankList;
import org.residencymatch.application.RankListService;
import org.residencymatch.application.RankLists;

/**
 * Couples in the applicant's pages: propose, accept or decline, dissolve, and edit the couple's
 * paired list with the same editor as a single list. Every change goes through {@code CoupleService}
 * and {@code RankListService}, as the API's couple routes do; the pages only translate forms.
 */
final class CouplePages {

    /** The one mistake the pair form can make that the browser cannot prevent: "no match" on both sides. */
    private static final String PAIR_ERROR = "bothNoMatch";

    private final Services services;

    CouplePages(Services services) {
        this.services = services;
    }

    void register(RoutesConfig routes) {
        routes.post("/applicant/couple", this::propose, Access.APPLICANT);
        routes.post("/applicant/couple/{coupleId}/accept", this::accept, Access.APPLICANT);
        routes.post("/applicant/couple/{coupleId}/dissolve", this::dissolve, Access.APPLICANT);
        routes.post("/applicant/couple/{coupleId}/rank-list", this::editRankList, Access.APPLICANT);
    }

    /** The applicant's proposed or active couple of the iteration, with the paired list shown (edited in the query, else saved). */
    Optional<CoupleView> view(Context ctx, String cycle, int iteration, String applicantId) {
        Optional<Couple> live = services.couples().couplesOf(cycle, iteration, applicantId).stream()
                .filter(c -> c.status().equals("PROPOSED") || c.status().equals("ACTIVE")).reduce((older, newer) -> newer);
        return live.map(couple -> {
            boolean first = couple.first().equals(applicantId);
            String partner = first ? couple.second() : couple.first();
            boolean consented = couple.status().equals("ACTIVE") || !first;
            String partnerName = consented
                    ? services.profiles().identity(partner).map(i -> i.givenNames() + " " + i.familyName()).orElse(partner)
                    : null;
            RankLists lists = services.rankLists().lists(cycle, iteration, RankListService.COUPLE, String.valueOf(couple.id()));
            List<String> saved = lists.latest().map(l -> l.entries().stream().map(e -> shown(e, first)).toList()).orElse(List.of());
            return new CoupleView(couple, applicantId, partner, partnerName, lists, RankListEditor.shownOrder(ctx, saved),
                    activeStreams(cycle, iteration, applicantId), activeStreams(cycle, iteration, partner),
                    PAIR_ERROR.equals(ctx.queryParam("pairError")) ? "couple.error.bothNoMatch" : null);
        });
    }

    private List<String> activeStreams(String cycle, int iteration, String applicantId) {
        return services.applications().applicationsOf(cycle, iteration, applicantId).stream().filter(a -> a.active()).map(a -> a.streamId()).toList();
    }

    private void propose(Context ctx) {
        Principal user = Authentication.requirePrincipal(ctx);
        int iteration = ApiRoutes.iterationFromForm(ctx);
        String partner = String.valueOf(ctx.formParam("partner")).trim();
        // The page says these in the reader's language; the form's input is required, so only a proposal to oneself meets them.
        if (ctx.formParam("partner") == null || partner.isEmpty()) throw invalid("partner", "couple.error.partner");
        try {
            services.couples().propose(CurrentCycle.id(services), iteration, user.applicantId(), partner);
        } catch (IllegalArgumentException | NotFoundException e) {
            // Oneself, or an id no applicant of the cycle has: the same answer, so ids cannot be probed.
            throw invalid("partner", "couple.error.partnerUnknown");
        }
        ctx.redirect(page(iteration) + "&couple=proposed#couple");
    }

    private void accept(Context ctx) {
        Principal user = Authentication.requirePrincipal(ctx);
        Couple couple = ownCouple(ctx, user.applicantId());
        services.couples().accept(couple.cycleId(), couple.id(), user.applicantId());
        ctx.redirect(page(couple.iteration()) + "&couple=accepted#couple");
    }

    private void dissolve(Context ctx) {
        Principal user = Authentication.requirePrincipal(ctx);
        Couple couple = ownCouple(ctx, user.applicantId());
        services.couples().dissolve(couple.cycleId(), couple.id(), user.applicantId());
        ctx.redirect(page(couple.iteration()) + "&couple=dissolved#couple");
    }

    /** The editor's actions on pairs; "add:" without a stream adds the pair chosen in the two selects. */
    private void editRankList(Context ctx) {
        Principal user = Authentication.requirePrincipal(ctx);
        Couple couple = ownCouple(ctx, user.applicantId());
        boolean first = couple.first().equals(user.applicantId());
        String added = null;
        String page = page(couple.iteration());
        if ("add:".equals(ctx.formParam("action"))) {
            String mine = orEmpty(ctx.formParam("mine")), partners = orEmpty(ctx.formParam("partner"));
            // "No match" on both sides ranks nothing: back to the list as it was, the form saying so beside its selects.
            if (mine.isEmpty() && partners.isEmpty()) page += "&pairError=" + PAIR_ERROR;
            else added = CoupleView.pair(mine, partners);
        }
        RankListEditor.handle(ctx, page, (order, submit) -> {
            List<List<String>> pairs = order.stream().map(pair -> stored(pair, first)).toList();
            try {
                services.rankLists().saveCoupleList(couple.cycleId(), couple.iteration(), couple.id(), pairs, submit, user.auditName());
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("item", e.getMessage());
            }
        }, added);
    }

    private static ApiException invalid(String field, String messageKey) {
        return ApiException.problems("INVALID_FIELD", List.of(new ApiException.Problem(field, messageKey)));
    }

    /** The couple of the path, if the applicant is in it; anyone else's couple does not exist for them. */
    private Couple ownCouple(Context ctx, String applicantId) {
        String cycle = CurrentCycle.id(services);
        Couple couple = services.couples().find(cycle, ApiRoutes.longPathParam(ctx, "coupleId"));
        if (!couple.includes(applicantId)) throw new NotFoundException("couple", ctx.pathParam("coupleId"));
        return couple;
    }

    /** A stored pair ([first partner's, second partner's], null for no match) as the viewer reads it. */
    private static String shown(RankList.Entry entry, boolean viewerIsFirst) {
        String a = orEmpty(entry.item()), b = orEmpty(entry.second());
        return viewerIsFirst ? CoupleView.pair(a, b) : CoupleView.pair(b, a);
    }

    /** A pair as the viewer posted it, in the order the service stores it. */
    private static List<String> stored(String pair, boolean viewerIsFirst) {
        String mine = emptyToNull(CoupleView.mine(pair)), partners = emptyToNull(CoupleView.partners(pair));
        return viewerIsFirst ? Arrays.asList(mine, partners) : Arrays.asList(partners, mine);
    }

    private static String page(int iteration) {
        return "/applicant/rank-list?iteration=" + iteration;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
