package org.residencymatch.applicant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.residencymatch.Services;
import org.residencymatch.audit.AuditEntry;
import org.residencymatch.demo.DemoData;
import org.residencymatch.demo.TestDemo;
import org.residencymatch.eligibility.ListKind;
import org.residencymatch.lists.ListRepository;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.MutableClock;

/** The applicant directory finds people the same way on H2 and PostgreSQL, and names them for the pages. */
@DatabaseTest
class ApplicantDirectoryTest {

    static Services services;

    @BeforeAll
    static void start() {
        services = TestDemo.start(new MutableClock(LocalDateTime.of(2024, 10, 15, 12, 0)));
    }

    @AfterAll
    static void stop() {
        services.close();
    }

    private static List<String> found(String query) {
        return services.directory().search(DemoData.CYCLE, query, 0, 50).hits().stream().map(ApplicantDirectory.Hit::applicantId).toList();
    }

    @Test
    void anApplicantWrittenWithoutTheFoldedNameIsFoundByTheNextSearch() {
        // As a bulk load or a row older than the column writes it: no name_key.
        services.database().jdbi().useHandle(h -> h.execute(
                "INSERT INTO applicant (id, family_name, given_names, created_at) VALUES ('X-1', 'Ngô', 'ÉLODIE Thérèse', ?)",
                LocalDateTime.of(2024, 10, 1, 9, 0)));

        assertThat(found("elodie ngo")).containsExactly("X-1");
        assertThat(found("Élodie")).containsExactly("X-1");
        assertThat(found("THERESE")).containsExactly("X-1");
        String key = services.database().jdbi().withHandle(h -> h.createQuery("SELECT name_key FROM applicant WHERE id = 'X-1'")
                .mapTo(String.class).one());
        assertThat(key).isEqualTo("elodie therese ngo");
    }

    @Test
    void aCorrectedNameIsFoundUnderTheNewNameOnly() {
        Identity before = new Identity("X-2", "Zbikowski", "François", LocalDate.of(1995, 3, 1), "ft@example.org", "CAMD-9999-0001", null);
        services.database().jdbi().useTransaction(h -> services.applicants().saveIdentity(h, before, LocalDateTime.of(2024, 10, 2, 9, 0)));
        assertThat(found("francois zbikowski")).containsExactly("X-2");

        services.database().jdbi().useTransaction(h -> services.applicants().saveIdentity(h,
                new Identity("X-2", "Quintal-Côté", "Françoise-Aimée", before.dateOfBirth(), before.email(), before.minc(), null),
                LocalDateTime.of(2024, 10, 3, 9, 0)));

        assertThat(found("zbikowski")).isEmpty();
        assertThat(found("francoise aimee cote")).containsExactly("X-2");
        assertThat(found("camd99990001")).containsExactly("X-2");
        assertThat(found("FT@EXAMPLE.ORG")).containsExactly("X-2");
    }

    @Test
    void aSearchOfNothingFindsNobodyAndLimitsAreBounded() {
        assertThat(found("   ")).isEmpty();
        assertThat(found("%")).as("a wildcard is no name").isEmpty();
        assertThat(found("_")).isEmpty();
        assertThatThrownBy(() -> services.directory().search(DemoData.CYCLE, "a", 0, ApplicantDirectory.MAX_LIMIT + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> services.directory().search(DemoData.CYCLE, "a", -1, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesAreGivenForKnownIdsEvenInLongListsAndUnknownIdsAreLeftOut() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) ids.add("NOBODY-" + i);
        ids.add("A-2004");
        ids.add(600, "A-2001");
        var names = services.directory().names(ids);
        assertThat(names).hasSize(2).containsEntry("A-2004", "Lévesque, Jean-François").containsEntry("A-2001", "Haddad, Amira");
    }

    @Test
    void anApplicantsListMembershipsAreEveryCommittedVersionThatNamesThem() {
        // Marie-Claire Dubois is on the QIMG and AIMG lists of the demo.
        List<ListRepository.Membership> memberships = services.profiles().memberships(DemoData.CYCLE, "A-2015");
        assertThat(memberships).extracting(ListRepository.Membership::kind).contains(ListKind.QIMG, ListKind.AIMG)
                .doesNotContain(ListKind.BCIMG);
        assertThat(memberships).allSatisfy(m -> assertThat(m.member().applicantId()).isEqualTo("A-2015"));
        assertThat(memberships).filteredOn(ListRepository.Membership::current).extracting(ListRepository.Membership::kind)
                .containsExactlyInAnyOrder(ListKind.QIMG, ListKind.AIMG);
        assertThat(services.profiles().memberships(DemoData.CYCLE, "A-2001")).as("Amira is on no list").isEmpty();
    }

    @Test
    void theAuditTrailOfAFileHoldsWhatWasDoneToItAndWhatItsOwnerDid() {
        services.database().jdbi().useTransaction(h -> {
            services.auditLog().record(h, "user:1", "applicant.corrected", "applicant:A-2008", null);
            services.auditLog().record(h, "user:424242", "help-case.opened", "help-case:99", null);
            services.auditLog().record(h, "user:1", "applicant.corrected", "applicant:A-2009", null);
        });
        List<AuditEntry> trail = services.auditTrail().about(List.of("applicant:A-2008"), List.of("user:424242"), 50);
        assertThat(trail).extracting(AuditEntry::target).containsExactly("help-case:99", "applicant:A-2008");
        assertThat(services.auditTrail().about(List.of("applicant:A-2008"), List.of(), 50)).extracting(AuditEntry::target)
                .containsOnly("applicant:A-2008");
    }
}
