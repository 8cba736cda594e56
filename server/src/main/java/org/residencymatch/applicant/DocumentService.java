package org.residencymatch.applicant;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.residencymatch.ConflictException;
import org.residencymatch.Refusal;
import org.residencymatch.NotFoundException;
import org.residencymatch.applicant.FactVerificationService.FactDecision;
import org.residencymatch.audit.AuditLog;
import org.residencymatch.eligibility.DocumentKind;
import org.residencymatch.eligibility.ProfileFact;
import org.residencymatch.notification.EmailKind;
import org.residencymatch.notification.Outbox;
import org.residencymatch.store.Checksums;

/**
 * The documents applicants upload to prove their facts, and the operator's decision on each (issue
 * #18, points 3 and 4). A file is kept only if its content is a PDF, a JPEG or a PNG of at most 10
 * MB ({@link DocumentCheck}), with its SHA-256; an applicant keeps at most {@link #MAX_PER_APPLICANT}
 * per cycle. Accepting or refusing a document decides, in the same transaction, every fact that the
 * cycle proves with that kind of document and lets the operator verify ({@link
 * FactVerificationService}), with the audit rows, the applicant's notification (outbox) and the
 * re-check of their applications, so the catalogue changes at once. A withdrawn document is marked,
 * never deleted: the decisions made on it stay explained.
 */
public final class DocumentService {

    /** How many documents an applicant may upload in a cycle, withdrawn ones included. */
    public static final int MAX_PER_APPLICANT = 20;

    /** The file is not one the service keeps: why, for the applicant. */
    public static final class DocumentRefusedException extends RuntimeException {
        private final DocumentCheck.Refusal refusal;

        DocumentRefusedException(DocumentCheck.Refusal refusal) {
            super("document refused: " + refusal);
            this.refusal = refusal;
        }

        public DocumentCheck.Refusal refusal() {
            return refusal;
        }
    }

    /** A document and its content, to download. */
    public record Download(Document document, byte[] content) {
    }

    private final Jdbi jdbi;
    private final ApplicantRepository applicants;
    private final FactVerificationService facts;
    private final Outbox outbox;
    private final AuditLog auditLog;
    private final Clock clock;
    private final DocumentRepository documents = new DocumentRepository();

