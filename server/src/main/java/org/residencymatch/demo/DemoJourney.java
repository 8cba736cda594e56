package org.residencymatch.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.residencymatch.Services;
import org.residencymatch.applicant.Identity;
import org.residencymatch.application.Couple;
import org.residencymatch.catalogue.CatalogueFilter;
import org.residencymatch.eligibility.ApplicantCategory;
import org.residencymatch.eligibility.ApplicantFacts;
import org.residencymatch.eligibility.Citizenship;
import org.residencymatch.eligibility.Decision;
import org.residencymatch.eligibility.ExamResult;
import org.residencymatch.eligibility.ListKind;
import org.residencymatch.eligibility.StudyStatus;
import org.residencymatch.lists.Identifiers;
import org.residencymatch.program.ProgramStream;
import org.residencymatch.program.Province;

/**
 * The demo cycle in progress: what people would have done by the demo's date, done through the real
 * services (so every rule holds and every change is audited) with a clock set to when they did it.
 * Program selection (8 October 2024): 80 more applicants, and applications of the demo applicants
 * and of them, each only to streams selectable for them; a couple; two BC-CAP registrations. Rank order lists (14 January
 * 2025): submitted lists, some drafts, the couple's paired list and the programs' lists. Each step
 * runs once, when the demo's clock has passed its date, so a demo restarted with a later
 * {@code --now} catches up and keeps what people did in between.
 */
public final class DemoJourney {

    static final LocalDateTime SELECTION_DONE = LocalDateTime.of(2024, 10, 8, 9, 0);
    static final LocalDateTime LISTS_DONE = LocalDateTime.of(2025, 1, 14, 9, 0);
    static final String CYCLE = DemoData.CYCLE;
    static final int BACKGROUND_APPLICANTS = 80;
    /** Streams considered per applicant and province: few, so that applicants compete for them. */
    static final int STREAMS_PER_PROVINCE = 12;
    /** She applied but left her list a draft: the page tells her no list is in force. */
    static final String DRAFT_ONLY = "A-2001";
    /** On the AIMG list, applied, but no program ranks him: unmatched, he is in the AIMG clinical assessment pool. */
    static final String UNRANKED = "A-2002";
    /** On the AIMG list; applied, never submitted a list. */
    static final String NEVER_SUBMITTED = "A-2020";
    /** Waits for BCI to correct the QIMG list before she applies (the partner walk-through). */
    static final String WAITING = "A-2005";
    /** A couple of CMGs who match together. */
    static final List<String> COUPLE = List.of("A-1001", "A-1002");
    /** Registered for BC-CAP in October (Amira is left to register herself). */
    static final List<String> BC_CAP_REGISTERED = List.of("A-2003", "A-2016");
    static final String ACTOR = "demo";

    private final Services services;

    public DemoJourney(Services services) {
        this.services = services;
    }

    /** Does the steps whose date the demo's clock has passed and that were not done yet; returns what it did, for the console. */
    public List<String> catchUp() {
        List<String> done = new ArrayList<>();
        LocalDateTime now = LocalDateTime.now(services.clock());
        if (!now.isBefore(SELECTION_DONE) && !done("demo.journey.selection")) {
            done.add(programSelection(at(SELECTION_DONE)));
        }
        if (!now.isBefore(LISTS_DONE) && !done("demo.journey.lists")) {
            done.add(rankOrderLists(at(LISTS_DONE)));
        }
        return done;
    }

