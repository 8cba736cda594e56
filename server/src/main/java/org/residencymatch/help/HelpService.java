package org.residencymatch.help;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.residencymatch.ConflictException;
import org.residencymatch.NotFoundException;
import org.residencymatch.audit.AuditLog;
import org.residencymatch.catalogue.CatalogueEntry;
import org.residencymatch.catalogue.CatalogueService;
import org.residencymatch.eligibility.Contact;
import org.residencymatch.eligibility.Decision;
import org.residencymatch.eligibility.ListKind;
import org.residencymatch.eligibility.LocalizedText;
import org.residencymatch.eligibility.NextStep;
import org.residencymatch.eligibility.Provenance;
import org.residencymatch.eligibility.Reason;
import org.residencymatch.eligibility.RulesFileId;
import org.residencymatch.program.ProgramStream;

/**
 * Help cases: an applicant who cannot select a stream asks the operator, in one step, from the
 * explanation they are reading; the operator answers and closes.
 *
 * <p>A feature of its own rather than a kind of reconciliation case: reconciliation cases are opened
 * and closed by a policy in step with the profiles and lists, and their comments are the operator's
 * notes; a help case is opened by a person, is never closed by data changing, and its answers are
 * written to the applicant. Sharing the table would make every reconciliation query tell the two
 * apart. What they share, the audit log, is shared.
 *
 * <p>The decision is decided again here, from the applicant's current profile and the lists, rather
 * than taken from the form: the form cannot put words in the rules' mouth, and what is stored is what
 * the catalogue showed.
 */
public final class HelpService {

    public static final int MAX_MESSAGE = 2000;
    public static final int MAX_ANSWER = 4000;

    private final Jdbi jdbi;
    private final CatalogueService catalogue;
    private final AuditLog auditLog;
    private final Clock clock;

