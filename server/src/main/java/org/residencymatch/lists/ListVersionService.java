package org.residencymatch.lists;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.residencymatch.ConflictException;
import org.residencymatch.NotFoundException;
import org.residencymatch.audit.AuditLog;
import org.residencymatch.eligibility.ListKind;
import org.residencymatch.jobs.Progress;

/**
 * The versions of a partner list: the commit that makes a reviewed upload the list's next version,
 * the revert to an older one (itself a new version), their effects on applicants, the repair of a
 * version a crash tore, and the history. Every version stays readable.
 *
 * <p>A commit is two transactions: the first makes the version current, with its members and audit
 * row (from then on every eligibility decision reads it); the second applies its {@linkplain
 * VersionEffects effects} (reconciliation cases, application flags, notifications) and marks them
 * applied. A crash between the two leaves the version current with its effects pending, and {@link
 * #applyAllPendingEffects} (run at start and periodically by every instance) finishes them: nothing
 * is half applied or lost.
 */
public final class ListVersionService {

    private final Jdbi jdbi;
    private final ListRepository lists;
    private final ListUploadRepository uploads;
    private final VersionEffects effects;
    private final AuditLog auditLog;
    private final Clock clock;
    private final MeterRegistry meters;

    public ListVersionService(Jdbi jdbi, ListRepository lists, ListUploadRepository uploads, VersionEffects effects, AuditLog auditLog,
            Clock clock, MeterRegistry meters) {
        this.jdbi = jdbi;
        this.lists = lists;
        this.uploads = uploads;
        this.effects = effects;
        this.auditLog = auditLog;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Makes the upload the list's next version, atomically, then applies what that changes for
     * applicants. Refused while rows await review, when the upload is not a draft, or when another
     * version was committed since the upload was made (the preview would no longer be true): two
     * racing commits, one wins.
     */
    public int commit(String cycleId, long uploadId, String actor) {
        return commit(cycleId, uploadId, actor, Progress.NONE);
    }

    /**
     * {@link #commit(String, long, String)}, saying how far it has gone (it takes seconds for a whole
     * list). Counted and timed whatever the outcome: refused commits (stale, review pending) matter at
     * the deadline.
     */
    public int commit(String cycleId, long uploadId, String actor, Progress progress) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "refused";
        try {
            progress.step("job.step.listVersion", 1, VersionEffects.COMMIT_STEPS);
            Committed committed = commitVersion(cycleId, uploadId, actor);
            applyPendingEffects(cycleId, committed.kind(), progress);
            outcome = "committed";
            return committed.version();
        } finally {
            sample.stop(meters.timer("residency.list.commits", "outcome", outcome));
        }
    }

    /** A version just made current. */
    public record Committed(ListKind kind, int version, int members) {
    }

    /** The first transaction of {@link #commit}: the version becomes current, effects pending. */
    public Committed commitVersion(String cycleId, long uploadId, String actor) {
        try {
            return jdbi.inTransaction(h -> {
                ListUploadRepository.Upload upload = uploads.upload(h, cycleId, uploadId);
                if (!upload.isDraft()) {
                    throw new ConflictException("UPLOAD_CLOSED",
                            "upload " + uploadId + " is " + upload.status() + "; only a draft can be committed");
                }
                int awaiting = uploads.awaitingReview(h, uploadId);
                if (awaiting > 0) {
                    throw new ConflictException("REVIEW_PENDING",
                            awaiting + " row(s) await review; confirm or reject them before committing");
                }
                int current = lists.currentVersion(h, cycleId, upload.kind());
                if (current != upload.basedOn()) throw stale(upload.kind(), current, upload.basedOn());
                LocalDateTime now = LocalDateTime.now(clock);
                ListRepository.NewVersion stored = lists.commitUploadAsNewVersion(h, cycleId, upload.kind(), current, uploadId,
                        new ListRepository.Origin(upload.fileName(), upload.contentHash(), uploadId, null, actor), now);
                uploads.markCommitted(h, uploadId, stored.version(), now);
                uploads.supersedeDrafts(h, cycleId, upload.kind(), now);
                auditLog.record(h, actor, "list.committed", "list:" + cycleId + "/" + upload.kind(), "version " + stored.version()
                        + " from upload " + uploadId + ", " + stored.members() + " members, sha256 " + upload.contentHash());
                return new Committed(upload.kind(), stored.version(), stored.members());
            });
        } catch (UnableToExecuteStatementException e) {
            if (isUniqueViolation(e))
                throw new ConflictException("CONCURRENT_COMMIT",
                        "another version of this list was committed at the same time; preview again");
            throw e;
        }
    }

