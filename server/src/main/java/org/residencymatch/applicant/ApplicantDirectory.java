package org.residencymatch.applicant;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.residencymatch.tabular.TextKey;

/**
 * Finding people: the operator's search by name (with or without accents, in any case, given names or
 * family name first), applicant id, email or MINC, and the names shown next to applicant ids
 * everywhere an applicant is listed. Names are compared through {@code applicant.name_key}, the names
 * folded by {@link TextKey}, which the application writes: the same on H2 and PostgreSQL.
 */
public final class ApplicantDirectory {

    /** The most results a search returns at once; more come by pages. */
    public static final int MAX_LIMIT = 100;
    /** Words of a name search beyond these are ignored: a name is not a sentence. */
    static final int MAX_WORDS = 6;

    /** One applicant found: enough to tell two people apart and open their file. */
    public record Hit(String applicantId, String familyName, String givenNames, String email, String minc, String category) {

        public String name() {
            return ApplicantDirectory.displayName(familyName, givenNames);
        }
    }

    /** One page of results, from {@code offset}; {@code more} when another page follows. */
    public record Results(String query, List<Hit> hits, int offset, int limit, boolean more) {
    }

    private final Jdbi jdbi;

    public ApplicantDirectory(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The folded names of an applicant, as stored in {@code name_key}: "françois tremblay" for Tremblay, François. */
    public static String nameKey(String familyName, String givenNames) {
        return TextKey.of(givenNames + " " + familyName);
    }

    /** How an applicant's name is shown: "Tremblay, François". */
    public static String displayName(String familyName, String givenNames) {
        return familyName + ", " + givenNames;
    }

    /**
     * Applicants whose id, email or MINC is {@code query} (without regard to case, and to the dashes of
     * a MINC), or whose names contain every word of it at the start of a name ("fran trem" finds
     * François Tremblay), ordered by name; {@code category} is their profile's in {@code cycleId}, or
     * null. A blank query finds nobody.
     */
    public Results search(String cycleId, String query, int offset, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        if (offset < 0) throw new IllegalArgumentException("offset must not be negative");
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) return new Results(q, List.of(), offset, limit, false);
        List<String> words = words(q);
        return jdbi.inTransaction(h -> {
            fillNameKeys(h);
            StringBuilder where = new StringBuilder("UPPER(a.id) = :id OR LOWER(a.email) = :email");
            String minc = q.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
            where.append(" OR UPPER(REPLACE(a.minc, '-', '')) = :minc");
            if (!words.isEmpty()) {
                where.append(" OR (");
                for (int i = 0; i < words.size(); i++) where.append(i == 0 ? "" : " AND ").append("(' ' || a.name_key) LIKE :w").append(i);
                where.append(")");
            }
            var select = h.createQuery("""
                    SELECT a.id, a.family_name, a.given_names, a.email, a.minc, p.category
                    FROM applicant a LEFT JOIN applicant_profile p ON p.cycle_id = :cycle AND p.applicant_id = a.id
                    WHERE %s
                    ORDER BY a.name_key, a.id
                    LIMIT :limit OFFSET :offset""".formatted(where))
                    .bind("cycle", cycleId).bind("id", q.toUpperCase(Locale.ROOT)).bind("email", q.toLowerCase(Locale.ROOT))
                    .bind("minc", minc)
                    .bind("limit", limit + 1).bind("offset", offset);
            // A word matches at the start of a name: " fran%" in " francois tremblay". Folded words hold only letters and digits, no wildcard.
            for (int i = 0; i < words.size(); i++) select.bind("w" + i, "% " + words.get(i) + "%");
            List<Hit> hits = new ArrayList<>(select.map((rs, ctx) -> new Hit(rs.getString("id"), rs.getString("family_name"),
                    rs.getString("given_names"), rs.getString("email"), rs.getString("minc"), rs.getString("category"))).list());
            boolean more = hits.size() > limit;
            return new Results(q, more ? List.copyOf(hits.subList(0, limit)) : List.copyOf(hits), offset, limit, more);
        });
    }

    /** The names of these applicants ("Tremblay, François"), by id; ids of nobody are left out. */
    public Map<String, String> names(Collection<String> applicantIds) {
        Map<String, String> names = new HashMap<>();
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(applicantIds));
        if (ids.isEmpty()) return names;
        jdbi.useHandle(h -> {
            // In slices, so that a long list never makes an overlong IN (...).
            for (int from = 0; from < ids.size(); from += 500) {
                h.createQuery("SELECT id, family_name, given_names FROM applicant WHERE id IN (<ids>)")
                        .bindList("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
                        .map((rs, ctx) -> Map.entry(rs.getString("id"),
                                displayName(rs.getString("family_name"), rs.getString("given_names"))))
                        .forEach(e -> names.put(e.getKey(), e.getValue()));
            }
        });
        return names;
    }

    /** The name of one applicant, if they exist. */
    public Optional<String> name(String applicantId) {
        return Optional.ofNullable(names(List.of(applicantId)).get(applicantId));
    }

    /** The user account id of an applicant's account, if they have one: their own actions are audited under it. */
    public Optional<Long> accountOf(String applicantId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM user_account WHERE applicant_id = :a ORDER BY id")
                .bind("a", applicantId).setMaxRows(1).mapTo(Long.class).findFirst());
    }

    /**
     * Folds the names of the applicants written without {@code name_key} (rows older than the column,
     * bulk loads). Cheap when there are none: the index answers.
     */
    public static int fillNameKeys(Handle h) {
        var rows = h.createQuery("SELECT id, family_name, given_names FROM applicant WHERE name_key IS NULL")
                .map((rs, ctx) -> List.of(rs.getString("id"), nameKey(rs.getString("family_name"), rs.getString("given_names")))).list();
        if (rows.isEmpty()) return 0;
        var batch = h.prepareBatch("UPDATE applicant SET name_key = ? WHERE id = ? AND name_key IS NULL");
        for (List<String> row : rows) batch.add(row.get(1), row.get(0));
        batch.execute();
        return rows.size();
    }

    static List<String> words(String query) {
        List<String> words = new ArrayList<>();
        for (String word : TextKey.of(query).split(" ")) {
            if (!word.isEmpty() && words.size() < MAX_WORDS) words.add(word);
        }
        return words;
    }
}
