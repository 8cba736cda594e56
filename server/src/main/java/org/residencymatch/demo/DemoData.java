package org.residencymatch.demo;

import static org.residencymatch.eligibility.ApplicantCategory.CMG;
import static org.residencymatch.eligibility.ApplicantCategory.IMG;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;
import org.residencymatch.Services;
import org.residencymatch.account.Accounts;
import org.residencymatch.account.Passwords;
import org.residencymatch.account.Role;
import org.residencymatch.applicant.FactVerificationService.FactDecision;
import org.residencymatch.applicant.Identity;
import org.residencymatch.eligibility.ApplicantCategory;
import org.residencymatch.eligibility.ApplicantFacts;
import org.residencymatch.eligibility.DocumentKind;
import org.residencymatch.eligibility.FactStatus;
import org.residencymatch.eligibility.LocalizedText;
import org.residencymatch.eligibility.ProfileFact;
import org.residencymatch.eligibility.Verifier;
import org.residencymatch.eligibility.Citizenship;
import org.residencymatch.eligibility.CmqApproval;
import org.residencymatch.eligibility.ExamResult;
import org.residencymatch.eligibility.ListKind;
import org.residencymatch.eligibility.StudyStatus;
import org.residencymatch.lists.Identifiers;
import org.residencymatch.lists.ListMember;
import org.residencymatch.lists.ListRepository;
import org.residencymatch.program.CatalogueImportException;
import org.residencymatch.program.DemoQuotas;
import org.residencymatch.program.ProgramStream;
import org.residencymatch.program.Province;
import org.residencymatch.tabular.TextKey;

/**
 * The demo: the real 2025 R-1 catalogue with seeded quotas, and named applicants in every situation
 * docs/DOMAIN.md describes, each with an account, plus the three partner lists, partner and staff accounts
 * and an operator. Seeding happens once, on an empty database.
 */
public final class DemoData {

    public static final String CYCLE = "2025-R1";
    /** Every demo account has this password; it is printed when the demo starts. */
    public static final String PASSWORD = "demo-2025";
    public static final String OPERATOR_EMAIL = "operator@demo.example";
    /** A UBC student (CMG) whose category and degree await her faculty's verification, in UBC's staff queue. */
    public static final String CHLOE = "A-1008";
    /** The demo's help desk: finds applicants, reads their page and answers their help requests. */
    public static final String HELP_DESK_EMAIL = "helpdesk@demo.example";

    /** A demo applicant: who they are, their situation in one line, and the lists they are on. */
    record DemoApplicant(String id, String given, String family, String situation, ApplicantFacts facts, List<ListKind> lists,
            Verification verification) {
        String email() {
            return TextKey.of(given).replace(' ', '-') + "." + TextKey.of(family).replace(' ', '-') + "@applicant.example";
        }
    }

    /** The accounts to print when the demo starts. */
    public record AccountList(List<String> lines) {
        public String describe(String url, boolean bootstrapToken) {
            StringBuilder out = new StringBuilder();
            out.append("Residency Match demo is running: ").append(url).append('\n');
            out.append("Every demo account's password is: ").append(PASSWORD).append('\n');
            lines.forEach(line -> out.append("  ").append(line).append('\n'));
            if (bootstrapToken) out.append("RESIDENCY_BOOTSTRAP_TOKEN is accepted as an operator API token.\n");
            out.append("Stop with Ctrl+C.");
            return out.toString();
        }
    }

    private final Services services;

    public DemoData(Services services) {
        this.services = services;
    }

    /** Seeds the demo unless the demo cycle already exists; returns the accounts either way. */
    public AccountList seedIfEmpty() {
        if (!services.cycles().exists(CYCLE)) seed();
        return accounts();
    }

