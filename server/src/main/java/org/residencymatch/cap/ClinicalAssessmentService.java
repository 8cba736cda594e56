package org.residencymatch.cap;

import java.time.ZoneId;
import org.residencymatch.cycle.Cycle;
import org.residencymatch.cycle.CycleRepository;
import org.residencymatch.notification.Email;
import org.residencymatch.notification.EmailKind;
import org.residencymatch.notification.Outbox;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.residencymatch.ConflictException;
import org.residencymatch.NotFoundException;
import org.residencymatch.applicant.ApplicantRepository;
import org.residencymatch.audit.AuditLog;
import org.residencymatch.eligibility.ApplicantFacts;
import org.residencymatch.eligibility.ListKind;
import org.residencymatch.lists.ListRepository;
import org.residencymatch.tabular.CsvExport;

/**
 * The follow-ups of a match. AIMG clinical assessment placement: after results are released, the
 * pool is the applicants on the cycle's AIMG list who did not match, best MMI score first; the
 * operator invites up to a limit; nobody can apply; invitees accept or decline by a deadline. BC-CAP
 * registration: open in its window (October before the match year) to eligible IMGs only.
 */
public final class ClinicalAssessmentService {

    /** How many applicants a cycle's AIMG CAP takes, unless the operator says otherwise. */
    public static final int DEFAULT_INVITATION_LIMIT = 10;

    /** One applicant of the AIMG CAP pool, with their MMI score and invitation status (null if not invited). */
    public record PoolEntry(String applicantId, BigDecimal mmiScore, String status) {
    }

    /** An invitation as the invitee sees it. */
    public record Invitation(String applicantId, String status, LocalDateTime invitedAt, LocalDateTime respondBy) {
    }

    /** An invitation request that names an applicant outside the pool, or an answer deadline that is not in the future. */
    public static final class InvalidInvitationException extends IllegalArgumentException {
        private final String field;

        InvalidInvitationException(String field, String message) {
            super(message);
            this.field = field;
        }

        /** The request field at fault: {@code applicantIds} or {@code respondBy}. */
        public String field() {
            return field;
        }
    }

    private final Jdbi jdbi;
    private final ListRepository lists;
    private final ApplicantRepository applicants;
    private final AuditLog auditLog;
    private final Clock clock;