    public HelpService(Jdbi jdbi, CatalogueService catalogue, AuditLog auditLog, Clock clock) {
        this.jdbi = jdbi;
        this.catalogue = catalogue;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * Opens a case about a stream the applicant cannot select, keeping the decision as it stands now.
     *
     * @param message what the applicant wrote (optional: blank means none)
     * @throws ConflictException {@code STREAM_SELECTABLE} when there is nothing to explain, or
     *     {@code HELP_CASE_ALREADY_OPEN} when the applicant already has a case about this stream open
     */
    public HelpCase open(String cycleId, String applicantId, int iteration, String streamId, String message, String actor) {
        String text = message == null || message.isBlank() ? null : message.strip();
        if (text != null && text.length() > MAX_MESSAGE)
            throw new IllegalArgumentException("the message is longer than " + MAX_MESSAGE + " characters");
        CatalogueEntry entry = catalogue.explain(cycleId, applicantId, streamId, iteration);
        if (entry.decision().isSelectable()) {
            throw new ConflictException("STREAM_SELECTABLE", "stream " + streamId + " is selectable: there is nothing to ask about");
        }
        long id = jdbi.inTransaction(h -> {
            boolean alreadyOpen = h
                    .createQuery("SELECT COUNT(*) FROM help_case WHERE cycle_id = :c AND applicant_id = :a AND stream_id = :s "
                            + "AND iteration = :i AND status <> 'CLOSED'")
                    .bind("c", cycleId).bind("a", applicantId).bind("s", streamId).bind("i", iteration).mapTo(Integer.class).one() > 0;
            if (alreadyOpen) {
                throw new ConflictException("HELP_CASE_ALREADY_OPEN",
                        "a help case about stream " + streamId + " is already open; the operator will answer it");
            }
            long caseId = h.createUpdate(
                    "INSERT INTO help_case (cycle_id, applicant_id, iteration, stream_id, stream_label, decision, message, status, opened_at) "
                            + "VALUES (:c, :a, :i, :s, :label, :decision, :message, 'OPEN', :now)")
                    .bind("c", cycleId).bind("a", applicantId).bind("i", iteration).bind("s", streamId)
                    .bind("label", label(entry.stream())).bind("decision", entry.decision().decision().name())
                    .bind("message", text).bind("now", LocalDateTime.now(clock))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            var batch = h.prepareBatch(
                    "INSERT INTO help_case_reason (case_id, position, code, outcome, message_en, message_fr, next_step_en, next_step_fr, "
                            + "contact_id, contact_name_en, contact_name_fr, contact_link_en, contact_link_fr, rule_id, rules_cycle, rules_iteration, rules_version, "
                            + "list_kind, list_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            List<Reason> reasons = entry.decision().reasons();
            for (int i = 0; i < reasons.size(); i++) {
                Reason r = reasons.get(i);
                Contact contact = r.nextStep().contact();
                Provenance p = r.provenance();
                batch.add(caseId, i + 1, r.code(), r.outcome().name(), r.message().en(), r.message().fr(),
                        r.nextStep().action().en(), r.nextStep().action().fr(), contact.id(), contact.name().en(), contact.name().fr(),
                        contact.link().en(), contact.link().fr(), p.ruleId(), p.rules().cycleId(), p.rules().iteration(),
                        p.rules().version(),
                        p.listKind() == null ? null : p.listKind().name(), p.listVersion());
            }
            batch.execute();
            auditLog.record(h, actor, "help-case.opened", "help-case:" + caseId,
                    "stream " + streamId + ", " + entry.decision().decision().name() + " "
                            + String.join(",", entry.decision().reasonCodes()));
            return caseId;
        });
        return find(cycleId, id).orElseThrow();
    }

    /** The cases of a cycle with this status (every status when null), oldest first. */
    public List<HelpCase> cases(String cycleId, HelpCaseStatus status) {
        return jdbi.withHandle(h -> {
            var query = h
                    .createQuery("SELECT * FROM help_case WHERE cycle_id = :c" + (status == null ? "" : " AND status = :status")
                            + " ORDER BY opened_at, id")
                    .bind("c", cycleId);
            if (status != null) query.bind("status", status.name());
            return complete(h, query.map((rs, ctx) -> row(rs)).list());
        });
    }

    /** One applicant's cases, newest first: each applicant follows only their own. */
    public List<HelpCase> casesOf(String cycleId, String applicantId) {
        return jdbi.withHandle(h -> complete(h,
                h.createQuery("SELECT * FROM help_case WHERE cycle_id = :c AND applicant_id = :a ORDER BY opened_at DESC, id DESC")
                        .bind("c", cycleId).bind("a", applicantId).map((rs, ctx) -> row(rs)).list()));
    }

    public Optional<HelpCase> find(String cycleId, long caseId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM help_case WHERE cycle_id = :c AND id = :id")
                .bind("c", cycleId).bind("id", caseId).map((rs, ctx) -> row(rs)).findOne()
                .map(c -> complete(h, List.of(c)).get(0)));
    }

    /** The operator answers the applicant; a closed case takes no more answers. */
    public HelpCase answer(String cycleId, long caseId, String author, String body) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) throw new IllegalArgumentException("the answer is empty");
        if (text.length() > MAX_ANSWER) throw new IllegalArgumentException("the answer is longer than " + MAX_ANSWER + " characters");
        jdbi.useTransaction(h -> {
            LocalDateTime now = LocalDateTime.now(clock);
            int updated = h.execute("UPDATE help_case SET status = 'ANSWERED' WHERE cycle_id = ? AND id = ? AND status <> 'CLOSED'",
                    cycleId, caseId);
            if (updated == 0) throw refusal(h, cycleId, caseId);
            h.execute("INSERT INTO help_case_answer (case_id, author, written_at, body) VALUES (?, ?, ?, ?)", caseId, author, now, text);
            auditLog.record(h, author, "help-case.answered", "help-case:" + caseId, null);
        });
        return find(cycleId, caseId).orElseThrow();
    }

    public HelpCase close(String cycleId, long caseId, String author) {
        jdbi.useTransaction(h -> {
            int updated = h.execute(
                    "UPDATE help_case SET status = 'CLOSED', closed_at = ?, closed_by = ? WHERE cycle_id = ? AND id = ? AND status <> 'CLOSED'",
                    LocalDateTime.now(clock), author, cycleId, caseId);
            if (updated == 0) throw refusal(h, cycleId, caseId);
            auditLog.record(h, author, "help-case.closed", "help-case:" + caseId, null);
        });
        return find(cycleId, caseId).orElseThrow();
    }

    /** Why an update touched no row: the case does not exist, or it is closed. */
    private static RuntimeException refusal(Handle h, String cycleId, long caseId) {
        boolean exists = h.createQuery("SELECT COUNT(*) FROM help_case WHERE cycle_id = :c AND id = :id")
                .bind("c", cycleId).bind("id", caseId).mapTo(Integer.class).one() > 0;
        return exists
                ? new ConflictException("HELP_CASE_CLOSED", "help case " + caseId + " is closed")
                : new NotFoundException("help case", String.valueOf(caseId));
    }

    /** How the stream is named in the case: it stays as it was even if the catalogue is re-imported. */
    static String label(ProgramStream s) {
        return s.disciplineName() + " · " + s.facultyName() + " · " + s.streamName();
    }

    private static List<HelpCase> complete(Handle h, List<HelpCase> cases) {
        if (cases.isEmpty()) return cases;
        List<Long> ids = cases.stream().map(HelpCase::id).toList();
        Map<Long, List<Reason>> reasons = new HashMap<>();
        h.createQuery("SELECT * FROM help_case_reason WHERE case_id IN (<ids>) ORDER BY case_id, position").bindList("ids", ids)
                .map((rs, ctx) -> reasons.computeIfAbsent(rs.getLong("case_id"), k -> new ArrayList<>()).add(reason(rs)))
                .list();
        Map<Long, List<HelpCase.Answer>> answers = new HashMap<>();
        h.createQuery("SELECT case_id, author, written_at, body FROM help_case_answer WHERE case_id IN (<ids>) ORDER BY written_at, id")
                .bindList("ids", ids)
                .map((rs, ctx) -> answers.computeIfAbsent(rs.getLong("case_id"), k -> new ArrayList<>())
                        .add(new HelpCase.Answer(rs.getString("author"), rs.getObject("written_at", LocalDateTime.class),
                                rs.getString("body"))))
                .list();
        return cases.stream()
                .map(c -> new HelpCase(c.id(), c.cycleId(), c.applicantId(), c.iteration(), c.streamId(), c.streamLabel(), c.decision(),
                        List.copyOf(reasons.getOrDefault(c.id(), List.of())), c.message(), c.status(), c.openedAt(), c.closedAt(),
                        c.closedBy(),
                        List.copyOf(answers.getOrDefault(c.id(), List.of()))))
                .toList();
    }

    private static Reason reason(ResultSet rs) throws SQLException {
        String listKind = rs.getString("list_kind");
        Integer listVersion = rs.getObject("list_version") == null ? null : rs.getInt("list_version");
        return new Reason(rs.getString("code"), Decision.valueOf(rs.getString("outcome")),
                new LocalizedText(rs.getString("message_en"), rs.getString("message_fr")),
                new NextStep(new LocalizedText(rs.getString("next_step_en"), rs.getString("next_step_fr")),
                        new Contact(rs.getString("contact_id"),
                                new LocalizedText(rs.getString("contact_name_en"), rs.getString("contact_name_fr")),
                                new LocalizedText(rs.getString("contact_link_en"), rs.getString("contact_link_fr")))),
                new Provenance(rs.getString("rule_id"),
                        new RulesFileId(rs.getString("rules_cycle"), rs.getInt("rules_iteration"), rs.getInt("rules_version")),
                        listKind == null ? null : ListKind.valueOf(listKind), listVersion));
    }

    private static HelpCase row(ResultSet rs) throws SQLException {
        return new HelpCase(rs.getLong("id"), rs.getString("cycle_id"), rs.getString("applicant_id"), rs.getInt("iteration"),
                rs.getString("stream_id"),
                rs.getString("stream_label"), Decision.valueOf(rs.getString("decision")), List.of(), rs.getString("message"),
                HelpCaseStatus.valueOf(rs.getString("status")), rs.getObject("opened_at", LocalDateTime.class),
                rs.getObject("closed_at", LocalDateTime.class), rs.getString("closed_by"), List.of());
    }
}