    private void seed() {
        try (InputStream in = DemoData.class.getResourceAsStream("/catalogue/r1-2025-program-streams.csv")) {
            services.catalogueImporter().importFile(CYCLE, "r1-2025-program-streams.csv", in.readAllBytes(), "demo");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CatalogueImportException e) {
            throw new IllegalStateException("the bundled 2025 catalogue does not import: " + e.getMessage(), e);
        }
        LocalDateTime now = LocalDateTime.now(services.clock());
        var accountStore = new Accounts(services.database().jdbi(), services.clock());
        // Every demo account has the same password: hash it once (Argon2id is slow on purpose).
        String passwordHash = Passwords.hash(PASSWORD);
        services.database().jdbi().useTransaction(h -> {
            List<ProgramStream> streams = services.programs().streams(h, CYCLE);
            List<Integer> quotas = DemoQuotas.assign(streams, DemoQuotas.TOTAL_2025, DemoQuotas.SEED);
            for (int i = 0; i < streams.size(); i++) services.programs().setQuota(h, CYCLE, streams.get(i).streamId(), quotas.get(i));

            List<ListMember> aimg = new ArrayList<>(), bcimg = new ArrayList<>(), qimg = new ArrayList<>();
            List<DemoApplicant> roster = roster();
            for (int i = 0; i < roster.size(); i++) {
                DemoApplicant a = roster.get(i);
                services.applicants().saveIdentity(h,
                        new Identity(a.id(), a.family(), a.given(), LocalDate.of(1990, 1, 1).plusDays(97L * i),
                                a.email(), Identifiers.mincFor(2_025_000 + i),
                                String.format(Locale.ROOT, "%010d", 3_000_000_000L + 7_919L * i)),
                        now);
                services.applicants().saveProfile(h, CYCLE, a.facts(), "demo", now);
                switch (a.verification()) {
                    case VERIFIED -> recordVerified(services, h, a.facts(), a.lists().contains(ListKind.QIMG), now);
                    case AWAITING -> {
                    }
                    case CITIZENSHIP_REFUSED -> {
                        recordVerified(services, h, a.facts(), false, now);
                        services.applicants().saveCheck(h, CYCLE, a.id(), ProfileFact.CITIZENSHIP, FactStatus.refused(Verifier.OPERATOR,
                                "the match operator", now.toLocalDate(), BIRTH_CERTIFICATE_REFUSED), "demo", now);
                    }
                }
                seedDocuments(h, a, now);
                // Chloé studies at UBC: its program staff (staff@ubc.example) confirm her category and degree.
                if (a.id().equals(CHLOE)) services.applicants().saveMedicalSchool(h, CYCLE, a.id(), "UBC", "applicant:" + a.id(), now);
                accountStore.createWithHash(h, new Accounts.NewAccount(a.email(), a.given() + " " + a.family(),
                        PASSWORD, Role.APPLICANT, a.id(), null, null), passwordHash);
                for (ListKind kind : a.lists()) {
                    switch (kind) {
                        case AIMG ->
                            aimg.add(new ListMember(a.id(), null, new BigDecimal("70.0").add(BigDecimal.valueOf(aimg.size() * 3L)), null));
                        case BCIMG -> bcimg.add(new ListMember(a.id(), null, null, "Assessment completed"));
                        case QIMG -> qimg.add(new ListMember(a.id(), CmqApproval.REGULIER, null, null));
                    }
                }
            }
            services.lists().commitNewVersion(h, CYCLE, ListKind.AIMG, aimg,
                    new ListRepository.Origin("demo: AIMG Program", null, null, null, "demo"), now);
            services.lists().commitNewVersion(h, CYCLE, ListKind.BCIMG, bcimg,
                    new ListRepository.Origin("demo: UBC Clinical Assessment Program", null, null, null, "demo"), now);
            services.lists().commitNewVersion(h, CYCLE, ListKind.QIMG, qimg,
                    new ListRepository.Origin("demo: BCI", null, null, null, "demo"), now);

            accountStore.createWithHash(h, new Accounts.NewAccount(OPERATOR_EMAIL, "Claire Fortin", PASSWORD,
                    Role.OPERATOR, null, null, null), passwordHash);
            accountStore.createWithHash(h, new Accounts.NewAccount("aimg@partner.example", "AIMG Program",
                    PASSWORD, Role.PARTNER, null, null, "AIMG"), passwordHash);
            accountStore.createWithHash(h, new Accounts.NewAccount("bc-cap@partner.example", "UBC Clinical Assessment Program",
                    PASSWORD, Role.PARTNER, null, null, "UBC_CAP"), passwordHash);
            accountStore.createWithHash(h, new Accounts.NewAccount("bci@partner.example", "BCI",
                    PASSWORD, Role.PARTNER, null, null, "BCI"), passwordHash);
            accountStore.createWithHash(h, new Accounts.NewAccount("staff@ubc.example", "UBC program staff",
                    PASSWORD, Role.PROGRAM_STAFF, null, "UBC", null), passwordHash);
            accountStore.createWithHash(h, new Accounts.NewAccount(HELP_DESK_EMAIL, "Help desk",
                    PASSWORD, Role.HELP_DESK, null, null, null), passwordHash);
            services.reconciliation().syncAll(h, CYCLE, services.applicants().allProfiles(h, CYCLE));
            services.auditLog().record(h, "demo", "demo.seed", "cycle:" + CYCLE, "demo data seeded");
        });
    }

