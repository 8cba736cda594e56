package org.residencymatch.catalogue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.residencymatch.NotFoundException;
import org.residencymatch.applicant.ApplicantRepository;
import org.residencymatch.cycle.CycleRepository;
import org.residencymatch.eligibility.ApplicantFacts;
import org.residencymatch.eligibility.CatalogueDecisions;
import org.residencymatch.eligibility.CycleEligibility;
import org.residencymatch.eligibility.Decision;
import org.residencymatch.eligibility.EligibilityDecision;
import org.residencymatch.eligibility.EligibilityRules;
import org.residencymatch.eligibility.IterationStanding;
import org.residencymatch.eligibility.PartnerLists;
import org.residencymatch.eligibility.Positions;
import org.residencymatch.eligibility.StreamCatalogue;
import org.residencymatch.eligibility.StreamFacts;
import org.residencymatch.lists.ListRepository;
import org.residencymatch.program.ProgramRepository;
import org.residencymatch.program.ProgramStream;

/**
 * An applicant's catalogue: every program stream of the cycle with the eligibility decision for
 * them, read from the database and decided by the pure rules of the cycle. Nothing is hidden: a
 * stream that cannot be selected is listed with its reasons.
 */
public final class CatalogueService {

    /** The order of a catalogue: what can be selected first, then what is pending, then the rest. */
    private static final Comparator<CatalogueEntry> SELECTABLE_FIRST = Comparator.comparingInt(e -> switch (e.decision().decision()) {
        case SELECTABLE -> 0;
        case PENDING -> 1;
        case APPLY_ELSEWHERE -> 2;
        case NOT_ELIGIBLE -> 3;
    });

    private final Jdbi jdbi;
    private final CycleRepository cycles;
    private final ProgramRepository programs;
    private final ApplicantRepository applicants;
    private final ListRepository lists;
    private final MatchFactsRepository matchFacts = new MatchFactsRepository();
    /** The rules are immutable classpath data: loading them once per cycle is a cache, not state. */
    private final Map<String, CycleEligibility> rulesByCycle = new ConcurrentHashMap<>();

    public CatalogueService(Jdbi jdbi, CycleRepository cycles, ProgramRepository programs, ApplicantRepository applicants,
            ListRepository lists) {
        this.jdbi = jdbi;
        this.cycles = cycles;
        this.programs = programs;
        this.applicants = applicants;
        this.lists = lists;
    }

    public CycleEligibility rules(String cycleId) {
        return rulesByCycle.computeIfAbsent(cycleId, CycleEligibility::fromClasspath);
    }

    /** One page of the applicant's catalogue, filtered, selectable streams first. */
    public Catalogue catalogue(String cycleId, String applicantId, int iteration, CatalogueFilter filter, int page, int pageSize) {
        List<CatalogueEntry> all = decideAll(cycleId, applicantId, iteration);
        Map<Decision, Integer> counts = Catalogue.emptyCounts();
        List<CatalogueEntry> matching = new ArrayList<>();
        for (CatalogueEntry entry : all) {
            if (!filter.accepts(entry)) continue;
            matching.add(entry);
            counts.merge(entry.decision().decision(), 1, Integer::sum);
        }
        matching.sort(SELECTABLE_FIRST);
        int from = Math.min(matching.size(), (page - 1) * pageSize);
        int to = Math.min(matching.size(), from + pageSize);
        return new Catalogue(cycleId, applicantId, iteration, List.copyOf(matching.subList(from, to)), all.size(), matching.size(), page,
                pageSize, counts);
    }

