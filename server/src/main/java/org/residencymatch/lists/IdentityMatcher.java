package org.residencymatch.lists;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.residencymatch.tabular.TextKey;

/**
 * Ties list rows to registered applicants, in the order docs/DOMAIN.md gives: MINC, then the system's
 * applicant id, then the MCC candidate code, then family name + given names + date of birth compared
 * after folding case, accents, hyphens, apostrophes and spacing. Pure: build it once over the
 * applicants, then match any number of rows.
 */
public final class IdentityMatcher {

    /**
     * The outcome for one row.
     *
     * @param applicantId the applicant the row is tied to (MATCHED), proposed (PROBABLE), or null
     * @param candidates every applicant the row's keys or name pointed at, for the reviewer
     * @param explanation why, in a few words, for the preview (codes, not personal data)
     */
    public record Match(MatchOutcome outcome, String applicantId, List<String> candidates, String explanation) {
    }

    /**
     * Why a row matched as it did. The explanation is stored and sent by the API in English, as {@link #explain}
     * writes it; {@link #of} reads it back, so that pages say it in their reader's language
     * ({@code identity.reason.<name>} in the messages, with the keys as {@code identity.key.<key>}).
     */
    public enum Reason {
        KEYS_DISAGREE("keys point at different applicants (", ")"), MATCHED_BY_KEY("matched by ", ""), KEY_FINDS_ANOTHER_PERSON("",
                " found an applicant whose name or date of birth differs"), NAME_AND_BIRTH_AGREE("name and date of birth agree",
                        ""), SHARED_NAME_AND_BIRTH("several applicants share this name and date of birth", ""), NEAR_MATCH(
                                "near match on name and date of birth",
                                ""), SEVERAL_NEAR_MATCHES("several near matches on name and date of birth",
                                        ""), NO_APPLICANT("no registered applicant matches", "");

        private final String before;
        private final String after;

        Reason(String before, String after) {
            this.before = before;
            this.after = after;
        }

        /** The English explanation, with the keys used (MINC, APPLICANT_ID, MCC_CODE, comma-separated) where the reason names them. */
        public String explain(String keys) {
            return before + keys + after;
        }

        /** Whether this reason names the keys used. */
        public boolean namesKeys() {
            return this == KEYS_DISAGREE || this == MATCHED_BY_KEY || this == KEY_FINDS_ANOTHER_PERSON;
        }

        /** The reason an explanation gives, with the keys it names (empty if none); empty if it is not one this matcher writes. */
        public static java.util.Optional<Map.Entry<Reason, List<String>>> of(String explanation) {
            if (explanation == null) return java.util.Optional.empty();
            for (Reason reason : values()) {
                if (!reason.namesKeys()) {
                    if (explanation.equals(reason.before)) return java.util.Optional.of(Map.entry(reason, List.of()));
                    continue;
                }
                if (explanation.length() <= reason.before.length() + reason.after.length() || !explanation.startsWith(reason.before)
                        || !explanation.endsWith(reason.after))
                    continue;
                String keys = explanation.substring(reason.before.length(), explanation.length() - reason.after.length());
                if (keys.matches("[A-Z_]+(, [A-Z_]+)*")) return java.util.Optional.of(Map.entry(reason, List.of(keys.split(", "))));
            }
            return java.util.Optional.empty();
        }
    }

    private final Map<String, KnownApplicant> byId;
    private final Map<String, KnownApplicant> byMinc;
    private final Map<String, KnownApplicant> byMcc;
    private final Map<FamilyAndBirth, List<KnownApplicant>> byFamilyAndBirth;
    private final Map<LocalDate, List<KnownApplicant>> byBirth = new HashMap<>();

    /** The key of the name-and-birth index: the family name's {@link TextKey} and the date of birth. */
    private record FamilyAndBirth(String familyKey, LocalDate dateOfBirth) {
    }