    private AccountList accounts() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-44s %s", OPERATOR_EMAIL, "operator"));
        lines.add(String.format(Locale.ROOT, "%-44s %s", "aimg@partner.example", "partner body: AIMG"));
        lines.add(String.format(Locale.ROOT, "%-44s %s", "bc-cap@partner.example", "partner body: UBC-CAP"));
        lines.add(String.format(Locale.ROOT, "%-44s %s", "bci@partner.example", "partner body: BCI"));
        lines.add(
                String.format(Locale.ROOT, "%-44s %s", "staff@ubc.example", "program staff: UBC (verifies its students: Chloé Bergeron)"));
        lines.add(String.format(Locale.ROOT, "%-44s %s", HELP_DESK_EMAIL, "help desk (finds applicants, answers help requests)"));
        for (DemoApplicant a : roster()) {
            lines.add(String.format(Locale.ROOT, "%-44s applicant %s: %s", a.email(), a.id(), a.situation()));
        }
        return new AccountList(lines);
    }

    private static final LocalizedText BIRTH_CERTIFICATE_REFUSED = new LocalizedText(
            "The document uploaded is a birth certificate from outside Canada: it proves neither citizenship nor permanent residence.",
            "Le document téléversé est un acte de naissance étranger : il ne prouve ni la citoyenneté ni la résidence permanente.");

    /**
     * The demo's documents, one in each state the operator meets: Ravi's passport and degree await the
     * operator's check (the verification queue), Nadia's birth certificate was refused with the reason her
     * profile shows, Ana's citizenship certificate was accepted.
     */
    private void seedDocuments(Handle h, DemoApplicant a, LocalDateTime now) {
        var documents = services.documents();
        String by = "applicant:" + a.id();
        switch (a.id()) {
            case "A-2025" -> {
                documents.seed(h, CYCLE, a.id(), DocumentKind.CITIZENSHIP_PROOF, "passport-ravi-iyer.pdf",
                        DemoDocuments.pdf("Demo document: passport of Ravi Iyer, Canadian citizen"), null, by, now.minusDays(3));
                documents.seed(h, CYCLE, a.id(), DocumentKind.DEGREE, "md-diploma-ravi-iyer.pdf",
                        DemoDocuments.pdf("Demo document: medical degree of Ravi Iyer, 31 May 2024"), null, by, now.minusDays(1));
            }
            case "A-2026" -> documents.seed(h, CYCLE, a.id(), DocumentKind.CITIZENSHIP_PROOF, "birth-certificate.pdf",
                    DemoDocuments.pdf("Demo document: birth certificate of Nadia Kowalski, issued in Poland"),
                    FactDecision.refused(Verifier.OPERATOR, "the match operator", BIRTH_CERTIFICATE_REFUSED), by, now.minusDays(5));
            case "A-2017" -> documents.seed(h, CYCLE, a.id(), DocumentKind.CITIZENSHIP_PROOF, "citizenship-certificate.pdf",
                    DemoDocuments.pdf("Demo document: Canadian citizenship certificate of Ana Souza"),
                    FactDecision.accepted(Verifier.OPERATOR, "the match operator"), by, now.minusDays(7));
            default -> {
            }
        }
    }

    /** Where a demo applicant's facts stand: all verified, nothing verified yet, or all verified but a refused citizenship. */
    enum Verification {
        VERIFIED, AWAITING, CITIZENSHIP_REFUSED
    }

    /**
     * Records every fact of a profile as verified by whom the 2025 policy names: a CMG's category and
     * degree by their faculty, an IMG's by the operator from a document; exam results by the MCC; a
     * CMQ approval by BCI's list when on it; the rest by the operator. For demo and journey applicants
     * whose facts stand settled before the demo's date.
     */
    static void recordVerified(Services services, Handle h, ApplicantFacts facts, boolean onQimg, LocalDateTime now) {
        boolean cmg = facts.category() == CMG;
        for (ProfileFact fact : ProfileFact.values()) {
            Verifier verifier = switch (fact) {
                case CATEGORY, DEGREE -> cmg ? Verifier.FACULTY : Verifier.OPERATOR;
                case MCC_EXAMS -> Verifier.MCC;
                case CMQ_APPROVAL -> onQimg ? Verifier.PARTNER_LIST : Verifier.OPERATOR;
                default -> Verifier.OPERATOR;
            };
            String by = switch (verifier) {
                case FACULTY -> "the applicant's faculty";
                case MCC -> "the Medical Council of Canada";
                case PARTNER_LIST -> "BCI's QIMG list";
                case OPERATOR -> "the match operator";
            };
            services.applicants().saveCheck(h, CYCLE, facts.applicantId(), fact, FactStatus.verified(verifier, by, now.toLocalDate()),
                    "demo", now);
        }
    }

    /** The demo applicants, one or more for every situation of docs/DOMAIN.md. */
    static List<DemoApplicant> roster() {
        List<DemoApplicant> r = new ArrayList<>();
        // Canadian medical graduates.
        r.add(person("A-1001", "Émilie", "Tremblay", CMG, "CMG, final-year student", f -> f.status(StudyStatus.FINAL_YEAR_STUDENT)));
        r.add(person("A-1002", "Liam", "O'Connor", CMG, "CMG", f -> f));
        r.add(person("A-1003", "Noah", "Smith", CMG, "CMG, military training plan (MOTP) member", f -> f.militaryTrainingPlanMember(true)));
        r.add(person("A-1004", "Sophie", "Gagnon", CMG, "CMG with previous Canadian residency training (second iteration)",
                f -> f.priorPostgraduateTraining(true)));
        r.add(person("A-1005", "Aiyana", "Cardinal", CMG, "CMG, permanent resident", f -> f.citizenship(Citizenship.PERMANENT_RESIDENT)));
        r.add(person("A-1006", "Léa", "Bouchard", CMG, "CMG from Québec", f -> f.highSchoolYears(Province.QC, 5)));
        r.add(person("A-1007", "Lucas", "Martin", CMG, "CMG with a Nova Scotia tie", f -> f.provincialTie(Province.NS)));
        // International medical graduates.
        r.add(person("A-2001", "Amira", "Haddad", IMG, "IMG on no list", f -> f));
        r.add(person("A-2002", "Rajesh", "Patel", IMG, "IMG on the AIMG list", f -> f, ListKind.AIMG));
        r.add(person("A-2003", "Wei", "Chen", IMG, "IMG on the BCIMG list", f -> f, ListKind.BCIMG));
        r.add(person("A-2004", "Jean-François", "Lévesque", IMG, "IMG, CMQ Régulier, on BCI's QIMG list",
                f -> f.cmqApproval(CmqApproval.REGULIER), ListKind.QIMG));
        r.add(person("A-2005", "Fatima", "Benali", IMG, "IMG, CMQ Régulier but MISSING from BCI's QIMG list (opens a case)",
                f -> f.cmqApproval(CmqApproval.REGULIER)));
        r.add(person("A-2006", "Carlos", "Mendoza", IMG, "IMG, CMQ Particulier (applies to Québec directly)",
                f -> f.cmqApproval(CmqApproval.PARTICULIER).fellowshipCanadaUs(true)));
        r.add(person("A-2007", "Olga", "Petrova", IMG, "IMG who is neither citizen nor permanent resident",
                f -> f.citizenship(Citizenship.OTHER)));
        r.add(person("A-2008", "David", "Kim", IMG, "IMG with a US fellowship (counts as training in Québec)",
                f -> f.fellowshipCanadaUs(true)));
        r.add(person("A-2009", "Aisha", "Okafor", IMG, "IMG on two lists: AIMG and BCIMG", f -> f, ListKind.AIMG, ListKind.BCIMG));
        r.add(person("A-2010", "Mohammed", "Al-Sayed", IMG, "IMG with previous US residency training",
                f -> f.priorPostgraduateTraining(true)));
        r.add(person("A-2011", "Priya", "Sharma", IMG, "IMG who has not passed MCCQE Part I", f -> f.mccqe1(ExamResult.NOT_TAKEN)));
        r.add(person("A-2012", "Tomás", "Hernández", IMG, "IMG who failed the NAC exam", f -> f.nac(ExamResult.FAILED)));
        r.add(person("A-2013", "Siobhán", "O'Brien-Lévesque", IMG, "IMG with a Nova Scotia tie", f -> f.provincialTie(Province.NS)));
        r.add(person("A-2014", "An", "Nguyen", IMG, "IMG with a New Brunswick tie", f -> f.provincialTie(Province.NB)));
        r.add(person("A-2015", "Marie-Claire", "Dubois", IMG, "IMG, CMQ Régulier, on the QIMG and AIMG lists",
                f -> f.cmqApproval(CmqApproval.REGULIER), ListKind.QIMG, ListKind.AIMG));
        r.add(person("A-2016", "Yusuf", "Demir", IMG, "IMG, permanent resident, on no list",
                f -> f.citizenship(Citizenship.PERMANENT_RESIDENT)));
        r.add(person("A-2017", "Ana", "Souza", IMG, "US MD graduate (an IMG since 1 July 2025); her citizenship certificate was accepted",
                f -> f));
        r.add(person("A-2018", "Kwame", "Mensah", IMG, "IMG on BCI's QIMG list whose profile declares no CMQ approval (opens a case)",
                f -> f, ListKind.QIMG));
        r.add(person("A-2019", "Elena", "Rossi", IMG, "IMG, final-year international medical student",
                f -> f.status(StudyStatus.FINAL_YEAR_STUDENT).mdGraduationDate(LocalDate.of(2025, 6, 15))));
        r.add(person("A-2020", "Hiroshi", "Tanaka", IMG, "IMG on the AIMG list, MD in 2014",
                f -> f.mdGraduationDate(LocalDate.of(2014, 6, 1)), ListKind.AIMG));
        r.add(person("A-2021", "Zainab", "Hussein", IMG, "IMG, permanent resident, on the BCIMG list",
                f -> f.citizenship(Citizenship.PERMANENT_RESIDENT), ListKind.BCIMG));
        r.add(person("A-2022", "Ingrid", "Johansson", IMG, "IMG, CMQ Régulier, on all three lists",
                f -> f.cmqApproval(CmqApproval.REGULIER), ListKind.AIMG, ListKind.BCIMG, ListKind.QIMG));
        r.add(person("A-2023", "Samuel", "Cohen", IMG, "IMG with previous Canadian residency, CMQ Particulier",
                f -> f.priorPostgraduateTraining(true).cmqApproval(CmqApproval.PARTICULIER)));
        r.add(person("A-2024", "Mei", "Wong", IMG, "IMG, Ontario high school graduate", f -> f.highSchoolYears(Province.ON, 4)));
        // Verification of facts (issue #18): the applicants above have every fact verified; these have not.
        r.add(person(CHLOE, "Chloé", "Bergeron", CMG,
                "CMG just registered at UBC: her faculty (staff@ubc.example) has not confirmed her category yet (streams pending)",
                f -> f, Verification.AWAITING));
        r.add(person("A-2025", "Ravi", "Iyer", IMG,
                "IMG just registered: every fact awaiting verification, his passport and degree awaiting the operator's check",
                f -> f, Verification.AWAITING));
        r.add(person("A-2026", "Nadia", "Kowalski", IMG,
                "IMG whose proof of citizenship (a birth certificate) was refused, with the reason", f -> f,
                Verification.CITIZENSHIP_REFUSED));
        return r;
    }

    private static DemoApplicant person(String id, String given, String family, ApplicantCategory category, String situation,
            UnaryOperator<ApplicantFacts.Builder> specifics, ListKind... lists) {
        return person(id, given, family, category, situation, specifics, Verification.VERIFIED, lists);
    }

    private static DemoApplicant person(String id, String given, String family, ApplicantCategory category, String situation,
            UnaryOperator<ApplicantFacts.Builder> specifics, Verification verification, ListKind... lists) {
        // Baseline: a recent graduate who is a citizen and has passed the MCC exams; each person then differs.
        ApplicantFacts.Builder base = ApplicantFacts.builder(id, category)
                .citizenship(Citizenship.CITIZEN)
                .status(StudyStatus.GRADUATE)
                .mdGraduationDate(LocalDate.of(2024, 5, 31))
                .mccqe1(category == IMG ? ExamResult.PASSED : ExamResult.NOT_TAKEN)
                .nac(category == IMG ? ExamResult.PASSED : ExamResult.NOT_TAKEN);
        if (category == CMG) base.mdGraduationDate(LocalDate.of(2025, 5, 30)).status(StudyStatus.FINAL_YEAR_STUDENT);
        return new DemoApplicant(id, given, family, situation, specifics.apply(base).build(), List.of(lists), verification);
    }
}
