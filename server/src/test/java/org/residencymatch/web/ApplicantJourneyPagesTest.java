package org.residencymatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.residencymatch.demo.DemoData;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.MutableClock;

/** An applicant applies from the catalogue and builds a rank order list, without JavaScript. */
@DatabaseTest
class ApplicantJourneyPagesTest {

    static final String MCMASTER_IMG = "27039", OTTAWA_IMG = "26697";
    static final MutableClock clock = new MutableClock(LocalDateTime.of(2024, 10, 15, 12, 0));
    @RegisterExtension
    static final TestServer web = TestServer.demo(clock);

    @Test
    void applyThenRankThenSubmitWithDraftAndSubmittedShownPlainly() throws Exception {
        BrowserlessSession amira = new BrowserlessSession(web.port());
        amira.signIn("amira.haddad@applicant.example", DemoData.PASSWORD);
        String catalogue = amira.get("/applicant/catalogue?province=ON&streamType=IMG&discipline=13").body();
        assertThat(catalogue).contains("Program selection is open until").contains("aria-label=\"Apply to Anesthesiology");
        for (String stream : new String[]{MCMASTER_IMG, OTTAWA_IMG}) {
            amira.get("/applicant/catalogue?province=ON");
            HttpResponse<String> applied = amira.post("/applicant/applications",
                    Map.of("streamId", stream, "next", "/applicant/catalogue?province=ON"));
            assertThat(applied.statusCode()).isEqualTo(302);
        }
        assertThat(amira.get("/applicant/applications").body()).contains("#" + MCMASTER_IMG).contains("#" + OTTAWA_IMG)
                .contains("Withdraw");
        amira.get("/applicant/catalogue");
        HttpResponse<String> refused = amira.post("/applicant/applications", Map.of("streamId", "27447", "next", "/applicant/catalogue"));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).as("the reason, in the reader's language").contains("reserved for Canadian medical graduates");

        clock.set(LocalDateTime.of(2025, 1, 20, 12, 0));
        assertThat(amira.get("/applicant/rank-list").statusCode()).as("months later the idle session has expired").isEqualTo(302);
        amira.signIn("amira.haddad@applicant.example", DemoData.PASSWORD);
        String editor = amira.get("/applicant/rank-list").body();
        assertThat(editor).contains("You have not submitted a rank order list");
        amira.post("/applicant/rank-list", Map.of("action", "add:" + MCMASTER_IMG));
        amira.get("/applicant/rank-list?item=" + MCMASTER_IMG);
        HttpResponse<String> added = amira.post("/applicant/rank-list", Map.of("item", MCMASTER_IMG, "action", "add:" + OTTAWA_IMG));
        String order = added.headers().firstValue("Location").orElseThrow();
        assertThat(order).contains("item=" + MCMASTER_IMG + "&item=" + OTTAWA_IMG);
        amira.get(order);
        assertThat(amira.post("/applicant/rank-list", Map.of("item", MCMASTER_IMG, "action", "submit")).statusCode()).isEqualTo(302);
        assertThat(amira.get("/applicant/rank-list").body()).contains("Your list is submitted (version 1");
        amira.post("/applicant/rank-list", Map.of("item", OTTAWA_IMG, "action", "save"));

        String draft = amira.get("/applicant/rank-list").body();
        assertThat(draft).contains("You have changes that are NOT submitted. The list in force is version 1");
        var inForce = web.services().rankLists().lists(DemoData.CYCLE, 1, "APPLICANT", "A-2001").inForce().orElseThrow();
        assertThat(inForce.entries()).extracting(e -> e.item()).containsExactly(MCMASTER_IMG);
    }
}
