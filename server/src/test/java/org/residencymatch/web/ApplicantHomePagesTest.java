package org.residencymatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.residencymatch.demo.DemoData;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.MutableClock;

/** The applicant's to-do list follows the phase and the applicant's real state (issue #16, point 7). */
@DatabaseTest
class ApplicantHomePagesTest {

    static final MutableClock clock = new MutableClock(LocalDateTime.of(2025, 1, 20, 12, 0));
    @RegisterExtension
    static final TestServer web = TestServer.demo(clock);

    @Test
    void fatimaInJanuaryWithNoApplicationIsNotToldToRankAndHerLockedProfileIsNoToDo() throws Exception {
        BrowserlessSession fatima = new BrowserlessSession(web.port());
        fatima.signIn("fatima.benali@applicant.example", DemoData.PASSWORD);
        assertThat(web.services().applications().applicationsOf(DemoData.CYCLE, 1, "A-2005")).as("the scene: no application").isEmpty();
        String home = fatima.get("/applicant").body().replaceAll("\\s+", " ");
        assertThat(home).doesNotContain("Rank the programs you applied to")
                .contains("You applied to no program stream in this iteration.")
                .contains(
                        "<span class=\"state\">Done:</span> <a href=\"/applicant/profile\">Your profile is filled in; it can no longer be changed in this phase.</a>");
        assertThat(home).as("nothing on the profile is asked").doesNotContain("To do now:</span> <a href=\"/applicant/profile\"");

        String french = checklist(fatima.get("/applicant?lang=fr").body());
        assertThat(french).doesNotContain("href=\"/applicant/rank-list\"")
                .contains("Vous n’avez postulé à aucun volet de programme dans ce tour.");
        assertThat(checklist(home)).doesNotContain("href=\"/applicant/rank-list\"");
    }

    /** The to-do list alone (the navigation links to every page). */
    static String checklist(String page) {
        int start = page.indexOf("<ul class=\"checklist\"");
        assertThat(start).isNotNegative();
        return page.substring(start, page.indexOf("</ul>", start));
    }
}
