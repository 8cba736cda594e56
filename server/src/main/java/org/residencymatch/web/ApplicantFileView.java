package org.residencymatch.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.residencymatch.NotFoundException;
import org.residencymatch.Services;
import org.residencymatch.applicant.Document;
import org.residencymatch.applicant.Identity;
import org.residencymatch.applicant.VerifiedFacts;
import org.residencymatch.application.Application;
import org.residencymatch.application.Couple;
import org.residencymatch.application.RankList;
import org.residencymatch.application.RankListReceipt;
import org.residencymatch.application.RankListService;
import org.residencymatch.audit.AuditEntry;
import org.residencymatch.cap.ClinicalAssessmentService;
import org.residencymatch.eligibility.ApplicantFacts;
import org.residencymatch.eligibility.LocalizedText;
import org.residencymatch.help.HelpCase;
import org.residencymatch.lists.ListRepository;
import org.residencymatch.program.ProgramStream;
import org.residencymatch.reconciliation.ReconciliationCase;

/**
 * Everything about one applicant in a cycle, for the operator's applicant page: read from the
 * features' services, nothing computed here but the receipt codes shown next to submitted lists.
 *
 * @param profile null when the applicant has no profile in the cycle
 * @param streams the cycle's streams by id, to name those the applicant applied to or ranked
 * @param signers the names of the accounts that saved a list or appear in the audit trail, by their audit name ("user:32")
 * @param documents the documents the applicant sent in the cycle, withdrawn ones included (kept for the audit), in the order they came
 * @param medicalSchool the Canadian faculty the applicant declares as their medical school, or null
 */
public record ApplicantFileView(String cycle, Identity identity, Optional<Long> account, ApplicantFacts profile,
        List<VerifiedFacts.Fact> verified,
        List<ListRepository.Membership> memberships, List<Round> rounds, List<ReconciliationCase> cases, List<HelpCase> help,
        Optional<ClinicalAssessmentService.Invitation> capInvitation, boolean bcCapRegistered, List<AuditEntry> audit,
        Map<String, String> names, Map<String, ProgramStream> streams, Map<String, String> signers, List<Document> documents,
        LocalizedText medicalSchool) {

    /** The newest entries of the audit trail shown on the page. */
    static final int AUDIT_SHOWN = 100;

    /** One iteration of the applicant's match: applications, lists, couples and result. */
    public record Round(int iteration, List<Application> applications, List<Version> rankList, List<CoupleLists> couples,
            Optional<Optional<String>> result) {
    }

    /** A saved version of a list; {@code receipt} for a submitted one. */
    public record Version(RankList list, String receipt) {
    }

    /** A couple the applicant is or was in, with its list's versions. */
    public record CoupleLists(Couple couple, String partner, List<Version> rankList) {
    }

    static ApplicantFileView of(Services services, org.residencymatch.account.Accounts accounts, String cycle, String applicantId) {
        Identity identity = services.profiles().identity(applicantId).orElseThrow(() -> new NotFoundException("applicant", applicantId));
        Set<String> targets = new LinkedHashSet<>(List.of("applicant:" + applicantId));
        Set<String> others = new LinkedHashSet<>();
        List<Round> rounds = new ArrayList<>();
        for (int iteration = 1; iteration <= 2; iteration++) {
            List<Application> applications = services.applications().applicationsOf(cycle, iteration, applicantId);
            List<Version> own = versions(services, cycle, iteration, RankListService.APPLICANT, applicantId);
            List<CoupleLists> couples = new ArrayList<>();
            for (Couple couple : services.couples().couplesOf(cycle, iteration, applicantId)) {
                String partner = couple.first().equals(applicantId) ? couple.second() : couple.first();
                others.add(partner);
                targets.add("couple:" + couple.id());
                couples.add(new CoupleLists(couple, partner,
                        versions(services, cycle, iteration, RankListService.COUPLE, String.valueOf(couple.id()))));
            }
            rounds.add(new Round(iteration, applications, own, couples, services.matchRuns().resultOf(cycle, iteration, applicantId)));
        }
        List<ReconciliationCase> cases = services.reconciliation().casesOf(cycle, applicantId);
        cases.forEach(c -> targets.add("case:" + c.id()));
        List<HelpCase> help = services.help().casesOf(cycle, applicantId);
        help.forEach(c -> targets.add("help-case:" + c.id()));
        Optional<Long> account = services.directory().accountOf(applicantId);
        List<AuditEntry> audit = services.auditTrail().about(targets, account.map(id -> List.of("user:" + id)).orElse(List.of()),
                AUDIT_SHOWN);
        Map<String, ProgramStream> streams = new HashMap<>();
        services.quotas().streams(cycle).forEach(s -> streams.put(s.streamId(), s));
        List<String> signed = new ArrayList<>();
        audit.forEach(e -> signed.add(e.actor()));
        for (Round round : rounds) {
            round.rankList().forEach(v -> signed.add(v.list().savedBy()));
            round.couples().forEach(c -> c.rankList().forEach(v -> signed.add(v.list().savedBy())));
        }
        return new ApplicantFileView(cycle, identity, account, services.profiles().profile(cycle, applicantId).orElse(null),
                services.profiles().verifiedFacts(cycle, applicantId), services.profiles().memberships(cycle, applicantId), rounds, cases,
                help,
                services.clinicalAssessment().invitation(cycle, applicantId),
                services.clinicalAssessment().isRegisteredForBcCap(cycle, applicantId),
                audit, services.directory().names(others), streams, accounts.displayNames(signed),
                services.documents().list(cycle, applicantId, true),
                services.profiles().medicalSchool(cycle, applicantId).map(f -> services.facultyVerification().name(f)).orElse(null));
    }

    private static List<Version> versions(Services services, String cycle, int iteration, String kind, String owner) {
        List<Version> versions = new ArrayList<>();
        for (RankList head : services.rankLists().versions(cycle, iteration, kind, owner)) {
            if (!head.submitted()) {
                versions.add(new Version(head, null));
                continue;
            }
            RankList whole = services.rankLists().version(cycle, iteration, kind, owner, head.version()).orElseThrow();
            versions.add(new Version(whole, RankListReceipt.shown(RankListReceipt.code(cycle, iteration, whole))));
        }
        return versions;
    }

    /** Who did something, by the account's name where the audit name is an account's ("user:32"), else as recorded. */
    public String who(String auditName) {
        return signers.getOrDefault(auditName, auditName);
    }

    /** A stream as the page names it: its id, discipline and faculty, in the reader's language. */
    public String stream(String streamId, String language) {
        if (streamId == null) return "";
        ProgramStream s = streams.get(streamId);
        return s == null
                ? streamId
                : streamId + " · " + s.disciplineName(language) + " · " + ("fr".equals(language) ? s.facultyNameFr() : s.facultyName());
    }
}
