package org.residencymatch.lists;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.residencymatch.ConflictException;
import org.residencymatch.NotFoundException;
import org.residencymatch.audit.AuditLog;
import org.residencymatch.eligibility.ListKind;
import org.residencymatch.ops.Threads;
import org.residencymatch.store.Checksums;

/**
 * The first half of a partner list's path from file to current version: the upload (read, check,
 * match every row to an applicant, keep the raw file, show a preview of what a commit would change),
 * and the review of the uncertain rows by a person. The draft then becomes a version through {@link
 * ListVersionService#commit}.
 */
public final class ListUploadService {

    /** The default upload size limit (20 MB). */
    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;

    /** What an upload did: either a new draft with its preview, or nothing because the file is the current version. */
    public record UploadResult(boolean identicalToCurrent, int currentVersion, Preview preview) {
    }

    private final Jdbi jdbi;
    private final ListRepository lists;
    private final ListUploadRepository uploads;
    private final VersionEffects effects;
    private final AuditLog auditLog;
    private final Clock clock;
    private final long maxBytes;

    public ListUploadService(Jdbi jdbi, ListRepository lists, ListUploadRepository uploads, VersionEffects effects, AuditLog auditLog,
            Clock clock, long maxBytes) {
        this.jdbi = jdbi;
        this.lists = lists;
        this.uploads = uploads;
        this.effects = effects;
        this.auditLog = auditLog;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Reads, checks and matches the file, and stores it as a draft; refuses it whole with its problems. */
    public UploadResult upload(String cycleId, ListKind kind, String fileName, byte[] content, String actor) throws ListFileException {
        return upload(cycleId, kind, fileName, content, null, actor);
    }

    /**
     * As {@link #upload(String, ListKind, String, byte[], String)}, reading dates such as 03/04/1990 in
     * {@code dateOrder} as the uploader said, or as the file's rows settle it when null ({@link DateOrderPolicy}).
     */
    public UploadResult upload(String cycleId, ListKind kind, String fileName, byte[] content, DateOrder dateOrder, String actor)
            throws ListFileException {
        if (content.length == 0) throw new ListFileException(ListProblem.ofFile("EMPTY_FILE"));
        if (content.length > maxBytes)
            throw new ListFileException(ListProblem.ofFile("TOO_LARGE", String.valueOf(maxBytes / (1024 * 1024))));
        String hash = Checksums.sha256Hex(content);
        CurrentList current = jdbi.withHandle(h -> {
            uploads.requireCycle(h, cycleId);
            return new CurrentList(lists.currentVersion(h, cycleId, kind),
                    lists.currentContentHash(h, cycleId, kind).filter(hash::equals).isPresent());
        });
        if (current.sameContent()) return new UploadResult(true, current.version(), null);

        // The registered applicants are read and indexed while the file is read: with two cores the two
        // take about as long as the longer of them (each is a few tenths of a second for 100,000 rows).
        CompletableFuture<IdentityMatcher> indexed = CompletableFuture.supplyAsync(
                () -> new IdentityMatcher(jdbi.withHandle(h -> uploads.knownApplicants(h, cycleId))), UPLOAD_WORKERS);
        ListFileReader.Result read = ListFileReader.read(kind, fileName, content, dateOrder);
        IdentityMatcher matcher = joined(indexed);
        // Matching is pure, so the rows are matched in parallel; the duplicates are then found in row order.
        IdentityMatcher.Match[] matches = new IdentityMatcher.Match[read.rows().size()];
        Threads.forEachIndex(matches.length, PARALLEL_FROM, i -> matches[i] = matcher.match(read.rows().get(i)));
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
        List<UploadRow> stored = ListUploadRepository.asStored(rows);
        CompletableFuture<Effect> effect = CompletableFuture.supplyAsync(
                () -> jdbi.withHandle(h -> effect(h, cycleId, kind, current.version(), stored)), UPLOAD_WORKERS);
        long uploadId = jdbi.inTransaction(h -> {
            LocalDateTime now = LocalDateTime.now(clock);
            int basedOn = lists.currentVersion(h, cycleId, kind);
            long id = uploads.insertDraft(h,
                    new ListUploadRepository.Draft(cycleId, kind, basedOn, fileName, hash, read.encoding(), actor, now,
                            read.dateOrder()),
                    content, rows);
            auditLog.record(h, actor, "list.uploaded", "upload:" + id, kind + " " + cycleId + ", " + rows.size() + " rows, sha256 " + hash
                    + (read.dateOrder() == null || read.dateOrder().order() == null
                            ? ""
                            : ", dates " + read.dateOrder().order() + " (" + read.dateOrder().reason() + ")"));
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
    private record CurrentList(int version, boolean sameContent) {
    }

    /**
     * Reads and indexes the registered applicants, then works out the preview's effect, during an
     * upload. A pool of its own rather than the common one, whose threads (one on two cores) the
     * parallel matching of the rows needs meanwhile; its threads are gone when idle.
     */
    private static final ExecutorService UPLOAD_WORKERS = Executors.newCachedThreadPool(Threads.daemon("list-upload-worker"));

    /** From this many rows on, rows are matched in parallel. */
    private static final int PARALLEL_FROM = 2_000;

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

    /** What the rows would change if they became the list, and how many catalogues that changes. */
    private record Effect(VersionChange change, int catalogueChanges) {
    }

    /**
     * The preview, from {@code knownRows} when the caller has the upload's rows as stored, else from the
     * database; {@code knownEffect}, when the caller worked it out, is used if it is of the version now current.
     */
    private Preview preview(Handle h, String cycleId, long uploadId, List<UploadRow> knownRows, Effect knownEffect) {
        ListUploadRepository.Upload upload = uploads.upload(h, cycleId, uploadId);
        List<UploadRow> rows = knownRows != null ? knownRows : uploads.rows(h, uploadId);
        Map<MatchOutcome, Integer> outcomes = new EnumMap<>(MatchOutcome.class);
        for (MatchOutcome o : MatchOutcome.values()) outcomes.put(o, 0);
        int awaiting = 0;
        for (UploadRow r : rows) {
            outcomes.merge(r.outcome(), 1, Integer::sum);
            if (r.awaitsReview()) awaiting++;
        }
        int current = lists.currentVersion(h, cycleId, upload.kind());
        // A version committed meanwhile (by another upload) makes the known effect stale: worked out again.
        Effect effect = knownEffect != null && knownEffect.change().oldVersion() == current
                ? knownEffect
                : effect(h, cycleId, upload.kind(), current, rows);
        VersionChange.Diff diff = effect.change().diff();
        return new Preview(uploadId, cycleId, upload.kind(), upload.status(), upload.fileName(), upload.contentHash(),
                upload.encoding(), upload.uploadedBy(), upload.uploadedAt(), upload.basedOn(), current, rows.size(), outcomes,
                awaiting, diff.added(), diff.removed(), diff.changed(), effect.catalogueChanges(), upload.dateOrder(),
                effect.change().memberChanges());
    }

    /** What the rows would change as the version after {@code version}, and how many catalogues that changes. */
    private Effect effect(Handle h, String cycleId, ListKind kind, int version, List<UploadRow> rows) {
        Map<String, ListMember> before = version == 0 ? Map.of() : lists.members(h, cycleId, kind, version);
        Map<String, ListMember> after = new HashMap<>();
        for (UploadRow r : rows) {
            if (r.effectiveApplicant() != null) after.put(r.effectiveApplicant(), r.toMember());
        }
        VersionChange change = new VersionChange(cycleId, kind, version, version + 1, before, after);
        return new Effect(change, effects.catalogueChanges(h, change));
    }

    /** Audits that a person looked at an upload's preview (part of who-did-what on a list). */
    public void recordPreviewed(String cycleId, long uploadId, String actor) {
        jdbi.useTransaction(h -> {
            uploads.upload(h, cycleId, uploadId);
            auditLog.record(h, actor, "list.previewed", "upload:" + uploadId, null);
        });
    }

    /** The rows of an upload, optionally only those with one outcome, in file order. */
    public List<UploadRow> rows(String cycleId, long uploadId, MatchOutcome outcome) {
        return jdbi.withHandle(h -> {
            uploads.upload(h, cycleId, uploadId);
            return uploads.rows(h, uploadId).stream().filter(r -> outcome == null || r.outcome() == outcome).toList();
        });
    }

    /**
     * A person's decision on a PROBABLE or CONFLICT row: confirm it as {@code applicantId} (one of the
     * row's candidates) or reject it (the row then puts nobody on the list).
     */
    public void review(String cycleId, long uploadId, int rowNumber, boolean confirm, String applicantId, String actor) {
        jdbi.useTransaction(h -> {
            ListUploadRepository.Upload upload = uploads.upload(h, cycleId, uploadId);
            if (!upload.isDraft())
                throw new ConflictException("UPLOAD_CLOSED",
                        "upload " + uploadId + " is " + upload.status() + "; only a draft can be reviewed");
            List<UploadRow> rows = uploads.rows(h, uploadId);
            UploadRow row = rows.stream().filter(r -> r.row() == rowNumber).findFirst()
                    .orElseThrow(() -> new NotFoundException("row of upload " + uploadId, String.valueOf(rowNumber)));
            if (row.outcome() != MatchOutcome.PROBABLE && row.outcome() != MatchOutcome.CONFLICT) {
                throw new IllegalArgumentException(
                        "row " + rowNumber + " is " + row.outcome() + "; only PROBABLE and CONFLICT rows are reviewed");
            }
            String chosen = null;
            if (confirm) {
                chosen = applicantId != null ? applicantId : row.applicantId();
                if (chosen == null || !row.candidates().contains(chosen)) {
                    throw new IllegalArgumentException("confirm row " + rowNumber + " as one of its candidates " + row.candidates());
                }
                for (UploadRow other : rows) {
                    if (other.row() != rowNumber && chosen.equals(other.effectiveApplicant())) {
                        throw new IllegalArgumentException("applicant " + chosen + " is already on this upload in row " + other.row());
                    }
                }
            }
            uploads.review(h, uploadId, rowNumber, confirm ? UploadRow.Review.CONFIRMED : UploadRow.Review.REJECTED, chosen, actor,
                    LocalDateTime.now(clock));
            auditLog.record(h, actor, confirm ? "list.row-confirmed" : "list.row-rejected", "upload:" + uploadId,
                    "row " + rowNumber + (chosen == null ? "" : " as applicant " + chosen));
        });
    }

    /** The uploads of a list, newest first. */
    public List<Preview> uploads(String cycleId, ListKind kind) {
        List<Long> ids = jdbi.withHandle(h -> uploads.uploadIds(h, cycleId, kind));
        return ids.stream().map(id -> preview(cycleId, id)).toList();
    }

    /** A list's drafts, newest first, without their previews. */
    public List<DraftSummary> drafts(String cycleId, ListKind kind) {
        return jdbi.withHandle(h -> uploads.drafts(h, cycleId, kind));
    }

    /** The kind of list an upload is for (to check who may see it). */
    public ListKind kindOf(String cycleId, long uploadId) {
        return jdbi.withHandle(h -> uploads.upload(h, cycleId, uploadId).kind());
    }

    /** The file as it was uploaded, byte for byte. */
    public RawFile rawFile(String cycleId, long uploadId) {
        return jdbi.withHandle(h -> {
            ListUploadRepository.Upload upload = uploads.upload(h, cycleId, uploadId);
            return new RawFile(upload.fileName(), upload.kind(), uploads.content(h, uploadId));
        });
    }

    /** An uploaded file as it arrived. */
    public record RawFile(String fileName, ListKind kind, byte[] content) {
    }
}