    public ClinicalAssessmentService(Jdbi jdbi, ListRepository lists, ApplicantRepository applicants, AuditLog auditLog, Clock clock) {
        this.jdbi = jdbi;
        this.lists = lists;
        this.applicants = applicants;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** The AIMG CAP pool, best MMI score first; empty until the match results are released. */
    public List<PoolEntry> pool(String cycleId) {
        return jdbi.withHandle(h -> {
            if (!anyReleased(h, cycleId)) return List.of();
            int version = lists.currentVersion(h, cycleId, ListKind.AIMG);
            if (version == 0) return List.of();
            List<PoolEntry> pool = new ArrayList<>();
            lists.members(h, cycleId, ListKind.AIMG, version).values().forEach(m -> {
                boolean matched = h.createQuery("SELECT COUNT(*) FROM match_assignment a JOIN match_run r ON r.id = a.run_id "
                        + "WHERE r.cycle_id = :c AND r.released_at IS NOT NULL AND a.applicant_id = :a AND a.stream_id IS NOT NULL")
                        .bind("c", cycleId).bind("a", m.applicantId()).mapTo(Integer.class).one() > 0;
                if (matched) return;
                String status = h.createQuery("SELECT status FROM cap_invitation WHERE cycle_id = :c AND applicant_id = :a")
                        .bind("c", cycleId).bind("a", m.applicantId()).mapTo(String.class).findOne().orElse(null);
                pool.add(new PoolEntry(m.applicantId(), m.mmiScore(), status));
            });
            pool.sort(Comparator.comparing(PoolEntry::mmiScore, Comparator.nullsLast(Comparator.reverseOrder()))
                    .thenComparing(PoolEntry::applicantId));
            return pool;
        });
    }

    /** Invites these applicants of the pool, within the limit, to answer by {@code respondBy}. */
    public void invite(String cycleId, List<String> applicantIds, LocalDateTime respondBy, int limit, String actor) {
        List<PoolEntry> pool = pool(cycleId);
        if (pool.isEmpty())
            throw new ConflictException("NO_POOL",
                    "the pool is empty: results are not released, or nobody on the AIMG list went unmatched");
        LocalDateTime now = LocalDateTime.now(clock);
        if (!respondBy.isAfter(now)) throw new InvalidInvitationException("respondBy", "the answer deadline must be in the future");
        // The invitees are emailed the deadline in the cycle's zone.
        ZoneId zone = new CycleRepository(jdbi).find(cycleId).map(Cycle::timeZone).orElse(Cycle.DEFAULT_TIME_ZONE);
        jdbi.useTransaction(h -> {
            int already = h.createQuery("SELECT COUNT(*) FROM cap_invitation WHERE cycle_id = :c").bind("c", cycleId).mapTo(Integer.class)
                    .one();
            if (already + applicantIds.size() > limit) {
                throw new ConflictException("LIMIT_REACHED",
                        "inviting " + applicantIds.size() + " more would exceed the limit of " + limit + " (" + already + " invited)");
            }
            for (String applicantId : applicantIds) {
                PoolEntry entry = pool.stream().filter(p -> p.applicantId().equals(applicantId)).findFirst()
                        .orElseThrow(() -> new InvalidInvitationException("applicantIds", applicantId + " is not in the AIMG CAP pool"));
                if (entry.status() != null) throw new ConflictException("ALREADY_INVITED", applicantId + " was already invited");
                h.execute(
                        "INSERT INTO cap_invitation (cycle_id, applicant_id, status, invited_at, invited_by, respond_by) VALUES (?, ?, 'INVITED', ?, ?, ?)",
                        cycleId, applicantId, now, actor, respondBy);
                auditLog.record(h, actor, "cap.invited", "applicant:" + applicantId, cycleId);
                String answerBy = respondBy.atZone(java.time.ZoneOffset.UTC).withZoneSameInstant(zone).toString();
                Outbox.addressOf(h, applicantId).ifPresent(to -> Outbox.enqueueEmail(h, to.email(),
                        Email.of(EmailKind.CAP_INVITED, "/applicant/follow-ups", "respondByTime", answerBy), to.language(), now));
            }
        });
    }

    /** The invitee accepts or declines, by the deadline. */
    public Invitation respond(String cycleId, String applicantId, boolean accept) {
        LocalDateTime now = LocalDateTime.now(clock);
        return jdbi.inTransaction(h -> {
            Invitation invitation = invitation(h, cycleId, applicantId)
                    .orElseThrow(() -> new NotFoundException("invitation of applicant", applicantId));
            if (!invitation.status().equals("INVITED"))
                throw new ConflictException("ALREADY_ANSWERED", "the invitation was already answered: " + invitation.status());
            if (now.isAfter(invitation.respondBy()))
                throw new ConflictException("DEADLINE_PASSED", "the answer was due by " + invitation.respondBy());
            h.execute("UPDATE cap_invitation SET status = ?, responded_at = ? WHERE cycle_id = ? AND applicant_id = ?",
                    accept ? "ACCEPTED" : "DECLINED", now, cycleId, applicantId);
            auditLog.record(h, "applicant:" + applicantId, accept ? "cap.accepted" : "cap.declined", "applicant:" + applicantId, cycleId);
            return invitation(h, cycleId, applicantId).orElseThrow();
        });
    }

    public Optional<Invitation> invitation(String cycleId, String applicantId) {
        return jdbi.withHandle(h -> invitation(h, cycleId, applicantId));
    }

    /** The BC-CAP registration window of a cycle: October of the year before the match. */
    public static LocalDateTime[] bcCapWindow(int matchYear) {
        return new LocalDateTime[]{LocalDateTime.of(matchYear - 1, 10, 1, 0, 0), LocalDateTime.of(matchYear - 1, 11, 1, 0, 0)};
    }

    /**
     * An applicant's BC-CAP registration as they see it: registered or not, the window (first and
     * last day) and whether it is open now, and whether they may register, with every reason if not.
     */
    public record BcCapStatus(boolean registered, LocalDate opens, LocalDate closes, boolean open,
            BcCapRegistrationPolicy.Decision eligibility) {
    }

    public BcCapStatus bcCapStatus(String cycleId, int matchYear, String applicantId) {
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDateTime[] window = bcCapWindow(matchYear);
        Optional<ApplicantFacts> profile = jdbi.withHandle(h -> applicants.findProfile(h, cycleId, applicantId));
        return new BcCapStatus(isRegisteredForBcCap(cycleId, applicantId), window[0].toLocalDate(), window[1].toLocalDate().minusDays(1),
                !now.isBefore(window[0]) && now.isBefore(window[1]), BcCapRegistrationPolicy.decide(profile));
    }

    /** Registers an applicant for BC-CAP, or refuses with every reason (outside the window, or not eligible). */
    public BcCapRegistrationPolicy.Decision registerForBcCap(String cycleId, int matchYear, String applicantId) {
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDateTime[] window = bcCapWindow(matchYear);
        if (now.isBefore(window[0]) || !now.isBefore(window[1])) {
            throw new ConflictException("OUTSIDE_WINDOW",
                    "BC-CAP registration is open from " + window[0].toLocalDate() + " to " + window[1].toLocalDate().minusDays(1));
        }
        return jdbi.inTransaction(h -> {
            BcCapRegistrationPolicy.Decision decision = BcCapRegistrationPolicy.decide(applicants.findProfile(h, cycleId, applicantId));
            if (!decision.allowed()) return decision;
            boolean registered = h.createQuery("SELECT COUNT(*) FROM bccap_registration WHERE cycle_id = :c AND applicant_id = :a")
                    .bind("c", cycleId).bind("a", applicantId).mapTo(Integer.class).one() > 0;
            if (!registered) {
                h.execute("INSERT INTO bccap_registration (cycle_id, applicant_id, registered_at) VALUES (?, ?, ?)", cycleId, applicantId,
                        now);
                auditLog.record(h, "applicant:" + applicantId, "bccap.registered", "applicant:" + applicantId, cycleId);
            }
            return decision;
        });
    }

    public boolean isRegisteredForBcCap(String cycleId, String applicantId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM bccap_registration WHERE cycle_id = :c AND applicant_id = :a")
                .bind("c", cycleId).bind("a", applicantId).mapTo(Integer.class).one() > 0);
    }

