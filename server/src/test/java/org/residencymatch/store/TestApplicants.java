package org.residencymatch.store;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.residencymatch.Services;
import org.residencymatch.lists.Identifiers;
import org.residencymatch.lists.ListMember;

/**
 * Seeds the bundled 2025 catalogue and {@code n} IMG applicants with identities and profiles, in JDBC
 * batches (DemoData's one-by-one inserts would take minutes), and writes AIMG files whose every row
 * matches one of them by applicant id and MINC.
 */
public final class TestApplicants {

    private static final String CYCLE = "2025-R1";

    private static final String[] FAMILY = {"Tremblay", "Nguyen", "Haddad", "Patel", "Lévesque", "O'Brien", "García", "Kowalski"};
    private static final String[] GIVEN = {"Amira", "Jean-François", "Fatima", "Wei", "Émilie", "Carlos", "Marie Claire"};

    public static String id(int i) {
        return String.format(Locale.ROOT, "P-%06d", i);
    }

    public static String family(int i) {
        return FAMILY[i % FAMILY.length] + "-" + Integer.toString(i, 36);
    }

    public static String given(int i) {
        return GIVEN[(i / FAMILY.length) % GIVEN.length];
    }

    public static LocalDate birth(int i) {
        return LocalDate.of(1975, 1, 1).plusDays(i % 9000);
    }

    public static BigDecimal score(int i, int variant) {
        return BigDecimal.valueOf(5000 + (i * 37L + variant * 11L) % 5000, 2);
    }

    public static void seed(Services services, int n) throws Exception {
        try (InputStream in = TestApplicants.class.getResourceAsStream("/catalogue/r1-2025-program-streams.csv")) {
            services.catalogueImporter().importFile(CYCLE, "r1-2025-program-streams.csv", in.readAllBytes(), "test");
        }
        seedApplicants(services, n);
    }

    /** {@code n} IMG applicants with identities and profiles in the cycle, which must exist (ids from {@link #id}). */
    public static void seedApplicants(Services services, int n) {
        LocalDateTime now = LocalDateTime.now(services.clock());
        services.database().jdbi().useHandle(h -> {
            for (int from = 0; from < n; from += 5_000) {
                int start = from, to = Math.min(n, from + 5_000);
                h.useTransaction(t -> insert(t, start, to, now));
            }
        });
    }

    private static void insert(Handle h, int from, int to, LocalDateTime now) {
        var applicants = h.prepareBatch("INSERT INTO applicant (id, family_name, given_names, date_of_birth, email, minc, "
                + "mcc_candidate_code, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        var profiles = h.prepareBatch("INSERT INTO applicant_profile (cycle_id, applicant_id, category, citizenship, study_status, "
                + "graduation_date, prior_residency_canada_us, fellowship_canada_us, mccqe1, nac, cmq_approval, military_plan, "
                + "provincial_ties, high_school_years, latest_clinical_activity_date, updated_at, updated_by) "
                + "VALUES (?, ?, 'IMG', ?, 'GRADUATE', ?, FALSE, FALSE, 'PASSED', ?, 'NONE', FALSE, ?, '', NULL, ?, 'seed')");
        for (int i = from; i < to; i++) {
            applicants.add(id(i), family(i), given(i), birth(i), "p" + i + "@applicant.example", Identifiers.mincFor(i),
                    String.format(Locale.ROOT, "%010d", 4_000_000_000L + i), now);
            profiles.add(CYCLE, id(i), i % 10 == 0 ? "PERMANENT_RESIDENT" : "CITIZEN", LocalDate.of(2018, 6, 1).plusDays(i % 1500),
                    i % 7 == 0 ? "NOT_TAKEN" : "PASSED", i % 3 == 0 ? "AB" : "", now);
        }
        applicants.execute();
        profiles.execute();
    }

    /** The list; {@code variant} changes every MMI score. */
    public static byte[] csv(int n, int variant) {
        StringBuilder out = new StringBuilder(n * 80).append("Applicant ID,MINC,Family name,Given names,Date of birth,MMI score\r\n");
        for (int i = 0; i < n; i++) {
            out.append(id(i)).append(',').append(Identifiers.mincFor(i)).append(",\"").append(family(i)).append("\",\"").append(given(i))
                    .append("\",").append(birth(i)).append(',').append(score(i, variant).toPlainString()).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The members a committed {@link #csv} has, as the database gives them back (scores with two decimals). */
    public static Map<String, ListMember> members(int n, int variant) {
        Map<String, ListMember> members = new HashMap<>();
        for (int i = 0; i < n; i++) members.put(id(i), new ListMember(id(i), null, score(i, variant), null));
        return members;
    }

    private TestApplicants() {
    }
}
