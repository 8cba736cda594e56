package org.residencymatch;

import java.time.Clock;
import org.residencymatch.audit.AuditLog;
import org.residencymatch.audit.AuditTrail;
import org.residencymatch.cap.ClinicalAssessmentService;
import org.residencymatch.cycle.CalendarService;
import org.residencymatch.cycle.CycleRepository;
import org.residencymatch.applicant.ApplicantDirectory;
import org.residencymatch.applicant.ApplicantRepository;
import org.residencymatch.applicant.DocumentService;
import org.residencymatch.applicant.FactVerificationService;
import org.residencymatch.applicant.FacultyVerification;
import org.residencymatch.applicant.ProfileService;
import org.residencymatch.application.ApplicationService;
import org.residencymatch.application.CoupleService;
import org.residencymatch.application.RankListService;
import org.residencymatch.catalogue.CatalogueService;
import org.residencymatch.jobs.Jobs;
import org.residencymatch.help.HelpService;
import org.residencymatch.reconciliation.ReconciliationService;
import org.residencymatch.listeffects.ListVersionEffects;
import org.residencymatch.lists.ListRepository;
import org.residencymatch.lists.ListUploadRepository;
import org.residencymatch.lists.ListUploadService;
import org.residencymatch.lists.ListVersionService;
import org.residencymatch.lists.VersionEffects;
import org.residencymatch.matching.MatchRunService;
import org.residencymatch.matching.PlacementReasonService;
import org.residencymatch.notification.Outbox;
import org.residencymatch.ops.Metrics;
import org.residencymatch.ops.Threads;
import org.residencymatch.program.CatalogueImporter;
import org.residencymatch.program.ProgramRepository;
import org.residencymatch.program.QuotaService;
import org.residencymatch.program.StreamNames;
import org.residencymatch.store.Database;

/**
 * The composition root: builds every feature's services on one database and one clock. The web
 * server and the command line both start from here, so there is one way to wire the system.
 */
public final class Services implements AutoCloseable {

    private final Database database;
    private final Clock clock;
    private final AuditLog auditLog;
    private final AuditTrail auditTrail;
    private final CycleRepository cycles;
    private final CalendarService calendar;
    private final CatalogueImporter catalogueImporter;
    private final ProgramRepository programs = new ProgramRepository();
    private final ApplicantRepository applicants = new ApplicantRepository();
    private final ListRepository lists = new ListRepository();
    private final ApplicantDirectory directory;
    private final ReconciliationService reconciliation;
    private final ProfileService profiles;
    private final CatalogueService catalogue;
    private final Outbox outbox;
    private final ListUploadService listUploads;
    private final ListVersionService listVersions;
    private final ApplicationService applications;
    private final RankListService rankLists;
    private final CoupleService couples;
    private final MatchRunService matchRuns;
    private final PlacementReasonService placementReasons;
    private final ClinicalAssessmentService clinicalAssessment;
    private final Jobs jobs;
    private final HelpService help;
    private final QuotaService quotas;
    private final Metrics metrics = new Metrics();
    private final FactVerificationService factVerification;
    private final FacultyVerification facultyVerification;
    private final DocumentService documents;

    private Services(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
        database.reportPoolMetricsTo(metrics.registry());
        this.auditLog = new AuditLog(clock);
        this.auditTrail = new AuditTrail(database.jdbi());
        this.cycles = new CycleRepository(database.jdbi());
        this.directory = new ApplicantDirectory(database.jdbi());
        this.calendar = new CalendarService(database.jdbi(), cycles, auditLog, clock);
        this.catalogueImporter = new CatalogueImporter(database.jdbi(), StreamNames.standard(), cycles, auditLog, clock);
        // A case about the QIMG list says what the cycle's rule tells the applicant: the rules come from the catalogue, built below.
        this.reconciliation = new ReconciliationService(database.jdbi(), lists, auditLog, clock,
                cycleId -> catalogue().rules(cycleId).iteration(1));
        // A change of facts, or of their verification, re-checks the applicant's applications in its own transaction.
        ProfileService.ProfileChangeListener recheck = (h, cycleId, applicantId) -> applications().recheckApplicant(h, cycleId,
                applicantId);
        this.profiles = new ProfileService(database.jdbi(), cycles, applicants, lists, reconciliation, auditLog, clock, recheck);
        this.catalogue = new CatalogueService(database.jdbi(), cycles, programs, applicants, lists);
        this.outbox = new Outbox(database.jdbi(), clock);
        this.applications = new ApplicationService(database.jdbi(), cycles, catalogue, auditLog, clock);
        this.factVerification = new FactVerificationService(database.jdbi(), applicants, lists,
                cycleId -> catalogue.rules(cycleId).iteration(1), outbox,
                auditLog, clock, recheck);
        this.documents = new DocumentService(database.jdbi(), applicants, factVerification, outbox, auditLog, clock);
        this.facultyVerification = new FacultyVerification(database.jdbi(), applicants, factVerification, documents);
        this.rankLists = new RankListService(database.jdbi(), applications, auditLog, clock, outbox);
        this.couples = new CoupleService(database.jdbi(), applications, auditLog, clock);
        this.matchRuns = new MatchRunService(database.jdbi(), cycles, programs, rankLists, couples, applications, outbox, auditLog, clock,
                metrics.registry());
        this.placementReasons = new PlacementReasonService(database.jdbi(), matchRuns, rankLists, couples, applications, auditLog, clock);
        this.clinicalAssessment = new ClinicalAssessmentService(database.jdbi(), lists, applicants, auditLog, clock);
        this.jobs = new Jobs(database.jdbi(), clock);
        this.help = new HelpService(database.jdbi(), catalogue, auditLog, clock);
        this.quotas = new QuotaService(database.jdbi(), cycles, programs, auditLog, clock);
        // The lists' versions change catalogues, cases, flags and notifications, features that read the
        // lists themselves: the lists see those effects through their interface only.
        VersionEffects listEffects = new ListVersionEffects(lists, applicants, catalogue, reconciliation, applications, outbox);
        ListUploadRepository uploads = new ListUploadRepository();
        this.listUploads = new ListUploadService(database.jdbi(), lists, uploads, listEffects, auditLog, clock,
                ListUploadService.DEFAULT_MAX_BYTES);
        this.listVersions = new ListVersionService(database.jdbi(), lists, uploads, listEffects, auditLog, clock, metrics.registry());
    }