    private boolean done(String step) {
        return services.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_log WHERE action = :a").bind("a", step)
                .mapTo(Integer.class).one() > 0);
    }

    /** The same services on the same database, with the clock stopped at the moment the step happened. */
    private Services at(LocalDateTime moment) {
        return Services.start(services.database(), Clock.fixed(moment.toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
    }

    private String programSelection(Services then) {
        Random random = new Random(2025);
        List<String> applicants = new ArrayList<>();
        for (DemoData.DemoApplicant a : DemoData.roster()) {
            if (!a.id().equals(WAITING)) applicants.add(a.id());
        }
        for (int n = 1; n <= BACKGROUND_APPLICANTS; n++) applicants.add(createBackgroundApplicant(then, n));
        int applications = 0;
        for (String applicantId : applicants) {
            List<String> choices = choices(then, applicantId, provinces(then, applicantId));
            if (choices.isEmpty()) continue;
            java.util.Collections.shuffle(choices, random);
            for (String streamId : choices.subList(0, Math.min(choices.size(), 3 + random.nextInt(3)))) {
                then.applications().apply(CYCLE, 1, applicantId, streamId, "applicant:" + applicantId);
                applications++;
            }
        }
        Couple proposed = then.couples().propose(CYCLE, 1, COUPLE.get(0), COUPLE.get(1));
        then.couples().accept(CYCLE, proposed.id(), COUPLE.get(1));
        int matchYear = then.cycles().find(CYCLE).orElseThrow().matchYear();
        for (String applicantId : BC_CAP_REGISTERED) {
            if (!then.clinicalAssessment().registerForBcCap(CYCLE, matchYear, applicantId).allowed()) {
                throw new IllegalStateException(applicantId + " should be eligible for BC-CAP");
            }
        }
        record(then, "demo.journey.selection", applications + " applications of " + applicants.size() + " applicants, one couple");
        return "program selection: " + applications + " applications, a couple (" + String.join(" and ", COUPLE) + "), "
                + BC_CAP_REGISTERED.size() + " BC-CAP registrations";
    }

    /** A background applicant without an account: a CMG, or one IMG in four, whose choices fill the match. */
    private static String createBackgroundApplicant(Services then, int n) {
        String id = String.format(Locale.ROOT, "D-%04d", n);
        boolean img = n % 4 == 0;
        ApplicantFacts facts = ApplicantFacts.builder(id, img ? ApplicantCategory.IMG : ApplicantCategory.CMG)
                .citizenship(n % 9 == 0 ? Citizenship.PERMANENT_RESIDENT : Citizenship.CITIZEN)
                .status(img ? StudyStatus.GRADUATE : StudyStatus.FINAL_YEAR_STUDENT)
                .mdGraduationDate(img ? LocalDate.of(2022, 6, 30) : LocalDate.of(2025, 5, 30))
                .mccqe1(img ? ExamResult.PASSED : ExamResult.NOT_TAKEN)
                .nac(img ? ExamResult.PASSED : ExamResult.NOT_TAKEN)
                .build();
        Identity identity = new Identity(id, FAMILY_NAMES[n % FAMILY_NAMES.length], GIVEN_NAMES[n % GIVEN_NAMES.length],
                LocalDate.of(1995, 1, 1).plusDays(41L * n), id.toLowerCase(Locale.ROOT) + "@applicant.example",
                Identifiers.mincFor(2_026_000 + n), String.format(Locale.ROOT, "%010d", 4_000_000_000L + 7_919L * n));
        then.profiles().save(CYCLE, identity, facts, ACTOR);
        then.database().jdbi().useTransaction(h -> DemoData.recordVerified(then, h, facts, false, LocalDateTime.now(then.clock())));
        return id;
    }

    private static final String[] FAMILY_NAMES = {"Roy", "Côté", "Wilson", "Singh", "Gauthier", "Lee", "Morin", "Brown", "Nadeau", "Ahmed",
            "Campbell"};
    private static final String[] GIVEN_NAMES = {"Olivia", "William", "Chloé", "Arjun", "Maya", "Félix", "Hannah", "Omar", "Zoé", "Ethan",
            "Nora", "Jacob", "Leila"};

    /**
     * Where an applicant looks: an IMG on a partner list in that list's province, an applicant with a
     * provincial tie or Québec schooling there, everyone else in Ontario; background CMGs spread over
     * five provinces.
     */
    private static List<Province> provinces(Services then, String applicantId) {
        ApplicantFacts facts = then.profiles().profile(CYCLE, applicantId).orElseThrow();
        List<Province> provinces = new ArrayList<>();
        var lists = then.database().jdbi().withHandle(h -> then.lists().forApplicant(h, CYCLE, applicantId));
        for (ListKind kind : ListKind.values()) {
            if (lists.state(kind).isMember()) provinces.add(switch (kind) {
                case AIMG -> Province.AB;
                case BCIMG -> Province.BC;
                case QIMG -> Province.QC;
            });
        }
        provinces.addAll(facts.provincialTies());
        if (facts.highSchoolYearsIn(Province.QC) > 0) provinces.add(Province.QC);
        if (applicantId.startsWith("D-") && facts.category() == ApplicantCategory.CMG) {
            provinces.add(List.of(Province.ON, Province.QC, Province.BC, Province.AB, Province.NS)
                    .get(Integer.parseInt(applicantId.substring(2)) % 5));
        }
        if (provinces.isEmpty() || facts.category() == ApplicantCategory.IMG) provinces.add(Province.ON);
        return provinces;
    }

    /** The first streams with positions of each province that are selectable for the applicant, as their catalogue decides. */
    private static List<String> choices(Services then, String applicantId, List<Province> provinces) {
        List<String> choices = new ArrayList<>();
        for (Province province : provinces.stream().distinct().toList()) {
            then.catalogue().catalogue(CYCLE, applicantId, 1, new CatalogueFilter(province, null, null, Decision.SELECTABLE, null), 1, 1000)
                    .entries().stream()
                    .filter(e -> e.stream().quota() > 0)
                    .map(e -> e.stream().streamId())
                    .limit(STREAMS_PER_PROVINCE)
                    .forEach(choices::add);
        }
        return choices;
    }

    private String rankOrderLists(Services then) {
        Random random = new Random(2026);
        int submitted = 0, drafts = 0;
        // Applicants: everyone with applications submits, but the demo's draft-only cases; the couple ranks together.
        Map<String, List<String>> appliedBy = new TreeMap<>();
        Map<String, List<String>> applicantsOf = new TreeMap<>();
        services.database().jdbi().useHandle(h -> h.createQuery("SELECT applicant_id, stream_id FROM application "
                + "WHERE cycle_id = :c AND iteration = 1 AND status = 'ACTIVE' ORDER BY applicant_id, stream_id")
                .bind("c", CYCLE)
                .map((rs, ctx) -> new String[]{rs.getString(1), rs.getString(2)})
                .forEach(row -> {
                    appliedBy.computeIfAbsent(row[0], k -> new ArrayList<>()).add(row[1]);
                    applicantsOf.computeIfAbsent(row[1], k -> new ArrayList<>()).add(row[0]);
                }));
        for (var entry : appliedBy.entrySet()) {
            String applicantId = entry.getKey();
            if (COUPLE.contains(applicantId)) continue;
            List<String> ranked = new ArrayList<>(entry.getValue());
            java.util.Collections.shuffle(ranked, random);
            boolean submit = !applicantId.equals(DRAFT_ONLY) && !applicantId.equals(NEVER_SUBMITTED);
            then.rankLists().saveApplicantList(CYCLE, 1, applicantId, ranked, submit, "applicant:" + applicantId);
            if (submit) submitted++;
            else
                drafts++;
        }
        List<String> first = appliedBy.getOrDefault(COUPLE.get(0), List.of()), second = appliedBy.getOrDefault(COUPLE.get(1), List.of());
        long coupleId = then.couples().couplesOf(CYCLE, 1, COUPLE.get(0)).stream().filter(c -> c.status().equals("ACTIVE")).findFirst()
                .orElseThrow().id();
        List<List<String>> pairs = new ArrayList<>();
        for (int i = 0; i < Math.min(first.size(), second.size()); i++) pairs.add(List.of(first.get(i), second.get(i)));
        if (!first.isEmpty()) pairs.add(Arrays.asList(first.get(0), null));
        then.rankLists().saveCoupleList(CYCLE, 1, coupleId, pairs, true, "applicant:" + COUPLE.get(1));

        // Programs rank the applicants who applied to them (not every one: nobody ranks the demo's unranked applicant).
        // One UBC stream keeps a draft, for program staff to finish and submit.
        String ubcDraft = applicantsOf.keySet().stream().filter(s -> facultyOf(then, s).equals("UBC")).findFirst().orElse(null);
        int programLists = 0;
        for (var entry : applicantsOf.entrySet()) {
            List<String> ranked = new ArrayList<>(entry.getValue());
            ranked.remove(UNRANKED);
            java.util.Collections.shuffle(ranked, random);
            boolean submit = !entry.getKey().equals(ubcDraft);
            then.rankLists().saveStreamList(CYCLE, 1, entry.getKey(), ranked, submit, ACTOR);
            programLists++;
        }
        record(then, "demo.journey.lists",
                submitted + " applicant lists submitted, " + drafts + " drafts, " + programLists + " program lists");
        return "rank order lists: " + submitted + " applicant lists submitted, " + drafts + " drafts (" + DRAFT_ONLY + ", "
                + NEVER_SUBMITTED
                + "), the couple's paired list, " + programLists + " program lists"
                + (ubcDraft == null ? "" : " (UBC stream " + ubcDraft + " still a draft)");
    }

    private static String facultyOf(Services then, String streamId) {
        return then.database().jdbi().withHandle(h -> then.programs().stream(h, CYCLE, streamId)).map(ProgramStream::facultyId).orElse("");
    }

    private static void record(Services then, String step, String detail) {
        then.database().jdbi().useTransaction(h -> then.auditLog().record(h, ACTOR, step, "cycle:" + CYCLE, detail));
    }
}