    /**
     * What {@link #revert} would do, without doing it: the members it would put back or take off, the details it would change,
     * and whose catalogue would gain or lose selectable streams, in which provinces. Refused as {@link #revert} refuses.
     */
    public RevertPreview previewRevert(String cycleId, ListKind kind, int toVersion) {
        return jdbi.withHandle(h -> {
            uploads.requireCycle(h, cycleId);
            int current = lists.currentVersion(h, cycleId, kind);
            boolean exists = lists.history(h, cycleId, kind).stream().anyMatch(v -> v.version() == toVersion);
            if (!exists || toVersion >= current) {
                throw new IllegalArgumentException("version " + toVersion + " cannot be reverted to; the current version is " + current);
            }
            VersionChange change = new VersionChange(cycleId, kind, current, current + 1, lists.members(h, cycleId, kind, current),
                    lists.members(h, cycleId, kind, toVersion));
            VersionChange.Diff diff = change.diff();
            return new RevertPreview(kind, current, toVersion, current + 1, diff.added(), diff.removed(), change.memberChanges(),
                    effects.eligibilityShifts(h, change));
        });
    }

    /** Makes an older version current again, as a new version with the same members; then applies its effects. */
    public int revert(String cycleId, ListKind kind, int toVersion, String actor) {
        int version;
        try {
            version = jdbi.inTransaction(h -> {
                uploads.requireCycle(h, cycleId);
                int current = lists.currentVersion(h, cycleId, kind);
                Optional<ListVersionInfo> target = lists.history(h, cycleId, kind).stream().filter(v -> v.version() == toVersion)
                        .findFirst();
                if (target.isEmpty() || toVersion >= current) {
                    throw new IllegalArgumentException(
                            "version " + toVersion + " cannot be reverted to; the current version is " + current);
                }
                LocalDateTime now = LocalDateTime.now(clock);
                int stored = lists.commitCopyAsNewVersion(h, cycleId, kind, current, toVersion,
                        new ListRepository.Origin("revert to version " + toVersion, target.get().contentHash(), null, toVersion, actor),
                        now).version();
                uploads.supersedeDrafts(h, cycleId, kind, now);
                auditLog.record(h, actor, "list.reverted", "list:" + cycleId + "/" + kind, "version " + stored + " = version " + toVersion);
                return stored;
            });
        } catch (UnableToExecuteStatementException e) {
            if (isUniqueViolation(e))
                throw new ConflictException("CONCURRENT_COMMIT", "another version of this list was committed at the same time");
            throw e;
        }
        applyPendingEffects(cycleId, kind, Progress.NONE);
        return version;
    }

    /**
     * Voids the list versions that a crash tore during their commit, so that each list is as it was
     * before that commit and its upload is a draft again, to be committed anew (under the next number).
     * Only H2 can tear a transaction (see {@link ListRepository#tornVersions}); run at start, before
     * anything reads the lists. Returns how many versions were voided.
     */
    public int voidTornVersions() {
        return jdbi.inTransaction(h -> {
            List<ListRepository.PendingEffects> torn = lists.tornVersions(h);
            for (ListRepository.PendingEffects v : torn) {
                lists.voidTornVersion(h, v.cycleId(), v.kind(), v.version());
                uploads.reopenUploadOf(h, v.cycleId(), v.kind(), v.version());
                auditLog.record(h, "system", "list.torn-version-voided", "list:" + v.cycleId() + "/" + v.kind(),
                        "version " + v.version() + " was torn by a crash during its commit and is void; its upload is a draft again");
            }
            return torn.size();
        });
    }

