package org.residencymatch.lists;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.residencymatch.ConflictException;
import org.residencymatch.NotFoundException;
import org.residencymatch.applicant.ApplicantRepository;
import org.residencymatch.application.ApplicationService;
import org.residencymatch.audit.AuditLog;
import org.residencymatch.catalogue.CatalogueService;
import org.residencymatch.catalogue.MatchFacts;
import org.residencymatch.eligibility.ApplicantFacts;
import org.residencymatch.eligibility.CmqApproval;
import org.residencymatch.eligibility.ListKind;
import org.residencymatch.eligibility.ListMembership;
import org.residencymatch.eligibility.ListState;
import org.residencymatch.eligibility.PartnerLists;
import org.residencymatch.eligibility.StreamCatalogue;
import org.residencymatch.jobs.Progress;
import org.residencymatch.notification.Outbox;
import org.residencymatch.reconciliation.ReconciliationService;
import org.residencymatch.store.BulkInsert;

/**
 * The path of a partner list from file to current version: upload (read, check, match every row to
 * an applicant, keep the raw file, show a preview), review of the uncertain rows by a person, then
 * commit, which makes the upload the list's next version in one transaction together with its audit
 * row, then applies its effects (reconciliation of the affected applicants' cases, application
 * flags, notifications) in a second one that no crash can lose. Every version stays readable; a
 * revert is itself a new version.
 */
public final class ListUploadService {

    /** The default upload size limit (20 MB). */
    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;

    /** What an upload did: either a new draft with its preview, or nothing because the file is the current version. */
    public record UploadResult(boolean identicalToCurrent, int currentVersion, Preview preview) {}

    private final Jdbi jdbi;
    private final ListRepository lists;
    private final ApplicantRepository applicants;
    private final CatalogueService catalogue;
    private final ReconciliationService reconciliation;
    private final ApplicationService applications;
    private final Outbox outbox;
    private final AuditLog auditLog;
    private final Clock clock;
    private final long maxBytes;
    private final MeterRegistry meters;