    public DocumentService(Jdbi jdbi, ApplicantRepository applicants, FactVerificationService facts, Outbox outbox, AuditLog auditLog,
            Clock clock) {
        this.jdbi = jdbi;
        this.applicants = applicants;
        this.facts = facts;
        this.outbox = outbox;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** The kinds of document that prove a fact the operator verifies in the cycle, each with the facts it proves. */
    public Map<DocumentKind, List<ProfileFact>> kindsAccepted(String cycleId) {
        Map<DocumentKind, List<ProfileFact>> kinds = new LinkedHashMap<>();
        for (DocumentKind kind : DocumentKind.values()) {
            List<ProfileFact> proven = facts.provenBy(cycleId, kind);
            if (!proven.isEmpty()) kinds.put(kind, proven);
        }
        return kinds;
    }

    /**
     * Keeps a document, awaiting the operator's check.
     *
     * @throws DocumentRefusedException when the content is not a PDF, JPEG or PNG, is empty or too large
     * @throws ConflictException {@code KIND_NOT_VERIFIED} when the cycle proves nothing with this kind,
     *     {@code TOO_MANY_DOCUMENTS} when the applicant has uploaded {@link #MAX_PER_APPLICANT} already
     * @throws NotFoundException when the applicant has no profile in the cycle
     */
    public Document upload(String cycleId, String applicantId, DocumentKind kind, String sentName, byte[] content, String actor) {
        DocumentCheck.Outcome outcome = DocumentCheck.check(content);
        if (!outcome.accepted()) throw new DocumentRefusedException(outcome.refusal());
        List<ProfileFact> proven = facts.provenBy(cycleId, kind);
        if (proven.isEmpty()) {
            throw new ConflictException(
                    Refusal.of("KIND_NOT_VERIFIED", "document.kindNotVerified", new Refusal.Key("document.kind." + kind.name())),
                    "cycle " + cycleId + " verifies no fact from a " + kind + " document");
        }
        String sha256 = Checksums.sha256Hex(content);
        String name = DocumentCheck.safeName(sentName, outcome.mediaType());
        return jdbi.inTransaction(h -> {
            applicants.findProfile(h, cycleId, applicantId).orElseThrow(() -> new NotFoundException("applicant", applicantId));
            // Counted in the transaction that inserts; two uploads at once may pass the bound by one, which is harmless.
            if (documents.count(h, cycleId, applicantId) >= MAX_PER_APPLICANT) {
                throw new ConflictException(Refusal.of("TOO_MANY_DOCUMENTS", "document.tooMany", MAX_PER_APPLICANT),
                        "applicant " + applicantId + " has uploaded " + MAX_PER_APPLICANT + " documents");
            }
            LocalDateTime now = LocalDateTime.now(clock);
            long id = documents.insert(h, cycleId, applicantId, kind, name, outcome.mediaType(), content, sha256, actor, now);
            // The kind, size and checksum only: the file's name may hold the applicant's name.
            auditLog.record(h, actor, "applicant.document.uploaded", "applicant:" + applicantId,
                    "cycle " + cycleId + ": document " + id + " " + kind + ", " + outcome.mediaType() + ", " + content.length
                            + " bytes, sha256 " + sha256);
            return documents.find(h, cycleId, applicantId, id, false).orElseThrow();
        });
    }

    /** The applicant's documents in the cycle, in the order they came; withdrawn ones only if asked. */
    public List<Document> list(String cycleId, String applicantId, boolean withWithdrawn) {
        List<Document> all = jdbi.withHandle(h -> documents.ofApplicant(h, cycleId, applicantId));
        return withWithdrawn ? all : all.stream().filter(d -> d.deletedAt() == null).toList();
    }

    /** The documents awaiting the operator's check, oldest first, by applicant. */
    public Map<String, List<Document>> awaiting(String cycleId) {
        Map<String, List<Document>> byApplicant = new LinkedHashMap<>();
        for (Document d : jdbi.withHandle(h -> documents.awaiting(h, cycleId))) {
            byApplicant.computeIfAbsent(d.applicantId(), a -> new java.util.ArrayList<>()).add(d);
        }
        return byApplicant;
    }

    /** The documents the cycle's applicants keep (none withdrawn), by applicant, each applicant's in the order they came. */
    public Map<String, List<Document>> kept(String cycleId) {
        Map<String, List<Document>> byApplicant = new LinkedHashMap<>();
        for (Document d : jdbi.withHandle(h -> documents.kept(h, cycleId))) {
            byApplicant.computeIfAbsent(d.applicantId(), a -> new java.util.ArrayList<>()).add(d);
        }
        return byApplicant;
    }

    /** One document of the applicant (withdrawn ones too: the operator reads them for the audit). */
    public Document find(String cycleId, String applicantId, long id) {
        return jdbi.withHandle(h -> documents.find(h, cycleId, applicantId, id, false))
                .orElseThrow(() -> new NotFoundException("document", String.valueOf(id)));
    }

    /** A document's content to download; the download is audited (whose file, by whom). A withdrawn one only for the operator. */
    public Download download(String cycleId, String applicantId, long id, boolean withWithdrawn, String actor) {
        return jdbi.inTransaction(h -> {
            Document d = documents.find(h, cycleId, applicantId, id, false)
                    .filter(found -> withWithdrawn || found.deletedAt() == null)
                    .orElseThrow(() -> new NotFoundException("document", String.valueOf(id)));
            auditLog.record(h, actor, "applicant.document.downloaded", "applicant:" + applicantId, "cycle " + cycleId + ": document " + id);
            return new Download(d, documents.content(h, id));
        });
    }

    /**
     * The applicant withdraws a document nobody has decided yet: it is marked, kept for the audit, and
     * no longer offered. A decided document stays: the decision rests on it.
     */
    public void withdraw(String cycleId, String applicantId, long id, String actor) {
        jdbi.useTransaction(h -> {
            Document d = documents.find(h, cycleId, applicantId, id, true).filter(found -> found.deletedAt() == null)
                    .orElseThrow(() -> new NotFoundException("document", String.valueOf(id)));
            if (!d.status().equals("AWAITING")) {
                throw new ConflictException(Refusal.of("DOCUMENT_DECIDED", "document.decided"),
                        "document " + id + " was " + d.status() + ": it stays, the decision rests on it");
            }
            documents.markDeleted(h, id, actor, LocalDateTime.now(clock));
            auditLog.record(h, actor, "applicant.document.withdrawn", "applicant:" + applicantId, "cycle " + cycleId + ": document " + id);
        });
    }

    /**
     * The operator accepts or refuses a document: the document's status and, in the same transaction,
     * the decision on every fact the cycle proves with its kind, their audit rows, one notification to
     * the applicant and the re-check of their applications. Returns the facts decided.
     *
     * @throws ConflictException {@code DOCUMENT_DECIDED} when the document was decided already or withdrawn
     */
    public List<ProfileFact> decide(String cycleId, String applicantId, long id, FactDecision decision, String actor) {
        return jdbi.inTransaction(h -> {
            Document d = documents.find(h, cycleId, applicantId, id, true)
                    .orElseThrow(() -> new NotFoundException("document", String.valueOf(id)));
            if (!d.awaiting()) {
                throw new ConflictException(Refusal.of("DOCUMENT_DECIDED", "document.decided"),
                        "document " + id + " is " + (d.deletedAt() != null ? "withdrawn" : d.status()));
            }
            // The facts this kind proves that the one deciding verifies: the operator's, or a faculty's for its own students.
            List<ProfileFact> proven = facts.provenBy(cycleId, d.kind(), decision.verifier());
            if (proven.isEmpty()) {
                throw new FactVerificationService.NotAVerifierException(
                        decision.verifier() + " verifies nothing a " + d.kind() + " proves in " + cycleId);
            }
            for (ProfileFact fact : proven) {
                facts.requireVerifier(cycleId, fact, decision.verifier());
                facts.record(h, cycleId, applicantId, fact, decision, actor);
            }
            documents.decide(h, id, decision.accepted(), decision.refusal(), decision.decidedBy(), LocalDateTime.now(clock));
            auditLog.record(h, actor, decision.accepted() ? "applicant.document.accepted" : "applicant.document.refused",
                    "applicant:" + applicantId,
                    "cycle " + cycleId + ": document " + id + " " + d.kind() + " decides " + proven);
            outbox.enqueue(h, applicantId, decision.accepted() ? "DOCUMENT_ACCEPTED" : "DOCUMENT_REFUSED",
                    decision.accepted() ? "notification.documentAccepted" : "notification.documentRefused", d.kind().name());
            FactVerificationService.emailDecision(h, applicantId, decision,
                    decision.accepted() ? EmailKind.DOCUMENT_ACCEPTED : EmailKind.DOCUMENT_REFUSED,
                    "documentKey", "document.kind." + d.kind().name(), clock);
            facts.recheck(h, cycleId, applicantId);
            return proven;
        });
    }

    /**
     * Records a document as if sent at {@code at}, decided already when {@code decision} is given, in the
     * caller's transaction, with its audit row: for the demo's seeding, which records the facts' statuses itself.
     */
    public long seed(org.jdbi.v3.core.Handle h, String cycleId, String applicantId, DocumentKind kind, String fileName, byte[] content,
            FactDecision decision, String actor, LocalDateTime at) {
        DocumentCheck.Outcome outcome = DocumentCheck.check(content);
        if (!outcome.accepted()) throw new IllegalArgumentException("a seeded document is a PDF, JPEG or PNG: " + outcome.refusal());
        long id = documents.insert(h, cycleId, applicantId, kind, DocumentCheck.safeName(fileName, outcome.mediaType()),
                outcome.mediaType(), content,
                Checksums.sha256Hex(content), actor, at);
        if (decision != null) documents.decide(h, id, decision.accepted(), decision.refusal(), decision.decidedBy(), at);
        auditLog.record(h, actor, "applicant.document.uploaded", "applicant:" + applicantId,
                "cycle " + cycleId + ": document " + id + " " + kind
                        + (decision == null ? "" : decision.accepted() ? ", accepted" : ", refused"));
        return id;
    }
}
