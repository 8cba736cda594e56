package org.residencymatch.benchmarks;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.residencymatch.Services;
import org.residencymatch.eligibility.ApplicantFacts;
import org.residencymatch.eligibility.ListKind;
import org.residencymatch.eligibility.PartnerLists;
import org.residencymatch.eligibility.StreamCatalogue;
import org.residencymatch.lists.IdentityMatcher;
import org.residencymatch.lists.KnownApplicant;
import org.residencymatch.lists.ListFileReader;
import org.residencymatch.lists.ListMember;
import org.residencymatch.lists.ListRepository;
import org.residencymatch.lists.ListRow;
import org.residencymatch.lists.ListsSnapshot;
import org.residencymatch.store.Database;

/**
 * Where the time of an upload and of a commit goes: the phases of {@code ListUploadService.upload} and
 * {@code commit}, re-enacted one by one through the public pieces they are made of (reader, matcher,
 * repository, eligibility, reconciliation), each timed on its own. For profiling, not a benchmark.
 *
 * <pre>
 * java -Xmx4g -cp benchmarks/target/benchmarks.jar org.residencymatch.benchmarks.ListPathBreakdown [h2|pg] [rows] [pg-url]
 * </pre>
 */
public final class ListPathBreakdown {

    public static void main(String[] args) throws Exception {
        boolean pg = args.length > 0 && args[0].equals("pg");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        String pgUrl = args.length > 2 ? args[2] : "jdbc:postgresql://127.0.0.1:5432/test";
        String schema = "bench_bd_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Database db = pg ? Database.open(pgUrl, "postgres", "", schema)
                : Database.open("jdbc:h2:mem:bd-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + Database.H2_POSTGRES_MODE, "sa", "", null);
        try (Services services = Services.start(db)) {
            ListPathHarness.Seeder.seed(services, n);
            for (int round = 0; round < 2; round++) once(services, n, round);
        } finally {
            if (pg) {
                try (var c = java.sql.DriverManager.getConnection(pgUrl, "postgres", "");
                        var s = c.createStatement()) {
                    s.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
    }

    private static long t;

    private static void lap(String what) {
        long now = System.nanoTime();
        System.out.printf(Locale.ROOT, "  %-60s %7.0f ms%n", what, (now - t) / 1e6);
        t = System.nanoTime();
    }

    private static void once(Services services, int n, int round) throws Exception {
        String cycle = ListPathHarness.CYCLE;
        System.out.println("round " + round + (round == 0 ? " (warm-up)" : ""));
        byte[] csv = ListPathHarness.Seeder.csv(n, round), xlsx = ListPathHarness.Seeder.xlsx(n, round);
        var jdbi = services.database().jdbi();
        ListRepository lists = services.lists();
        t = System.nanoTime();
        ListFileReader.read(ListKind.AIMG, "x.xlsx", xlsx);
        lap("read + check XLSX (ListFileReader)");
        List<ListRow> rows = ListFileReader.read(ListKind.AIMG, "x.csv", csv).rows();
        lap("read + check CSV (ListFileReader)");
        List<KnownApplicant> known = jdbi.withHandle(h -> h.createQuery("SELECT a.id, a.family_name, a.given_names, a.date_of_birth, a.minc, "
                        + "a.mcc_candidate_code FROM applicant a JOIN applicant_profile p ON p.applicant_id = a.id AND p.cycle_id = :cycle")
                .bind("cycle", cycle).map((rs, ctx) -> new KnownApplicant(rs.getString("id"), rs.getString("family_name"), rs.getString("given_names"),
                        rs.getObject("date_of_birth", LocalDate.class), rs.getString("minc"), rs.getString("mcc_candidate_code"))).list());
        lap("load known applicants");
        IdentityMatcher matcher = new IdentityMatcher(known);
        lap("build IdentityMatcher");
        Map<String, ListMember> after = new HashMap<>();
        for (ListRow row : rows) {
            var m = matcher.match(row);
            after.put(m.applicantId(), new ListMember(m.applicantId(), null, row.mmiScore().stripTrailingZeros(), null));
        }
        lap("match rows");
        jdbi.useTransaction(h -> {
            long id = h.createUpdate("INSERT INTO list_upload (cycle_id, kind, status, based_on_version, file_name, content_hash, encoding, "
                            + "uploaded_by, uploaded_at) VALUES (:c, 'AIMG', 'DRAFT', 0, 'x', 'x', 'x', 'x', :now)").bind("c", cycle)
                    .bind("now", LocalDateTime.now()).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            var batch = h.prepareBatch("INSERT INTO list_upload_row (upload_id, row_number, outcome, applicant_id, candidates, explanation, "
                    + "given_applicant_id, minc, mcc_candidate_code, family_name, given_names, date_of_birth, contingent, mmi_score, "
                    + "assessment_outcome, review) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'NONE')");
            for (ListRow r : rows) {
                batch.add(id, r.row(), "MATCHED", r.applicantId(), r.applicantId(), "matched by MINC", r.applicantId(), r.minc(), r.mccCandidateCode(),
                        r.familyName(), r.givenNames(), r.dateOfBirth(), null, r.mmiScore(), null);
            }
            batch.execute();
            h.rollback();
        });
        lap("insert 100k list_upload_row (one batch, rolled back)");
        int current = jdbi.withHandle(h -> lists.currentVersion(h, cycle, ListKind.AIMG));
        Map<String, ListMember> before = jdbi.withHandle(h -> current == 0 ? Map.<String, ListMember>of() : lists.members(h, cycle, ListKind.AIMG, current));
        lap("members of the current version");
        ListsSnapshot snapshot = jdbi.withHandle(h -> lists.snapshot(h, cycle));
        lap("lists snapshot");
        StreamCatalogue streams = jdbi.withHandle(h -> services.catalogue().streamCatalogue(h, cycle));
        lap("stream catalogue");
        List<ApplicantFacts> profiles = jdbi.withHandle(h -> services.applicants().allProfiles(h, cycle));
        lap("allProfiles");
        Map<String, PartnerLists[]> views = new HashMap<>();
        int differ = 0;
        for (ApplicantFacts f : profiles) {
            PartnerLists old = snapshot.forApplicant(f.applicantId()), now = old;
            if (services.catalogue().decisionsDiffer(cycle, streams, f, old, now)) differ++;
        }
        lap("decisionsDiffer x " + profiles.size() + " (" + differ + " differ)");
        jdbi.useHandle(h -> {
            for (int i = 0; i < n; i++) services.applicants().findProfile(h, cycle, ListPathHarness.Seeder.id(i));
        });
        lap("findProfile x " + n + " (one query each)");
        jdbi.useTransaction(h -> {
            for (ApplicantFacts f : profiles) services.reconciliation().syncApplicant(h, cycle, f, snapshot.forApplicant(f.applicantId()));
            h.rollback();
        });
        lap("syncApplicant x " + profiles.size() + " (rolled back)");
        jdbi.useTransaction(h -> {
            lists.commitNewVersion(h, cycle, ListKind.AIMG, new ArrayList<>(after.values()),
                    new ListRepository.Origin("x", null, null, null, "bench"), LocalDateTime.now());
        });
        lap("commitNewVersion (100k list_membership, batches of 5,000)");
    }

    private ListPathBreakdown() {}
}