    public ListUploadService(Jdbi jdbi, ListRepository lists, ApplicantRepository applicants, CatalogueService catalogue,
            ReconciliationService reconciliation, ApplicationService applications, Outbox outbox, AuditLog auditLog, Clock clock, long maxBytes,
            MeterRegistry meters) {
        this.meters = meters;
        this.applications = applications;
        this.jdbi = jdbi;
        this.lists = lists;
        this.applicants = applicants;
        this.catalogue = catalogue;
        this.reconciliation = reconciliation;
        this.outbox = outbox;
        this.auditLog = auditLog;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Reads, checks and matches the file, and stores it as a draft; refuses it whole with its problems. */
    public UploadResult upload(String cycleId, ListKind kind, String fileName, byte[] content, String actor) throws ListFileException {
        if (content.length == 0) throw new ListFileException(ListProblem.ofFile("EMPTY_FILE"));
        if (content.length > maxBytes) throw new ListFileException(ListProblem.ofFile("TOO_LARGE", String.valueOf(maxBytes / (1024 * 1024))));
        String hash = sha256(content);
        CurrentList current = jdbi.withHandle(h -> {
            requireCycle(h, cycleId);
            return new CurrentList(lists.currentVersion(h, cycleId, kind), lists.currentContentHash(h, cycleId, kind).filter(hash::equals).isPresent());
        });
        if (current.sameContent()) return new UploadResult(true, current.version(), null);

        // The registered applicants are read and indexed while the file is read: with two cores the two
        // take about as long as the longer of them (each is a few tenths of a second for 100,000 rows).
        CompletableFuture<IdentityMatcher> indexed = CompletableFuture.supplyAsync(
                () -> new IdentityMatcher(jdbi.withHandle(h -> knownApplicants(h, cycleId))), UPLOAD_WORKERS);
        ListFileReader.Result read = ListFileReader.read(kind, fileName, content);
        IdentityMatcher matcher = joined(indexed);
        // Matching is pure, so the rows are matched in parallel; the duplicates are then found in row order.
        IdentityMatcher.Match[] matches = new IdentityMatcher.Match[read.rows().size()];
        forEachIndex(matches.length, i -> matches[i] = matcher.match(read.rows().get(i)));
        List<UploadRow> rows = new ArrayList<>(read.rows().size());
        Map<String, Integer> rowOfApplicant = new HashMap<>();
        for (int i = 0; i < matches.length; i++) {
            ListRow row = read.rows().get(i);
            IdentityMatcher.Match match = matches[i];
            // One applicant listed twice under different keys: the second row needs a person.
            if (match.applicantId() != null) {
                Integer earlier = rowOfApplicant.putIfAbsent(match.applicantId(), row.row());
                if (earlier != null) {
                    match = new IdentityMatcher.Match(MatchOutcome.CONFLICT, null, match.candidates(), "same applicant as row " + earlier);
                }
            }
            rows.add(new UploadRow(row.row(), match.outcome(), match.applicantId(), match.candidates(), match.explanation(),
                    row.applicantId(), row.minc(), row.mccCandidateCode(), row.familyName(), row.givenNames(), row.dateOfBirth(),
                    row.contingent(), row.mmiScore(), row.assessmentOutcome(), UploadRow.Review.NONE, null));
        }
        // The preview's costly part, the difference from the current version and its effect on catalogues,
        // is worked out on the other core while the draft is stored, which is mostly one core's work.
        List<UploadRow> stored = asStored(rows);
        CompletableFuture<Effect> effect = CompletableFuture.supplyAsync(
                () -> jdbi.withHandle(h -> effect(h, cycleId, kind, current.version(), stored)), UPLOAD_WORKERS);
        long uploadId = jdbi.inTransaction(h -> {
            LocalDateTime now = LocalDateTime.now(clock);
            int basedOn = lists.currentVersion(h, cycleId, kind);
            long id = h.createUpdate("INSERT INTO list_upload (cycle_id, kind, status, based_on_version, file_name, content_hash, encoding, "
                            + "uploaded_by, uploaded_at) VALUES (:cycle, :kind, 'DRAFT', :basedOn, :file, :hash, :encoding, :actor, :now)")
                    .bind("cycle", cycleId).bind("kind", kind.name()).bind("basedOn", basedOn).bind("file", truncate(fileName, 300))
                    .bind("hash", hash).bind("encoding", read.encoding()).bind("actor", actor).bind("now", now)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            h.execute("INSERT INTO list_upload_file (upload_id, content) VALUES (?, ?)", id, content);
            insertRows(h, id, rows);
            auditLog.record(h, actor, "list.uploaded", "upload:" + id,
                    kind + " " + cycleId + ", " + rows.size() + " rows, sha256 " + hash);
            return id;
        });
        // The preview from the rows just stored, as they would be read back, rather than reading 100,000 rows again.
        Effect known = joined(effect);
        return jdbi.withHandle(h -> {
            Preview preview = preview(h, cycleId, uploadId, stored, known);
            return new UploadResult(false, preview.currentVersion(), preview);
        });
    }

    /** The list's current version, and whether its file is the one uploaded. */
    private record CurrentList(int version, boolean sameContent) {}

    /**
     * Reads and indexes the registered applicants, then works out the preview's effect, during an
     * upload (daemon threads, gone when idle).
     */
    private static final ExecutorService UPLOAD_WORKERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "list-upload-worker");
        thread.setDaemon(true);
        return thread;
    });

    /** The future's value, or what it failed with, as thrown where it was computed. */
    private static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            if (e.getCause() instanceof Error cause) throw cause;
            throw e;
        }
    }

    /** The preview of an upload: outcomes, difference from the current version and its effect on catalogues. */
    public Preview preview(String cycleId, long uploadId) {
        return jdbi.withHandle(h -> preview(h, cycleId, uploadId, null, null));
    }

    /**
     * The preview, from {@code knownRows} when the caller has the upload's rows as stored, else from the
     * database; {@code knownEffect}, when the caller worked it out, is used if it is of the version now current.
     */
    private Preview preview(Handle h, String cycleId, long uploadId, List<UploadRow> knownRows, Effect knownEffect) {
        UploadInfo upload = upload(h, cycleId, uploadId);
        List<UploadRow> rows = knownRows != null ? knownRows : rows(h, uploadId);
        Map<MatchOutcome, Integer> outcomes = new EnumMap<>(MatchOutcome.class);
        for (MatchOutcome o : MatchOutcome.values()) outcomes.put(o, 0);
        int awaiting = 0;
        for (UploadRow r : rows) {
            outcomes.merge(r.outcome(), 1, Integer::sum);
            if (r.awaitsReview()) awaiting++;
        }
        int current = lists.currentVersion(h, cycleId, upload.kind());
        // A version committed meanwhile (by another upload) makes the known effect stale: worked out again.
        Effect effect = knownEffect != null && knownEffect.version() == current ? knownEffect : effect(h, cycleId, upload.kind(), current, rows);
        Diff diff = effect.diff();
        return new Preview(uploadId, cycleId, upload.kind(), upload.status(), upload.fileName(), upload.contentHash(),
                upload.encoding(), upload.uploadedBy(), upload.uploadedAt(), upload.basedOn(), current, rows.size(), outcomes,
                awaiting, diff.added(), diff.removed(), diff.changed(), effect.catalogueChanges());
    }

    /** What the rows would change if they became the list: the difference from {@code version} and how many catalogues change. */
    private record Effect(int version, Diff diff, int catalogueChanges) {}

    private Effect effect(Handle h, String cycleId, ListKind kind, int version, List<UploadRow> rows) {
        Map<String, ListMember> before = version == 0 ? Map.of() : lists.members(h, cycleId, kind, version);
        Map<String, ListMember> after = effectiveMembers(rows);
        Diff diff = Diff.between(before, after);
        return new Effect(version, diff, countCatalogueChanges(h, cycleId, kind, version, before, after, diff));
    }

    /** Audits that a person looked at an upload's preview (part of who-did-what on a list). */
    public void recordPreviewed(String cycleId, long uploadId, String actor) {
        jdbi.useTransaction(h -> {
            upload(h, cycleId, uploadId);
            auditLog.record(h, actor, "list.previewed", "upload:" + uploadId, null);
        });
    }

    /**
     * The members of a version with the identity keys a partner recognises them by, one list of cells
     * per member ordered by applicant id: applicant id, MINC, family name, given names, date of birth,
     * MMI score, contingent, assessment outcome.
     */
    public List<List<String>> membersWithIdentity(String cycleId, ListKind kind, int version) {
        return jdbi.withHandle(h -> {
            requireCycle(h, cycleId);
            if (version < 1 || version > lists.currentVersion(h, cycleId, kind)) throw new NotFoundException("version of the " + kind + " list", String.valueOf(version));
            return h.createQuery("SELECT a.id, a.minc, a.family_name, a.given_names, a.date_of_birth, m.mmi_score, m.contingent, m.assessment_outcome "
                            + "FROM list_membership m JOIN applicant a ON a.id = m.applicant_id "
                            + "WHERE m.cycle_id = :cycle AND m.kind = :kind AND m.version = :version ORDER BY a.id")
                    .bind("cycle", cycleId).bind("kind", kind.name()).bind("version", version)
                    .map((rs, ctx) -> java.util.Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            String.valueOf(rs.getObject(5, LocalDate.class)), rs.getBigDecimal(6) == null ? "" : rs.getBigDecimal(6).toPlainString(),
                            rs.getString(7), rs.getString(8)))
                    .list();
        });
    }

    /** The rows of an upload, optionally only those with one outcome, in file order. */
    public List<UploadRow> rows(String cycleId, long uploadId, MatchOutcome outcome) {
        return jdbi.withHandle(h -> {
            upload(h, cycleId, uploadId);
            return rows(h, uploadId).stream().filter(r -> outcome == null || r.outcome() == outcome).toList();
        });
    }

    /**
     * A person's decision on a PROBABLE or CONFLICT row: confirm it as {@code applicantId} (one of the
     * row's candidates) or reject it (the row then puts nobody on the list).
     */
    public void review(String cycleId, long uploadId, int rowNumber, boolean confirm, String applicantId, String actor) {
        jdbi.useTransaction(h -> {
            UploadInfo upload = upload(h, cycleId, uploadId);
            if (!upload.status().equals("DRAFT")) throw new ConflictException("UPLOAD_CLOSED", "upload " + uploadId + " is " + upload.status() + "; only a draft can be reviewed");
            UploadRow row = rows(h, uploadId).stream().filter(r -> r.row() == rowNumber).findFirst()
                    .orElseThrow(() -> new NotFoundException("row of upload " + uploadId, String.valueOf(rowNumber)));
            if (row.outcome() != MatchOutcome.PROBABLE && row.outcome() != MatchOutcome.CONFLICT) {
                throw new IllegalArgumentException("row " + rowNumber + " is " + row.outcome() + "; only PROBABLE and CONFLICT rows are reviewed");
            }
            String chosen = null;
            if (confirm) {
                chosen = applicantId != null ? applicantId : row.applicantId();
                if (chosen == null || !row.candidates().contains(chosen)) {
                    throw new IllegalArgumentException("confirm row " + rowNumber + " as one of its candidates " + row.candidates());
                }
                for (UploadRow other : rows(h, uploadId)) {
                    if (other.row() != rowNumber && chosen.equals(other.effectiveApplicant())) {
                        throw new IllegalArgumentException("applicant " + chosen + " is already on this upload in row " + other.row());
                    }
                }
            }
            h.execute("UPDATE list_upload_row SET review = ?, reviewed_applicant_id = ?, reviewed_by = ?, reviewed_at = ? "
                            + "WHERE upload_id = ? AND row_number = ?",
                    confirm ? "CONFIRMED" : "REJECTED", chosen, actor, LocalDateTime.now(clock), uploadId, rowNumber);
            auditLog.record(h, actor, confirm ? "list.row-confirmed" : "list.row-rejected", "upload:" + uploadId,
                    "row " + rowNumber + (chosen == null ? "" : " as applicant " + chosen));
        });
    }

    /**
     * Makes the upload the list's next version, atomically, then applies what that changes for
     * applicants. Refused while rows await review, when the upload is not a draft, or when another
     * version was committed since the upload was made (the preview would no longer be true): two
     * racing commits, one wins.
     *
     * <p>Two transactions: the first makes the version current, with its members and audit row (from
     * then on every eligibility decision reads it); the second applies its effects (reconciliation
     * cases, application flags, notifications) and marks them applied. A crash between the two
     * leaves the version current with its effects pending, and {@link #applyAllPendingEffects} (run
     * at start and periodically by every instance) finishes them: nothing is half applied or lost.
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
            progress.step("job.step.listVersion", 1, EFFECT_STEPS);
            Committed committed = commitVersion(cycleId, uploadId, actor);
            applyPendingEffects(cycleId, committed.kind(), progress);
            outcome = "committed";
            return committed.version();
        } finally {
            sample.stop(meters.timer("residency.list.commits", "outcome", outcome));
        }
    }

    /** The steps of a commit as its progress shows them: the version made current, then the four of its effects. */
    private static final int EFFECT_STEPS = 5;

    /** A version just made current. */
    public record Committed(ListKind kind, int version, int members) {}

    /** The first transaction of {@link #commit}: the version becomes current, effects pending. */
    public Committed commitVersion(String cycleId, long uploadId, String actor) {
        try {
            return jdbi.inTransaction(h -> {
                UploadInfo upload = upload(h, cycleId, uploadId);
                if (!upload.status().equals("DRAFT")) {
                    throw new ConflictException("UPLOAD_CLOSED", "upload " + uploadId + " is " + upload.status() + "; only a draft can be committed");
                }
                int awaiting = h.createQuery("SELECT COUNT(*) FROM list_upload_row WHERE upload_id = :id "
                                + "AND outcome IN ('PROBABLE', 'CONFLICT') AND review = 'NONE'")
                        .bind("id", uploadId).mapTo(Integer.class).one();
                if (awaiting > 0) {
                    throw new ConflictException("REVIEW_PENDING", awaiting + " row(s) await review; confirm or reject them before committing");
                }
                int current = lists.currentVersion(h, cycleId, upload.kind());
                if (current != upload.basedOn()) {
                    throw stale(upload.kind(), current, upload.basedOn());
                }
                LocalDateTime now = LocalDateTime.now(clock);
                ListRepository.NewVersion stored = lists.commitUploadAsNewVersion(h, cycleId, upload.kind(), current, uploadId,
                        new ListRepository.Origin(upload.fileName(), upload.contentHash(), uploadId, null, actor), now);
                int version = stored.version(), members = stored.members();
                h.execute("UPDATE list_upload SET status = 'COMMITTED', committed_version = ?, closed_at = ? WHERE id = ?", version, now, uploadId);
                // Other drafts were made against an older version: their previews are no longer true.
                h.execute("UPDATE list_upload SET status = 'SUPERSEDED', closed_at = ? WHERE cycle_id = ? AND kind = ? AND status = 'DRAFT'",
                        now, cycleId, upload.kind().name());
                auditLog.record(h, actor, "list.committed", "list:" + cycleId + "/" + upload.kind(),
                        "version " + version + " from upload " + uploadId + ", " + members + " members, sha256 " + upload.contentHash());
                return new Committed(upload.kind(), version, members);
            });
        } catch (UnableToExecuteStatementException e) {
            if (isUniqueViolation(e)) throw new ConflictException("CONCURRENT_COMMIT", "another version of this list was committed at the same time; preview again");
            throw e;
        }
    }

    /** Makes an older version current again, as a new version with the same members; then applies its effects. */
    public int revert(String cycleId, ListKind kind, int toVersion, String actor) {
        int version;
        try {
            version = jdbi.inTransaction(h -> {
                requireCycle(h, cycleId);
                int current = lists.currentVersion(h, cycleId, kind);
                Optional<ListVersionInfo> target = lists.history(h, cycleId, kind).stream().filter(v -> v.version() == toVersion).findFirst();
                if (target.isEmpty() || toVersion >= current) {
                    throw new IllegalArgumentException("version " + toVersion + " cannot be reverted to; the current version is " + current);
                }
                String hash = target.get().contentHash();
                LocalDateTime now = LocalDateTime.now(clock);
                int stored = lists.commitCopyAsNewVersion(h, cycleId, kind, current, toVersion,
                        new ListRepository.Origin("revert to version " + toVersion, hash, null, toVersion, actor), now).version();
                h.execute("UPDATE list_upload SET status = 'SUPERSEDED', closed_at = ? WHERE cycle_id = ? AND kind = ? AND status = 'DRAFT'",
                        now, cycleId, kind.name());
                auditLog.record(h, actor, "list.reverted", "list:" + cycleId + "/" + kind, "version " + stored + " = version " + toVersion);
                return stored;
            });
        } catch (UnableToExecuteStatementException e) {
            if (isUniqueViolation(e)) throw new ConflictException("CONCURRENT_COMMIT", "another version of this list was committed at the same time");
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
                h.execute("UPDATE list_upload SET status = 'DRAFT', committed_version = NULL, closed_at = NULL "
                        + "WHERE cycle_id = ? AND kind = ? AND committed_version = ?", v.cycleId(), v.kind().name(), v.version());
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
                progress.step("job.step.listRead", 2, EFFECT_STEPS);
                int previous = lists.previousVersion(h, p.cycleId(), p.kind(), p.version());
                Map<String, ListMember> before = previous == 0 ? Map.of() : lists.members(h, p.cycleId(), p.kind(), previous);
                Map<String, ListMember> after = lists.members(h, p.cycleId(), p.kind(), p.version());
                applyEffects(h, p.cycleId(), p.kind(), previous, p.version(), before, after, progress);
                lists.markEffectsApplied(h, p.cycleId(), p.kind(), p.version(), LocalDateTime.now(clock));
            });
        }
    }

    private final Object effectsLock = new Object();

    public List<ListVersionInfo> history(String cycleId, ListKind kind) {
        return jdbi.withHandle(h -> {
            requireCycle(h, cycleId);
            return lists.history(h, cycleId, kind);
        });
    }

    /** The uploads of a list, newest first. */
    public List<Preview> uploads(String cycleId, ListKind kind) {
        List<Long> ids = jdbi.withHandle(h -> h.createQuery("SELECT id FROM list_upload WHERE cycle_id = :cycle AND kind = :kind ORDER BY id DESC")
                .bind("cycle", cycleId).bind("kind", kind.name()).mapTo(Long.class).list());
        return ids.stream().map(id -> preview(cycleId, id)).toList();
    }

    /** The kind of list an upload is for (to check who may see it). */
    public ListKind kindOf(String cycleId, long uploadId) {
        return jdbi.withHandle(h -> upload(h, cycleId, uploadId).kind());
    }

    /** The file as it was uploaded, byte for byte. */
    public RawFile rawFile(String cycleId, long uploadId) {
        return jdbi.withHandle(h -> {
            UploadInfo upload = upload(h, cycleId, uploadId);
            byte[] content = h.createQuery("SELECT content FROM list_upload_file WHERE upload_id = :id").bind("id", uploadId)
                    .mapTo(byte[].class).one();
            return new RawFile(upload.fileName(), upload.kind(), content);
        });
    }

    /** An uploaded file as it arrived. */
    public record RawFile(String fileName, ListKind kind, byte[] content) {}

    /** Reconciles cases, flags applications and notifies the applicants whose catalogue changed. */
    private void applyEffects(Handle h, String cycleId, ListKind kind, int oldVersion, int newVersion, Map<String, ListMember> before,
            Map<String, ListMember> after, Progress progress) {
        Diff diff = Diff.between(before, after);
        Set<String> affected = new TreeSet<>(diff.added());
        affected.addAll(diff.removed());
        affected.addAll(diff.changed());
        if (affected.isEmpty()) return;
        ListsView view = ListsView.load(h, lists, cycleId);
        StreamCatalogue streams = catalogue.streamCatalogue(h, cycleId);
        // One query for the profiles rather than one per affected applicant (a whole list is 100,000 of them).
        Map<String, ApplicantFacts> profiles = profilesOf(h, cycleId, affected);
        List<ApplicantFacts> withProfile = new ArrayList<>(profiles.size());
        for (String applicantId : affected) {
            ApplicantFacts facts = profiles.get(applicantId);
            if (facts != null) withProfile.add(facts);
        }
        // Cases: the cycle's open cases read once, only the differences written (in applicant order).
        progress.step("job.step.listCases", 3, EFFECT_STEPS);
        reconciliation.syncMany(h, cycleId, withProfile,
                facts -> view.forApplicant(facts.applicantId(), kind, newVersion, after.get(facts.applicantId())));
        // Applications to streams the new version closes are flagged for the operator, never removed.
        progress.step("job.step.listFlags", 4, EFFECT_STEPS);
        MatchFacts match = catalogue.matchFacts(h, cycleId, profiles.keySet());
        applications.reflag(h, cycleId, profiles.keySet(), application -> catalogue.decide(cycleId, streams, profiles.get(application.applicantId()),
                view.forApplicant(application.applicantId(), kind, newVersion, after.get(application.applicantId())), match,
                application.streamId(), application.iteration()));
        progress.step("job.step.listNotify", 5, EFFECT_STEPS);
        boolean[] differ = decisionsDiffer(cycleId, streams, withProfile, view, kind, oldVersion, newVersion, before, after);
        List<String> notify = new ArrayList<>();
        for (int i = 0; i < withProfile.size(); i++) if (differ[i]) notify.add(withProfile.get(i).applicantId());
        outbox.enqueueAll(h, notify, "ELIGIBILITY_CHANGED", "notification.eligibilityChanged", kind + " list version " + newVersion);
    }

    /**
     * Whether each applicant's catalogue decisions differ between the old and the new version of the
     * list (no queries: pure computation, spread over the cores for many applicants; the eligibility
     * engine is thread-safe and the views are read-only).
     */
    private boolean[] decisionsDiffer(String cycleId, StreamCatalogue streams, List<ApplicantFacts> profiles, ListsView view, ListKind kind,
            int oldVersion, int newVersion, Map<String, ListMember> before, Map<String, ListMember> after) {
        boolean[] differ = new boolean[profiles.size()];
        IntConsumer decide = i -> {
            ApplicantFacts facts = profiles.get(i);
            String applicantId = facts.applicantId();
            PartnerLists old = view.forApplicant(applicantId, kind, oldVersion, before.get(applicantId));
            PartnerLists now = view.forApplicant(applicantId, kind, newVersion, after.get(applicantId));
            differ[i] = catalogue.decisionsDiffer(cycleId, streams, facts, old, now);
        };
        forEachIndex(profiles.size(), decide);
        return differ;
    }

    /** Runs {@code action} for 0 .. count - 1, spread over the cores from {@link #PARALLEL_FROM} on (the actions must be independent). */
    private static void forEachIndex(int count, IntConsumer action) {
        var range = IntStream.range(0, count);
        (count >= PARALLEL_FROM ? range.parallel() : range).forEach(action);
    }

    /** From this many rows or applicants on, rows are matched and eligibility compared in parallel. */
    private static final int PARALLEL_FROM = 2_000;

    private int countCatalogueChanges(Handle h, String cycleId, ListKind kind, int current, Map<String, ListMember> before,
            Map<String, ListMember> after, Diff diff) {
        Set<String> affected = new LinkedHashSet<>(diff.added());
        affected.addAll(diff.removed());
        if (affected.isEmpty()) return 0;
        ListsView view = ListsView.load(h, lists, cycleId);
        StreamCatalogue streams = catalogue.streamCatalogue(h, cycleId);
        Map<String, ApplicantFacts> profiles = profilesOf(h, cycleId, affected);
        List<ApplicantFacts> withProfile = new ArrayList<>(profiles.size());
        for (String applicantId : affected) {
            ApplicantFacts facts = profiles.get(applicantId);
            if (facts != null) withProfile.add(facts);
        }
        int changes = 0;
        for (boolean differs : decisionsDiffer(cycleId, streams, withProfile, view, kind, current, current + 1, before, after)) if (differs) changes++;
        return changes;
    }

    /**
     * The cycle profiles of these applicants, by applicant id (those without a profile are left out): one
     * query per applicant for a few of them, one query for the whole cycle for many.
     */
    private Map<String, ApplicantFacts> profilesOf(Handle h, String cycleId, Set<String> applicantIds) {
        Map<String, ApplicantFacts> profiles = new HashMap<>();
        if (applicantIds.size() <= FEW_APPLICANTS) {
            for (String id : applicantIds) applicants.findProfile(h, cycleId, id).ifPresent(f -> profiles.put(id, f));
        } else {
            for (ApplicantFacts f : applicants.allProfiles(h, cycleId)) if (applicantIds.contains(f.applicantId())) profiles.put(f.applicantId(), f);
        }
        return profiles;
    }

    /** Up to this many applicants, their profiles are read one by one rather than with the whole cycle's. */
    private static final int FEW_APPLICANTS = 200;

    /** The lists of a cycle, with one kind's version and entry replaced per applicant, to compare before and after. */
    private record ListsView(ListsSnapshot snapshot) {
        static ListsView load(Handle h, ListRepository lists, String cycleId) {
            return new ListsView(lists.snapshot(h, cycleId));
        }

        PartnerLists forApplicant(String applicantId, ListKind kind, int version, ListMember member) {
            PartnerLists others = snapshot.forApplicant(applicantId);
            if (version == 0) return others.with(ListState.notReceived(kind));
            ListMembership entry = member == null ? null
                    : new ListMembership(version, member.contingent(), member.mmiScore(), member.assessmentOutcome());
            return others.with(ListState.received(kind, version, entry));
        }
    }

    /** Who an upload adds to, removes from and changes on the current version. */
    record Diff(List<String> added, List<String> removed, List<String> changed) {
        static Diff between(Map<String, ListMember> before, Map<String, ListMember> after) {
            List<String> added = new ArrayList<>(), removed = new ArrayList<>(), changed = new ArrayList<>();
            for (var e : after.entrySet()) {
                ListMember old = before.get(e.getKey());
                if (old == null) added.add(e.getKey());
                else if (!old.equals(e.getValue())) changed.add(e.getKey());
            }
            for (String id : before.keySet()) if (!after.containsKey(id)) removed.add(id);
            added.sort(null);
            removed.sort(null);
            changed.sort(null);
            return new Diff(added, removed, changed);
        }
    }

    private static Map<String, ListMember> effectiveMembers(List<UploadRow> rows) {
        Map<String, ListMember> members = new HashMap<>();
        for (UploadRow r : rows) {
            if (r.effectiveApplicant() == null) continue;
            ListMember m = r.toMember();
            members.put(m.applicantId(), m);
        }
        return members;
    }

    private record UploadInfo(long id, ListKind kind, String status, int basedOn, String fileName, String contentHash, String encoding,
            String uploadedBy, LocalDateTime uploadedAt) {}

    private static UploadInfo upload(Handle h, String cycleId, long uploadId) {
        return h.createQuery("SELECT * FROM list_upload WHERE cycle_id = :cycle AND id = :id").bind("cycle", cycleId).bind("id", uploadId)
                .map((rs, ctx) -> new UploadInfo(rs.getLong("id"), ListKind.valueOf(rs.getString("kind")), rs.getString("status"),
                        rs.getInt("based_on_version"), rs.getString("file_name"), rs.getString("content_hash"), rs.getString("encoding"),
                        rs.getString("uploaded_by"), rs.getObject("uploaded_at", LocalDateTime.class)))
                .findOne().orElseThrow(() -> new NotFoundException("upload", String.valueOf(uploadId)));
    }

    private static void requireCycle(Handle h, String cycleId) {
        if (h.createQuery("SELECT COUNT(*) FROM cycle WHERE id = :id").bind("id", cycleId).mapTo(Integer.class).one() == 0) {
            throw new NotFoundException("cycle", cycleId);
        }
    }

    private static List<KnownApplicant> knownApplicants(Handle h, String cycleId) {
        return h.createQuery("SELECT a.id, a.family_name, a.given_names, a.date_of_birth, a.minc, a.mcc_candidate_code FROM applicant a "
                        + "JOIN applicant_profile p ON p.applicant_id = a.id AND p.cycle_id = :cycle")
                .bind("cycle", cycleId)
                .map((rs, ctx) -> new KnownApplicant(rs.getString("id"), rs.getString("family_name"), rs.getString("given_names"),
                        rs.getObject("date_of_birth", LocalDate.class), rs.getString("minc"), rs.getString("mcc_candidate_code")))
                .list();
    }

    /**
     * The upload's rows, in the transaction that has just written its list_upload row: the only writer
     * of list_upload_row, which has no per-row foreign key (migration V19).
     */
    private static void insertRows(Handle h, long uploadId, List<UploadRow> rows) {
        BulkInsert.insert(h, "list_upload_row", List.of("upload_id", "row_number", "outcome", "applicant_id", "candidates", "explanation",
                        "given_applicant_id", "minc", "mcc_candidate_code", "family_name", "given_names", "date_of_birth", "contingent", "mmi_score",
                        "assessment_outcome", "review"), rows,
                r -> new Object[] {uploadId, r.row(), r.outcome().name(), r.applicantId(), truncate(String.join(",", r.candidates()), 400),
                        truncate(r.explanation(), 400), r.givenApplicantId(), r.minc(), r.mccCandidateCode(), r.familyName(), r.givenNames(),
                        r.dateOfBirth(), r.contingent() == null ? null : r.contingent().name(), r.mmiScore(), r.assessmentOutcome(),
                        UploadRow.Review.NONE.name()});
    }

    /**
     * The rows as {@link #rows(Handle, long)} reads them back once stored: candidates and explanation cut
     * as stored, the MMI score at the column's scale (two decimals, rounded half up as both databases do).
     */
    private static List<UploadRow> asStored(List<UploadRow> rows) {
        List<UploadRow> stored = new ArrayList<>(rows.size());
        for (UploadRow r : rows) {
            String candidates = truncate(String.join(",", r.candidates()), 400);
            stored.add(new UploadRow(r.row(), r.outcome(), r.applicantId(),
                    candidates == null || candidates.isEmpty() ? List.of() : List.of(candidates.split(",")), truncate(r.explanation(), 400),
                    r.givenApplicantId(), r.minc(), r.mccCandidateCode(), r.familyName(), r.givenNames(), r.dateOfBirth(), r.contingent(),
                    r.mmiScore() == null ? null : r.mmiScore().setScale(2, java.math.RoundingMode.HALF_UP), r.assessmentOutcome(),
                    UploadRow.Review.NONE, null));
        }
        stored.sort(java.util.Comparator.comparingInt(UploadRow::row));
        return stored;
    }

    private static List<UploadRow> rows(Handle h, long uploadId) {
        return h.createQuery("SELECT * FROM list_upload_row WHERE upload_id = :id ORDER BY row_number").bind("id", uploadId)
                .map((rs, ctx) -> {
                    String candidates = rs.getString("candidates");
                    String contingent = rs.getString("contingent");
                    return new UploadRow(rs.getInt("row_number"), MatchOutcome.valueOf(rs.getString("outcome")), rs.getString("applicant_id"),
                            candidates == null || candidates.isEmpty() ? List.of() : List.of(candidates.split(",")), rs.getString("explanation"),
                            rs.getString("given_applicant_id"), rs.getString("minc"), rs.getString("mcc_candidate_code"),
                            rs.getString("family_name"), rs.getString("given_names"), rs.getObject("date_of_birth", LocalDate.class),
                            contingent == null ? null : CmqApproval.valueOf(contingent), rs.getBigDecimal("mmi_score"),
                            rs.getString("assessment_outcome"), UploadRow.Review.valueOf(rs.getString("review")),
                            rs.getString("reviewed_applicant_id"));
                })
                .list();
    }

    private static ConflictException stale(ListKind kind, int current, int basedOn) {
        return new ConflictException("STALE_UPLOAD", "the " + kind + " list is at version " + current
                + " but this upload was previewed against version " + basedOn + "; upload the file again to preview it against the current list");
    }

    /** Both H2 and PostgreSQL report a duplicate primary key with SQLState 23505. */
    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) return true;
        }
        return false;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

}
