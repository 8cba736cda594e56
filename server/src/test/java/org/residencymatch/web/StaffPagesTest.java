package org.residencymatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.residencymatch.demo.DemoData;
import org.residencymatch.program.ProgramStream;
import org.residencymatch.program.StreamType;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.MutableClock;

/** Program staff rank the applicants of their own streams, and only of their own streams. */
@DatabaseTest
class StaffPagesTest {

    static final MutableClock clock = new MutableClock(LocalDateTime.of(2024, 10, 15, 12, 0));
    @RegisterExtension
    static final TestServer web = TestServer.demo(clock);
    static String ubcCmgStream, lavalStream;

    @BeforeAll
    static void start() {
        var streams = web.services().database().jdbi().withHandle(h -> web.services().programs().streams(h, DemoData.CYCLE));
        ubcCmgStream = streams.stream().filter(s -> s.facultyId().equals("UBC") && s.type() == StreamType.CMG).findFirst()
                .map(ProgramStream::streamId).orElseThrow();
        lavalStream = streams.stream().filter(s -> s.facultyId().equals("LAVAL")).findFirst().map(ProgramStream::streamId).orElseThrow();
        web.services().applications().apply(DemoData.CYCLE, 1, "A-1001", ubcCmgStream, "test");
        web.services().applications().apply(DemoData.CYCLE, 1, "A-1002", ubcCmgStream, "test");
        clock.set(LocalDateTime.of(2025, 1, 20, 12, 0));
    }

    @Test
    void staffRankTheirStreamsApplicantsAndCannotSeeAnotherFacultysStream() throws Exception {
        BrowserlessSession staff = new BrowserlessSession(web.port());
        staff.signIn("staff@ubc.example", DemoData.PASSWORD);
        String page = staff.get("/staff/streams/" + ubcCmgStream).body();
        assertThat(page).contains("Tremblay, Émilie").contains("O'Connor, Liam").contains("Rank order lists are open until");

        String moved = staff.post("/staff/streams/" + ubcCmgStream + "/rank-list", Map.of("action", "add:A-1002")).headers()
                .firstValue("Location").orElseThrow();
        staff.get(moved);
        staff.post("/staff/streams/" + ubcCmgStream + "/rank-list", Map.of("item", "A-1002", "action", "add:A-1001"));
        staff.get("/staff/streams/" + ubcCmgStream + "?item=A-1002&item=A-1001");
        assertThat(staff.post("/staff/streams/" + ubcCmgStream + "/rank-list", Map.of("item", "A-1002", "action", "submit")).statusCode())
                .isEqualTo(302);

        var inForce = web.services().rankLists().lists(DemoData.CYCLE, 1, "STREAM", ubcCmgStream).inForce().orElseThrow();
        assertThat(inForce.entries()).extracting(e -> e.item()).containsExactly("A-1002");
        assertThat(staff.get("/staff/streams/" + ubcCmgStream).body()).contains("Your list is submitted (version 1");
        assertThat(staff.get("/staff/streams/" + lavalStream).statusCode()).isEqualTo(404);
    }

    @Test
    void theStreamListCountsApplicantsSaysWhereEachListStandsAndFiltersWhatNeedsAction() throws Exception {
        BrowserlessSession staff = new BrowserlessSession(web.port());
        staff.signIn("staff@ubc.example", DemoData.PASSWORD);
        // A stream of theirs nobody applied to: no action needed.
        String list = staff.get("/staff/streams").body();
        java.util.regex.Matcher row = java.util.regex.Pattern
                .compile("<tr data-stream=\"" + ubcCmgStream + "\" data-status=\"([A-Z_]+)\">(.*?)</tr>",
                        java.util.regex.Pattern.DOTALL)
                .matcher(list);
        assertThat(row.find()).isTrue();
        var listState = web.services().rankLists().lists(DemoData.CYCLE, 1, "STREAM", ubcCmgStream);
        String expected = listState.inForce().isEmpty()
                ? "NOT_RANKED"
                : listState.unsubmittedChanges() ? "CHANGES_NOT_SUBMITTED" : "SUBMITTED";
        assertThat(row.group(1)).isEqualTo(expected);
        assertThat(row.group(2)).contains("<td>2</td>");
        assertThat(list).contains("data-status=\"NO_APPLICANTS\"").contains("id=\"needs-action-link\"");

        String onlyAction = staff.get("/staff/streams?show=action").body();
        assertThat(onlyAction).doesNotContain("data-status=\"NO_APPLICANTS\"").contains("aria-current=\"page\">Needing action (");
        if (expected.equals("SUBMITTED")) assertThat(onlyAction).doesNotContain("data-stream=\"" + ubcCmgStream + "\"");
        else
            assertThat(onlyAction).contains("data-stream=\"" + ubcCmgStream + "\"").contains("(needs action)");

        String french = staff.get("/staff/streams?lang=fr").body();
        assertThat(french).contains("<th scope=\"col\">Candidats</th>").contains("Aucun candidat à classer").contains("À traiter (");
        staff.get("/staff/streams?lang=en");
    }

    @Test
    void outsideItsWindowTheEditorIsReadOnlyAndSaysUntilWhenWithNamesBesideIds() throws Exception {
        BrowserlessSession staff = new BrowserlessSession(web.port());
        staff.signIn("staff@ubc.example", DemoData.PASSWORD);
        String open = staff.get("/staff/streams/" + ubcCmgStream).body();
        assertThat(open).contains("aria-label=\"Add applicant Tremblay, Émilie (A-1001) to the end of the list\"")
                .doesNotContain("id=\"read-only\"");
        LocalDateTime now = LocalDateTime.now(clock);
        try {
            clock.set(LocalDateTime.of(2025, 3, 20, 12, 0));
            staff = new BrowserlessSession(web.port());
            staff.signIn("staff@ubc.example", DemoData.PASSWORD);
            String after = staff.get("/staff/streams/" + ubcCmgStream).body();
            assertThat(after).as("no form that the phase would refuse")
                    .doesNotContain("action=\"/staff/streams/" + ubcCmgStream + "/rank-list\"")
                    .doesNotContain("name=\"action\"")
                    .contains("id=\"read-only\">Rank order lists closed at the deadline, ").contains("Tremblay, Émilie");
            String french = staff.get("/staff/streams/" + ubcCmgStream + "?lang=fr").body();
            assertThat(french).contains("Les listes de classement ont fermé à la date limite");
            staff.get("/staff/streams?lang=en");
            clock.set(LocalDateTime.of(2024, 12, 1, 12, 0));
            staff = new BrowserlessSession(web.port());
            staff.signIn("staff@ubc.example", DemoData.PASSWORD);
            assertThat(staff.get("/staff/streams/" + ubcCmgStream).body()).doesNotContain("name=\"action\"")
                    .contains("id=\"read-only\">This list can be changed from ");
        } finally {
            clock.set(now);
        }
    }
}