    /** The registrations with the identity UBC needs, one list of cells per applicant. */
    public List<List<String>> bcCapRegistrations(String cycleId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT a.id, a.minc, a.family_name, a.given_names, a.date_of_birth, r.registered_at "
                + "FROM bccap_registration r JOIN applicant a ON a.id = r.applicant_id WHERE r.cycle_id = :c ORDER BY a.id")
                .bind("c", cycleId)
                .map((rs, ctx) -> java.util.Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        String.valueOf(rs.getObject(5, LocalDate.class)), String.valueOf(rs.getObject(6, LocalDateTime.class))))
                .list());
    }

    /** The registrations as the CSV file sent to UBC: a byte order mark (so Excel reads UTF-8), a header row, one row each. */
    public String bcCapRegistrationsCsv(String cycleId) {
        return CsvExport.document(CsvExport.COMMA,
                List.of("Applicant ID", "MINC", "Family name", "Given names", "Date of birth", "Registered"),
                bcCapRegistrations(cycleId));
    }

    private static boolean anyReleased(org.jdbi.v3.core.Handle h, String cycleId) {
        return h.createQuery("SELECT COUNT(*) FROM match_run WHERE cycle_id = :c AND released_at IS NOT NULL").bind("c", cycleId)
                .mapTo(Integer.class).one() > 0;
    }

    private static Optional<Invitation> invitation(org.jdbi.v3.core.Handle h, String cycleId, String applicantId) {
        return h.createQuery("SELECT * FROM cap_invitation WHERE cycle_id = :c AND applicant_id = :a").bind("c", cycleId)
                .bind("a", applicantId)
                .map((rs, ctx) -> new Invitation(rs.getString("applicant_id"), rs.getString("status"),
                        rs.getObject("invited_at", LocalDateTime.class),
                        rs.getObject("respond_by", LocalDateTime.class)))
                .findOne();
    }
}
