package org.residencymatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.residencymatch.Services;
import org.residencymatch.demo.DemoData;
import org.residencymatch.store.Database;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.TestDatabase;

/** Two service instances on one database, as behind a load balancer: a session begun on one works on the other. */
@DatabaseTest
class TwoInstancesTest {

    static Services first, second;
    static WebServer one, two;

    @BeforeAll
    static void start() {
        List<Database> shared = TestDatabase.freshShared(2);
        first = Services.start(shared.get(0));
        second = Services.start(shared.get(1));
        new DemoData(first).seedIfEmpty();
        one = new WebServer(first, new WebConfig(null, false)).start(0);
        two = new WebServer(second, new WebConfig(null, false)).start(0);
    }

    @AfterAll
    static void stop() {
        one.close();
        two.close();
        first.close();
        second.close();
    }

    @Test
    void aSessionStartedOnOneInstanceIsHonouredBySignOutOnTheOther() throws Exception {
        BrowserlessSession onOne = new BrowserlessSession(one.port());
        assertThat(onOne.signIn(DemoData.OPERATOR_EMAIL, DemoData.PASSWORD).statusCode()).isEqualTo(302);
        onOne.get("/operator/cases");

        BrowserlessSession onTwo = onOne.sameCookiesOn(two.port());
        HttpResponse<String> page = onTwo.get("/operator/cases");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("QUEBEC_REGULIER_NOT_ON_LIST");

        // A form from instance one, posted to instance two: the CSRF token is the session's, in the database.
        assertThat(onTwo.post("/logout", Map.of()).statusCode()).isEqualTo(302);
        assertThat(onOne.get("/operator/cases").statusCode()).as("signed out everywhere").isEqualTo(302);
    }
}