    public IdentityMatcher(Collection<KnownApplicant> applicants) {
        // Sized for every applicant at once (a national list indexes 100,000 of them), so no index is rehashed.
        int capacity = (int) (applicants.size() / 0.75f) + 1;
        byId = new HashMap<>(capacity);
        byMinc = new HashMap<>(capacity);
        byMcc = new HashMap<>(capacity);
        byFamilyAndBirth = new HashMap<>(capacity);
        for (KnownApplicant a : applicants) {
            byId.put(a.applicantId(), a);
            if (a.minc() != null) byMinc.put(a.minc(), a);
            if (a.mccCandidateCode() != null) byMcc.put(a.mccCandidateCode(), a);
            if (a.dateOfBirth() != null) {
                byFamilyAndBirth.computeIfAbsent(new FamilyAndBirth(TextKey.of(a.familyName()), a.dateOfBirth()), k -> new ArrayList<>(1))
                        .add(a);
                byBirth.computeIfAbsent(a.dateOfBirth(), k -> new ArrayList<>(2)).add(a);
            }
        }
    }

    public Match match(ListRow row) {
        Set<KnownApplicant> byKeys = new LinkedHashSet<>();
        List<String> keysUsed = new ArrayList<>(3);
        addKey(byKeys, keysUsed, "MINC", row.minc() == null ? null : byMinc.get(row.minc()));
        addKey(byKeys, keysUsed, "APPLICANT_ID", row.applicantId() == null ? null : byId.get(row.applicantId()));
        addKey(byKeys, keysUsed, "MCC_CODE", row.mccCandidateCode() == null || row.mccPartial() ? null : byMcc.get(row.mccCandidateCode()));

        // Whoever the name and date of birth find: a match on their own, or more candidates for the reviewer.
        List<KnownApplicant> exact = byFamilyAndBirth
                .getOrDefault(new FamilyAndBirth(TextKey.of(row.familyName()), row.dateOfBirth()), List.of()).stream()
                .filter(a -> sameGivenNames(a.givenNames(), row.givenNames())).toList();
        if (byKeys.size() > 1) {
            byKeys.addAll(exact);
            return new Match(MatchOutcome.CONFLICT, null, ids(byKeys), Reason.KEYS_DISAGREE.explain(String.join(", ", keysUsed)));
        }
        if (byKeys.size() == 1) {
            KnownApplicant found = byKeys.iterator().next();
            if (samePerson(found, row))
                return new Match(MatchOutcome.MATCHED, found.applicantId(), List.of(found.applicantId()),
                        Reason.MATCHED_BY_KEY.explain(keysUsed.get(0)));
            byKeys.addAll(exact);
            return new Match(MatchOutcome.CONFLICT, null, ids(byKeys), Reason.KEY_FINDS_ANOTHER_PERSON.explain(keysUsed.get(0)));
        }
        // No exact key found anyone: fall back to name and date of birth.
        if (exact.size() == 1)
            return new Match(MatchOutcome.PROBABLE, exact.get(0).applicantId(), ids(exact), Reason.NAME_AND_BIRTH_AGREE.explain(""));
        if (exact.size() > 1) return new Match(MatchOutcome.CONFLICT, null, ids(exact), Reason.SHARED_NAME_AND_BIRTH.explain(""));
        List<KnownApplicant> near = new ArrayList<>();
        for (KnownApplicant a : byBirth.getOrDefault(row.dateOfBirth(), List.of())) {
            if (nearName(a, row) || partialMccAgrees(a, row)) near.add(a);
        }
        if (near.size() == 1) return new Match(MatchOutcome.PROBABLE, near.get(0).applicantId(), ids(near), Reason.NEAR_MATCH.explain(""));
        if (near.size() > 1) return new Match(MatchOutcome.CONFLICT, null, ids(near), Reason.SEVERAL_NEAR_MATCHES.explain(""));
        return new Match(MatchOutcome.UNMATCHED, null, List.of(), Reason.NO_APPLICANT.explain(""));
    }