    public static Services start(Database database) {
        return start(database, Clock.systemUTC());
    }

    public static Services start(Database database, Clock clock) {
        Services services = new Services(database, clock);
        // Applicants written before V33 (or by a bulk load) have no folded name yet: fold them once here, not in the first search.
        database.jdbi().useTransaction(h -> ApplicantDirectory.fillNameKeys(h));
        int torn = services.listVersions.voidTornVersions();
        if (torn > 0)
            org.slf4j.LoggerFactory.getLogger(Services.class).warn("voided {} list version(s) torn by a crash during their commit", torn);
        return services;
    }

    public Database database() {
        return database;
    }

    public Clock clock() {
        return clock;
    }

    public AuditLog auditLog() {
        return auditLog;
    }

    public AuditTrail auditTrail() {
        return auditTrail;
    }

    public CycleRepository cycles() {
        return cycles;
    }

    public CalendarService calendar() {
        return calendar;
    }

    public CatalogueImporter catalogueImporter() {
        return catalogueImporter;
    }

    public ProgramRepository programs() {
        return programs;
    }

    public QuotaService quotas() {
        return quotas;
    }

    public ApplicantRepository applicants() {
        return applicants;
    }

    /** Finding applicants by name, id, email or MINC, and their names for the pages. */
    public ApplicantDirectory directory() {
        return directory;
    }

    public ListRepository lists() {
        return lists;
    }

    public ReconciliationService reconciliation() {
        return reconciliation;
    }

    public FactVerificationService factVerification() {
        return factVerification;
    }

    /** A Canadian faculty's verification of its own CMG students' facts. */
    public FacultyVerification facultyVerification() {
        return facultyVerification;
    }

    /** The applicants' documents and the operator's decisions on them. */
    public DocumentService documents() {
        return documents;
    }

    public ProfileService profiles() {
        return profiles;
    }

    public CatalogueService catalogue() {
        return catalogue;
    }

    public HelpService help() {
        return help;
    }

    public Outbox outbox() {
        return outbox;
    }

    /** Partner list uploads: the draft, its preview and review. */
    public ListUploadService listUploads() {
        return listUploads;
    }

    /** Partner list versions: commit, revert, effects, history. */
    public ListVersionService listVersions() {
        return listVersions;
    }

    public ApplicationService applications() {
        return applications;
    }

    public RankListService rankLists() {
        return rankLists;
    }

    public CoupleService couples() {
        return couples;
    }

    public MatchRunService matchRuns() {
        return matchRuns;
    }

    public PlacementReasonService placementReasons() {
        return placementReasons;
    }

    public ClinicalAssessmentService clinicalAssessment() {
        return clinicalAssessment;
    }

    public Jobs jobs() {
        return jobs;
    }

    /** This process's metrics: HTTP requests, list commits, match runs, the connection pool, the JVM. */
    public Metrics metrics() {
        return metrics;
    }

    /**
     * The background work of a running service, every {@code period}: finishes the effects of list
     * versions that a crash left pending (at once at start, then every round), and delivers the
     * outbox (notifications and emails) through the log sender, which logs only their ids and kinds (a real
     * deployment plugs in an email sender here); and once a minute deletes expired sessions and throttle counts. Every instance does
     * it; the work is safe to share. Stopped by {@link #close()}.
     */
    public void startBackgroundWork(java.time.Duration period) {
        startBackgroundWork(period, Outbox.LOG_SENDER);
    }

    /** {@link #startBackgroundWork(java.time.Duration)}, delivering the outbox through this sender. */
    public void startBackgroundWork(java.time.Duration period, Outbox.Sender sender) {
        var scheduler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(Threads.daemon("background-work"));
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                int finished = listVersions.applyAllPendingEffects();
                if (finished > 0)
                    org.slf4j.LoggerFactory.getLogger(Services.class).info("applied the pending effects of {} list version(s)", finished);
                outbox.deliverPending(sender, 500);
            } catch (RuntimeException e) {
                // The database may be briefly away; the next round retries.
                org.slf4j.LoggerFactory.getLogger(Services.class).warn("background work failed: {}",
                        org.residencymatch.ops.Failures.describe(e));
            }
        }, 0, period.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        // Expired sessions and throttle counts, once a minute (nobody may ever read them again).
        var sweep = new org.residencymatch.account.AccountSweep(database.jdbi(), clock);
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                sweep.run();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(Services.class).warn("sweeping expired sessions failed: {}",
                        org.residencymatch.ops.Failures.describe(e));
            }
        }, 0, 1, java.util.concurrent.TimeUnit.MINUTES);
        background = scheduler;
    }

    private java.util.concurrent.ScheduledExecutorService background;

    @Override
    public void close() {
        if (background != null) background.shutdownNow();
        jobs.close();
        metrics.close();
        database.close();
    }
}