    /**
     * The streams the applicant may select only subject to the verification of their facts in an
     * iteration (their applications to them are marked so); empty without a profile.
     */
    public java.util.Set<String> provisionalStreams(String cycleId, String applicantId, int iteration) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        try {
            for (CatalogueEntry entry : decideAll(cycleId, applicantId, iteration)) {
                if (entry.decision().isProvisional()) ids.add(entry.stream().streamId());
            }
        } catch (NotFoundException noProfile) {
            return java.util.Set.of();
        }
        return ids;
    }

    /** Each stream's positions in an iteration (see {@link MatchFactsRepository#positions}). */
    public Map<String, Positions> positions(String cycleId, int iteration) {
        return jdbi.withHandle(h -> {
            if (!cycles.exists(cycleId)) throw new NotFoundException("cycle", cycleId);
            return matchFacts.positions(h, cycleId, iteration, programs.streams(h, cycleId));
        });
    }

    /** The decision on one stream, with every reason. */
    public CatalogueEntry explain(String cycleId, String applicantId, String streamId, int iteration) {
        return jdbi.withHandle(h -> {
            Context context = context(h, cycleId, applicantId);
            ProgramStream stream = programs.stream(h, cycleId, streamId)
                    .orElseThrow(() -> new NotFoundException("program stream", streamId));
            IterationStanding standing = matchFacts.standing(h, cycleId, iteration, applicantId,
                    id -> programs.stream(h, cycleId, id).orElse(null));
            Positions positions = matchFacts.positions(h, cycleId, iteration, List.of(stream)).get(streamId);
            EligibilityRules rules = rules(cycleId).iteration(iteration);
            EligibilityDecision decision = rules.withMatchFacts(rules.decide(context.facts(), facts(stream), context.lists()), standing,
                    positions);
            return new CatalogueEntry(stream, positions, decision);
        });
    }

    /**
     * The match's facts for these applicants in every iteration, as the caller's transaction sees them,
     * for {@link #decide}.
     */
    public MatchFacts matchFacts(Handle h, String cycleId, java.util.Collection<String> applicantIds) {
        List<ProgramStream> streams = programs.streams(h, cycleId);
        Map<String, ProgramStream> byId = byId(streams);
        Map<Integer, Map<String, Positions>> positions = new java.util.HashMap<>();
        Map<Integer, Map<String, IterationStanding>> standings = new java.util.HashMap<>();
        for (int iteration = 1; iteration <= 2; iteration++) {
            positions.put(iteration, matchFacts.positions(h, cycleId, iteration, streams));
            standings.put(iteration, matchFacts.standings(h, cycleId, iteration, applicantIds, byId::get));
        }
        return new MatchFacts(positions, standings);
    }

    /**
     * The decision on one stream for these facts, lists and match facts (as the caller's transaction
     * sees them), e.g. to re-check applications inside the transaction that changes a list or releases
     * results.
     */
    public EligibilityDecision decide(String cycleId, StreamCatalogue streams, ApplicantFacts facts, PartnerLists lists, MatchFacts match,
            String streamId, int iteration) {
        int index = streams.indexOf(streamId);
        if (index < 0) throw new NotFoundException("program stream", streamId);
        EligibilityRules rules = rules(cycleId).iteration(iteration);
        return rules.withMatchFacts(rules.decide(facts, streams.stream(index), lists),
                match.standing(iteration, facts.applicantId()), match.positions(iteration, streamId));
    }

    /**
     * The decisions on the streams of one applicant in an iteration, as the caller's transaction sees their
     * profile and lists (read once, here), for {@link #decide} on each stream asked.
     */
    public Function<String, EligibilityDecision> decider(Handle h, String cycleId, String applicantId, StreamCatalogue streams,
            MatchFacts match,
            int iteration) {
        Context context = context(h, cycleId, applicantId);
        return streamId -> decide(cycleId, streams, context.facts(), context.lists(), match, streamId, iteration);
    }

    /** The cycle's streams as the eligibility rules see them. */
    public StreamCatalogue streamCatalogue(Handle h, String cycleId) {
        return StreamCatalogue.of(programs.streams(h, cycleId).stream().map(CatalogueService::facts).toList());
    }

    /**
     * Whether any of the applicant's decisions, in either iteration, differs between two views of the
     * lists: what a list change does to the applicant's catalogue.
     */
    /**
     * Where, in the first iteration, streams become selectable for the applicant ({@code gained}) or stop being selectable
     * ({@code lost}) from the lists {@code before} to the lists {@code after}: the provinces, by code.
     */
    public org.residencymatch.lists.EligibilityShift selectableShift(String cycleId, StreamCatalogue catalogue, ApplicantFacts facts,
            PartnerLists before, PartnerLists after) {
        CycleEligibility rules = rules(cycleId);
        CatalogueDecisions old = rules.decideCatalogue(facts, catalogue, before, 1);
        CatalogueDecisions now = rules.decideCatalogue(facts, catalogue, after, 1);
        java.util.SortedSet<String> gained = new java.util.TreeSet<>(), lost = new java.util.TreeSet<>();
        for (int i = 0; i < catalogue.size(); i++) {
            boolean was = old.decision(i).decision() == Decision.SELECTABLE, is = now.decision(i).decision() == Decision.SELECTABLE;
            if (!was && is) gained.add(catalogue.stream(i).province().name());
            if (was && !is) lost.add(catalogue.stream(i).province().name());
        }
        return new org.residencymatch.lists.EligibilityShift(facts.applicantId(), gained, lost);
    }

    public boolean decisionsDiffer(String cycleId, StreamCatalogue catalogue, ApplicantFacts facts, PartnerLists before,
            PartnerLists after) {
        CycleEligibility rules = rules(cycleId);
        for (int iteration = 1; iteration <= 2; iteration++) {
            CatalogueDecisions old = rules.decideCatalogue(facts, catalogue, before, iteration);
            CatalogueDecisions now = rules.decideCatalogue(facts, catalogue, after, iteration);
            for (int i = 0; i < catalogue.size(); i++) {
                if (old.decision(i).decision() != now.decision(i).decision()) return true;
            }
        }
        return false;
    }

    private List<CatalogueEntry> decideAll(String cycleId, String applicantId, int iteration) {
        return jdbi.withHandle(h -> {
            Context context = context(h, cycleId, applicantId);
            List<ProgramStream> streams = programs.streams(h, cycleId);
            StreamCatalogue catalogue = StreamCatalogue.of(streams.stream().map(CatalogueService::facts).toList());
            EligibilityRules rules = rules(cycleId).iteration(iteration);
            CatalogueDecisions decisions = rules.decideCatalogue(context.facts(), catalogue, context.lists());
            IterationStanding standing = matchFacts.standing(h, cycleId, iteration, applicantId, byId(streams)::get);
            Map<String, Positions> positions = matchFacts.positions(h, cycleId, iteration, streams);
            List<CatalogueEntry> entries = new ArrayList<>(streams.size());
            for (int i = 0; i < streams.size(); i++) {
                Positions left = positions.get(streams.get(i).streamId());
                entries.add(new CatalogueEntry(streams.get(i), left, rules.withMatchFacts(decisions.decision(i), standing, left)));
            }
            return entries;
        });
    }

    private static Map<String, ProgramStream> byId(List<ProgramStream> streams) {
        Map<String, ProgramStream> byId = new java.util.HashMap<>(streams.size() * 2);
        for (ProgramStream s : streams) byId.put(s.streamId(), s);
        return byId;
    }

    private record Context(ApplicantFacts facts, PartnerLists lists) {
    }

    private Context context(Handle h, String cycleId, String applicantId) {
        if (!cycles.exists(cycleId)) throw new NotFoundException("cycle", cycleId);
        ApplicantFacts facts = applicants.findProfile(h, cycleId, applicantId)
                .orElseThrow(() -> new NotFoundException("applicant", applicantId));
        return new Context(facts, lists.forApplicant(h, cycleId, applicantId));
    }

    static StreamFacts facts(ProgramStream s) {
        return new StreamFacts(s.streamId(), s.province(), s.type(), s.returnOfService(), s.includesMilitary());
    }
}
