package org.residencymatch.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** A request body becomes its record, or a 400 that names the field and says why, as the field-by-field parsing did. */
class ApiRequestsTest {

    private static ApiException refusal(String body) {
        return catchThrowableOfType(() -> ApiRequests.read(body, ApiJson.CaseComment.class), ApiException.class);
    }

    @Test
    void aValidBodyIsReadStrippedAndFieldsItDoesNotDeclareAreIgnored() {
        assertThat(ApiRequests.read(" {\"body\": \"  Looked at it. \", \"extra\": 1}", ApiJson.CaseComment.class).body())
                .isEqualTo("Looked at it.");
    }

    @Test
    void aMissingBlankOrMistypedFieldIsRefusedByName() {
        for (String body : new String[] {"{}", "{\"body\": \"  \"}", "{\"body\": null}", "{\"body\": 5}", "{\"body\": true}",
                "{\"body\": {\"x\": 1}}", "{\"body\": [\"a\"]}"}) {
            ApiException refusal = refusal(body);
            assertThat(refusal).as(body).isNotNull();
            assertThat(refusal.getMessage()).as(body).isEqualTo("body is required");
            assertThat(refusal.status()).isEqualTo(400);
            assertThat(refusal.field()).isEqualTo("body");
        }
    }

    @Test
    void aTextOverTheLimitIsRefusedSayingSo() {
        assertThat(refusal("{\"body\": \"" + "x".repeat(ApiRequests.MAX_TEXT + 1) + "\"}").getMessage())
                .isEqualTo("body is longer than 2000 characters");
        assertThat(ApiRequests.read("{\"body\": \"" + "x".repeat(ApiRequests.MAX_TEXT) + "\"}", ApiJson.CaseComment.class).body())
                .hasSize(ApiRequests.MAX_TEXT);
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsRefused() {
        for (String body : new String[] {"", "null", "[]", "\"body\"", "{\"body\": ", "not json"}) {
            assertThat(refusal(body)).as(body).isNotNull();
            assertThat(refusal(body).getMessage()).as(body).isEqualTo("the body must be a JSON object");
        }
    }
}
