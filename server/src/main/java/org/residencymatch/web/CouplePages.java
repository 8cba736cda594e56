package org.residencymatch.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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

    /** The refusals the paired list's form shows in place, by their message key's last part. */
    private static final List<String> ERRORS = List.of("bothNoMatch");

    private final Services services;
    private final PageRenderer pages;
    private final String publicUrl;

    CouplePages(Services services, PageRenderer pages, String publicUrl) {
        this.services = services;
        this.pages = pages;
        this.publicUrl = publicUrl;
    }

    void register(RoutesConfig routes) {
        routes.post("/applicant/couple", this::propose, Access.APPLICANT);
        routes.post("/applicant/couple/{coupleId}/accept", this::accept, Access.APPLICANT);
        routes.get("/applicant/couple/{coupleId}/dissolve", this::confirmDissolve, Access.APPLICANT);
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
            RankListEditor.Shown shown = RankListEditor.shown(ctx, saved);
            String viewer = Authentication.requirePrincipal(ctx).auditName();
            boolean partnerSaved = lists.latest().map(l -> !viewer.equals(l.savedBy())).orElse(false);
            String asked = ctx.queryParam("error");
            String error = asked != null && ERRORS.contains(asked) ? asked : "";
            return new CoupleView(couple, applicantId, partner, partnerName, lists, shown.order(),
                    activeStreams(cycle, iteration, applicantId), activeStreams(cycle, iteration, partner), shown.unsaved(), shown.moved(),
                    partnerSaved, error);
        });
    }

    private List<String> activeStreams(String cycle, int iteration, String applicantId) {
        return services.applications().applicationsOf(cycle, iteration, applicantId).stream().filter(a -> a.active()).map(a -> a.streamId())
                .toList();
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

    /**
     * Dissolving an active couple undoes the paired list for both partners: the button leads here, a page
     * that says what will happen and asks again, before anything changes. (Declining or withdrawing a
     * proposal changes no list and is done at once.)
     */
    private void confirmDissolve(Context ctx) {
        Principal user = Authentication.requirePrincipal(ctx);
        Couple couple = ownCouple(ctx, user.applicantId());
        if (!couple.status().equals("ACTIVE")) {
            ctx.redirect(page(couple.iteration()) + "#couple");
            return;
        }
        String partner = couple.first().equals(user.applicantId()) ? couple.second() : couple.first();
        String partnerName = services.profiles().identity(partner).map(i -> i.givenNames() + " " + i.familyName()).orElse(partner);
        RankListEditor.noStore(ctx);
        pages.render(ctx, "applicant/dissolve.jte", "couple.dissolveTitle",
                Map.of("couple", couple, "partner", partner, "partnerName", partnerName, "iteration", couple.iteration()));
    }

    private void dissolve(Context ctx) {
        Principal user = Authentication.requirePrincipal(ctx);
        Couple couple = ownCouple(ctx, user.applicantId());
        if (couple.status().equals("ACTIVE") && !"yes".equals(ctx.formParam("confirm"))) {
            // Not confirmed (a form of an older page, a script): ask first.
            ctx.redirect("/applicant/couple/" + couple.id() + "/dissolve");
            return;
        }
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
            if (mine.isEmpty() && partners.isEmpty()) {
                // Said in the form, next to the two selects, with the unsaved order kept.
                RankListEditor.refuse(ctx, page, "bothNoMatch", "pair-add");
                return;
            }
            added = CoupleView.pair(mine, partners);
        }
        RankListEditor.handle(ctx, page, (order, submit) -> {
            List<List<String>> pairs = order.stream().map(pair -> stored(pair, first)).toList();
            services.rankLists().saveCoupleList(couple.cycleId(), couple.iteration(), couple.id(), pairs, submit, user.auditName(),
                    user.applicantId(), publicUrl + page(couple.iteration()));
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
