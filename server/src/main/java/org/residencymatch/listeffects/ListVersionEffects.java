package org.residencymatch.listeffects;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.residencymatch.applicant.ApplicantRepository;
import org.residencymatch.application.ApplicationService;
import org.residencymatch.catalogue.CatalogueService;
import org.residencymatch.catalogue.MatchFacts;
import org.residencymatch.eligibility.ApplicantFacts;
import org.residencymatch.eligibility.StreamCatalogue;
import org.residencymatch.jobs.Progress;
import org.residencymatch.lists.ListRepository;
import org.residencymatch.lists.ListsSnapshot;
import org.residencymatch.lists.VersionChange;
import org.residencymatch.lists.VersionEffects;
import org.residencymatch.notification.Outbox;
import org.residencymatch.ops.Threads;
import org.residencymatch.reconciliation.ReconciliationService;

/**
 * The effects of a list's new version: the affected applicants' reconciliation cases brought in step,
 * their applications to streams the version closes flagged for the operator (never removed), and
 * those whose catalogue changes notified. The preview's count of catalogue changes is the same
 * comparison, made without writing.
 */
public final class ListVersionEffects implements VersionEffects {

    private final ListRepository lists;
    private final ApplicantRepository applicants;
    private final CatalogueService catalogue;
    private final ReconciliationService reconciliation;
    private final ApplicationService applications;
    private final Outbox outbox;

    public ListVersionEffects(ListRepository lists, ApplicantRepository applicants, CatalogueService catalogue,
            ReconciliationService reconciliation, ApplicationService applications, Outbox outbox) {
        this.lists = lists;
        this.applicants = applicants;
        this.catalogue = catalogue;
        this.reconciliation = reconciliation;
        this.applications = applications;
        this.outbox = outbox;
    }

    @Override
    public int catalogueChanges(Handle h, VersionChange change) {
        Affected affected = affected(h, change);
        return affected == null ? 0 : whoseCatalogueChanges(change, affected).size();
    }

    @Override
    public List<org.residencymatch.lists.EligibilityShift> eligibilityShifts(Handle h, VersionChange change) {
        Affected affected = affected(h, change);
        if (affected == null) return List.of();
        List<org.residencymatch.lists.EligibilityShift> shifts = new ArrayList<>();
        for (ApplicantFacts facts : affected.profiles()) {
            var shift = catalogue.selectableShift(change.cycleId(), affected.streams(), facts,
                    change.before(affected.lists(), facts.applicantId()),
                    change.after(affected.lists(), facts.applicantId()));
            if (!shift.gained().isEmpty() || !shift.lost().isEmpty()) shifts.add(shift);
        }
        return shifts;
    }

    @Override
    public void apply(Handle h, VersionChange change, Progress progress) {
        Affected affected = affected(h, change);
        if (affected == null) return;
        String cycleId = change.cycleId();
        // Cases: the cycle's open cases read once, only the differences written (in applicant order).
        progress.step("job.step.listCases", 3, COMMIT_STEPS);
        reconciliation.syncMany(h, cycleId, affected.profiles(), facts -> change.after(affected.lists(), facts.applicantId()));
        // Applications to streams the new version closes are flagged for the operator, never removed.
        progress.step("job.step.listFlags", 4, COMMIT_STEPS);
        Set<String> withProfile = affected.byId().keySet();
        MatchFacts match = catalogue.matchFacts(h, cycleId, withProfile);
        applications.reflag(h, cycleId, withProfile, application -> catalogue.decide(cycleId, affected.streams(),
                affected.byId().get(application.applicantId()), change.after(affected.lists(), application.applicantId()), match,
                application.streamId(), application.iteration()));
        progress.step("job.step.listNotify", 5, COMMIT_STEPS);
        outbox.enqueueAll(h, whoseCatalogueChanges(change, affected), "ELIGIBILITY_CHANGED", "notification.eligibilityChanged",
                change.kind() + " list version " + change.newVersion());
    }

    /**
     * What the effects and the count both read: the cycle's other lists, its streams, and the
     * profiles of the applicants the change affects ({@link VersionChange#affected}, in its order;
     * those without a profile in the cycle are left out). Null when the change affects nobody.
     */
    private record Affected(ListsSnapshot lists, StreamCatalogue streams, List<ApplicantFacts> profiles, Map<String, ApplicantFacts> byId) {
    }

    private Affected affected(Handle h, VersionChange change) {
        Set<String> ids = change.affected();
        if (ids.isEmpty()) return null;
        ListsSnapshot snapshot = lists.snapshot(h, change.cycleId());
        StreamCatalogue streams = catalogue.streamCatalogue(h, change.cycleId());
        Map<String, ApplicantFacts> byId = profilesOf(h, change.cycleId(), ids);
        List<ApplicantFacts> profiles = new ArrayList<>(byId.size());
        for (String id : ids) {
            ApplicantFacts facts = byId.get(id);
            if (facts != null) profiles.add(facts);
        }
        return new Affected(snapshot, streams, profiles, byId);
    }

    /**
     * The affected applicants at least one of whose catalogue decisions differs between the old and
     * the new version, in order. No queries: pure computation, spread over the cores for many
     * applicants (the eligibility engine is thread-safe and the views are read-only).
     */
    private List<String> whoseCatalogueChanges(VersionChange change, Affected affected) {
        List<ApplicantFacts> profiles = affected.profiles();
        boolean[] differ = new boolean[profiles.size()];
        Threads.forEachIndex(profiles.size(), PARALLEL_FROM, i -> {
            ApplicantFacts facts = profiles.get(i);
            differ[i] = catalogue.decisionsDiffer(change.cycleId(), affected.streams(), facts,
                    change.before(affected.lists(), facts.applicantId()), change.after(affected.lists(), facts.applicantId()));
        });
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < differ.length; i++) if (differ[i]) changed.add(profiles.get(i).applicantId());
        return changed;
    }

    /** From this many applicants on, their catalogues are compared in parallel. */
    private static final int PARALLEL_FROM = 2_000;

    /**
     * The cycle profiles of these applicants, by applicant id (those without a profile are left out): one
     * query per applicant for a few of them, one query for the whole cycle for many (a whole list is
     * 100,000 of them).
     */
    private Map<String, ApplicantFacts> profilesOf(Handle h, String cycleId, Set<String> applicantIds) {
        Map<String, ApplicantFacts> profiles = new HashMap<>();
        if (applicantIds.size() <= FEW_APPLICANTS) {
            for (String id : applicantIds) applicants.findProfile(h, cycleId, id).ifPresent(f -> profiles.put(id, f));
        } else {
            for (ApplicantFacts f : applicants.allProfiles(h, cycleId))
                if (applicantIds.contains(f.applicantId())) profiles.put(f.applicantId(), f);
        }
        return profiles;
    }

    /** Up to this many applicants, their profiles are read one by one rather than with the whole cycle's. */
    private static final int FEW_APPLICANTS = 200;
}
