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
        ubcCmgStream = streams.stream().filter(s -> s.facultyId().equals("UBC") && s.type() == StreamType.CMG).findFirst().map(ProgramStream::streamId).orElseThrow();
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

        String moved = staff.post("/staff/streams/" + ubcCmgStream + "/rank-list", Map.of("action", "add:A-1002")).headers().firstValue("Location").orElseThrow();
        staff.get(moved);
        staff.post("/staff/streams/" + ubcCmgStream + "/rank-list", Map.of("item", "A-1002", "action", "add:A-1001"));
        staff.get("/staff/streams/" + ubcCmgStream + "?item=A-1002&item=A-1001");
        assertThat(staff.post("/staff/streams/" + ubcCmgStream + "/rank-list", Map.of("item", "A-1002", "action", "submit")).statusCode()).isEqualTo(302);

        var inForce = web.services().rankLists().lists(DemoData.CYCLE, 1, "STREAM", ubcCmgStream).inForce().orElseThrow();
        assertThat(inForce.entries()).extracting(e -> e.item()).containsExactly("A-1002");
        assertThat(staff.get("/staff/streams/" + ubcCmgStream).body()).contains("Your list is submitted (version 1");
        assertThat(staff.get("/staff/streams/" + lavalStream).statusCode()).isEqualTo(404);
    }
}
