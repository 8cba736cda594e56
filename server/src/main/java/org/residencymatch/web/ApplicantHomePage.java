package org.residencymatch.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.residencymatch.Services;
import org.residencymatch.account.Principal;
import org.residencymatch.application.Couple;
import org.residencymatch.application.RankListService;
import org.residencymatch.application.RankLists;
import org.residencymatch.cap.ClinicalAssessmentService;
import org.residencymatch.cycle.Cycle;
import org.residencymatch.cycle.Phase;
import org.residencymatch.help.HelpCaseStatus;
import org.residencymatch.journey.ApplicantChecklist;

/**
 * Where an applicant lands: the iteration's calendar with where it stands now, and what is left to
 * do (the {@link ApplicantChecklist} policy), each step linking to the page where it is done.
 */
final class ApplicantHomePage {

    private final Services services;
    private final PageRenderer pages;

    ApplicantHomePage(Services services, PageRenderer pages) {
        this.services = services;
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        routes.get("/applicant", this::home, Access.APPLICANT);
    }

    private void home(Context ctx) {
        Principal user = Authentication.requirePrincipal(ctx);
        Cycle cycle = CurrentCycle.of(services);
        int iteration = ApiRoutes.iteration(ctx);
        LocalDateTime now = LocalDateTime.now(services.clock());
        Phase phase = cycle.phaseAt(iteration, now).orElse(null);
        List<CalendarRow> calendar = new ArrayList<>();
        for (Cycle.PhaseStart start : cycle.phases()) {
            if (start.iteration() != iteration) continue;
            calendar.add(new CalendarRow(start.phase(), start.startsAt(), cycle.endOf(iteration, start.phase()).orElse(null),
                    start.phase() == phase));
        }
        pages.render(ctx, "applicant/home.jte", "home.title", Map.of(
                "cycle", cycle, "iteration", iteration, "phaseName", phase == null ? "BEFORE" : phase.name(), "calendar", calendar,
                "steps", ApplicantChecklist.steps(situation(cycle, iteration, phase, user.applicantId())),
                "result", ApplicantResultView.of(services, cycle, iteration, user.applicantId())));
    }

    private ApplicantChecklist.Situation situation(Cycle cycle, int iteration, Phase phase, String applicantId) {
        String cycleId = cycle.id();
        int applications = (int) services.applications().applicationsOf(cycleId, iteration, applicantId).stream().filter(a -> a.active())
                .count();
        // A member of a couple ranks through the couple's paired list, not a list of their own.
        java.util.Optional<Couple> couple = services.couples().couplesOf(cycleId, iteration, applicantId).stream()
                .filter(c -> c.status().equals("ACTIVE"))
                .findFirst();
        RankLists lists = couple.map(Couple::id)
                .map(id -> services.rankLists().lists(cycleId, iteration, RankListService.COUPLE, String.valueOf(id)))
                .orElseGet(() -> services.rankLists().lists(cycleId, iteration, RankListService.APPLICANT, applicantId));
        // A couple ranks pairs: one partner's applications are enough ("no match" on the other side).
        boolean somethingToRank = applications > 0 || couple.map(c -> c.first().equals(applicantId) ? c.second() : c.first())
                .map(partner -> services.applications().applicationsOf(cycleId, iteration, partner).stream().anyMatch(a -> a.active()))
                .orElse(false);
        ClinicalAssessmentService.BcCapStatus bcCap = services.clinicalAssessment().bcCapStatus(cycleId, cycle.matchYear(), applicantId);
        return new ApplicantChecklist.Situation(phase,
                services.profiles().profile(cycleId, applicantId).isPresent(),
                applications,
                lists.inForce().isPresent(),
                lists.unsubmittedChanges(),
                services.matchRuns().resultOf(cycleId, iteration, applicantId).isPresent(),
                (int) services.help().casesOf(cycleId, applicantId).stream().filter(c -> c.status() == HelpCaseStatus.ANSWERED).count(),
                services.clinicalAssessment().invitation(cycleId, applicantId).filter(i -> i.status().equals("INVITED"))
                        .map(ClinicalAssessmentService.Invitation::respondBy).orElse(null),
                bcCap.open() && !bcCap.registered() && bcCap.eligibility().allowed() ? bcCap.closes() : null,
                somethingToRank);
    }
}