    private static void addKey(Set<KnownApplicant> found, List<String> keysUsed, String key, KnownApplicant applicant) {
        if (applicant == null) return;
        found.add(applicant);
        keysUsed.add(key);
    }

    private static List<String> ids(Iterable<KnownApplicant> applicants) {
        List<String> ids = new ArrayList<>();
        applicants.forEach(a -> ids.add(a.applicantId()));
        return ids;
    }

    /** A key's applicant is the row's person when the family name and date of birth agree and the given names are compatible. */
    static boolean samePerson(KnownApplicant a, ListRow row) {
        return TextKey.of(a.familyName()).equals(TextKey.of(row.familyName()))
                && a.dateOfBirth() != null && a.dateOfBirth().equals(row.dateOfBirth())
                && sameGivenNames(a.givenNames(), row.givenNames());
    }

    /** "Jean-François" and "Jean François Marie" agree: one list of given names starts the other. */
    static boolean sameGivenNames(String registered, String listed) {
        String a = TextKey.of(registered), b = TextKey.of(listed);
        return a.equals(b) || (a + " ").startsWith(b + " ") || (b + " ").startsWith(a + " ");
    }

    /**
     * Same date of birth, and names within one or two typing errors of each other: the family name, and
     * the given names either whole or as a first given name with one error followed by given names
     * that agree or are left out ("Jan-François" for "Jean-François Marie", "Marue" for "Marie Claire",
     * but not "Jean Paul" for "Jean Pierre").
     */
    private static boolean nearName(KnownApplicant a, ListRow row) {
        String family = TextKey.of(a.familyName()), listedFamily = TextKey.of(row.familyName());
        String given = TextKey.of(a.givenNames()), listedGiven = TextKey.of(row.givenNames());
        boolean familyClose = family.equals(listedFamily) || editDistanceAtMost(family, listedFamily, 2);
        boolean givenClose = sameGivenNames(given, listedGiven) || editDistanceAtMost(given, listedGiven, 2)
                || (editDistanceAtMost(firstWord(given), firstWord(listedGiven), 1) && restAgrees(rest(given), rest(listedGiven)));
        return familyClose && givenClose;
    }

    /** Given names after the first agree when either list has none, or one list starts the other. */
    private static boolean restAgrees(String registered, String listed) {
        return registered.isEmpty() || listed.isEmpty() || sameGivenNames(registered, listed);
    }

    /** The given names after the first ("" when there is one). */
    private static String rest(String s) {
        int space = s.indexOf(' ');
        return space < 0 ? "" : s.substring(space + 1);
    }

    /** A nine-digit MCC code that is the applicant's ten-digit code with one digit dropped. */
    private static boolean partialMccAgrees(KnownApplicant a, ListRow row) {
        if (!row.mccPartial() || a.mccCandidateCode() == null) return false;
        String full = a.mccCandidateCode(), partial = row.mccCandidateCode();
        for (int i = 0; i < full.length(); i++) {
            if ((full.substring(0, i) + full.substring(i + 1)).equals(partial)) return true;
        }
        return false;
    }

    private static String firstWord(String s) {
        int space = s.indexOf(' ');
        return space < 0 ? s : s.substring(0, space);
    }

    /**
     * Edit distance at most {@code max}, two neighbouring letters swapped counting as one error (the
     * optimal string alignment distance), without finishing the table once a row exceeds {@code max}.
     */
    static boolean editDistanceAtMost(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) return false;
        int[] beforePrevious = new int[b.length() + 1], previous = new int[b.length() + 1], current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    current[j] = Math.min(current[j], beforePrevious[j - 2] + 1);
                }
                rowMin = Math.min(rowMin, current[j]);
            }
            // A swap reaches back two rows, but never below the row between's minimum (see the recurrence).
            if (rowMin > max) return false;
            int[] recycled = beforePrevious;
            beforePrevious = previous;
            previous = current;
            current = recycled;
        }
        return previous[b.length()] <= max;
    }
}