    /** Applies the pending effects of every list, oldest version first (at start, then periodically). Returns how many versions. */
    public int applyAllPendingEffects() {
        List<ListRepository.PendingEffects> pending = jdbi.withHandle(lists::pendingEffects);
        for (ListRepository.PendingEffects p : pending) applyEffects(p, Progress.NONE);
        return pending.size();
    }

    /** Applies the pending effects of one list's versions, oldest first. */
    public void applyPendingEffects(String cycleId, ListKind kind, Progress progress) {
        for (ListRepository.PendingEffects p : jdbi.withHandle(lists::pendingEffects)) {
            if (p.cycleId().equals(cycleId) && p.kind() == kind) applyEffects(p, progress);
        }
    }

    /**
     * Applies what a version changed for applicants, compared with the version before it, in one
     * transaction that also marks it applied. The version's row is locked meanwhile, so another
     * instance doing the same waits and then finds it done; in this process, one at a time.
     */
    private void applyEffects(ListRepository.PendingEffects p, Progress progress) {
        synchronized (effectsLock) {
            jdbi.useTransaction(h -> {
                if (!lists.lockIfEffectsPending(h, p.cycleId(), p.kind(), p.version())) return;
                progress.step("job.step.listRead", 2, VersionEffects.COMMIT_STEPS);
                int previous = lists.previousVersion(h, p.cycleId(), p.kind(), p.version());
                Map<String, ListMember> before = previous == 0 ? Map.of() : lists.members(h, p.cycleId(), p.kind(), previous);
                Map<String, ListMember> after = lists.members(h, p.cycleId(), p.kind(), p.version());
                effects.apply(h, new VersionChange(p.cycleId(), p.kind(), previous, p.version(), before, after), progress);
                lists.markEffectsApplied(h, p.cycleId(), p.kind(), p.version(), LocalDateTime.now(clock));
            });
        }
    }

    private final Object effectsLock = new Object();

    /** Every committed version of a list, newest first. */
    public List<ListVersionInfo> history(String cycleId, ListKind kind) {
        return jdbi.withHandle(h -> {
            uploads.requireCycle(h, cycleId);
            return lists.history(h, cycleId, kind);
        });
    }

    /**
     * The members of a version with the identity keys a partner recognises them by, one list of cells
     * per member ordered by applicant id: applicant id, MINC, family name, given names, date of birth,
     * MMI score, contingent, assessment outcome.
     */
    public List<List<String>> membersWithIdentity(String cycleId, ListKind kind, int version) {
        return jdbi.withHandle(h -> {
            uploads.requireCycle(h, cycleId);
            if (version < 1 || version > lists.currentVersion(h, cycleId, kind)) {
                throw new NotFoundException("version of the " + kind + " list", String.valueOf(version));
            }
            return lists.membersWithIdentity(h, cycleId, kind, version);
        });
    }

    private static ConflictException stale(ListKind kind, int current, int basedOn) {
        return new ConflictException("STALE_UPLOAD", "the " + kind + " list is at version " + current
                + " but this upload was previewed against version " + basedOn
                + "; upload the file again to preview it against the current list");
    }

    /** Both H2 and PostgreSQL report a duplicate primary key with SQLState 23505. */
    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) return true;
        }
        return false;
    }

    /** How far each partner list reaches the cycle's IMG applicants, for the operator's dashboard. */
    public ListCoverage coverage(String cycleId) {
        return jdbi.withHandle(h -> ListCoverage.of(h, cycleId));
    }

    /** Records, with its audit row, that someone tried to work on a list their organisation may not touch. */
    public void recordRefusedAccess(String cycleId, ListKind kind, String actor, String details) {
        jdbi.useTransaction(h -> auditLog.record(h, actor, "list.refused", "list:" + cycleId + "/" + kind, details));
    }
}
