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
        for (String body : new String[]{"{}", "{\"body\": \"  \"}", "{\"body\": null}", "{\"body\": 5}", "{\"body\": true}",
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
        for (String body : new String[]{"", "null", "[]", "\"body\"", "{\"body\": ", "not json"}) {
            assertThat(refusal(body)).as(body).isNotNull();
            assertThat(refusal(body).getMessage()).as(body).isEqualTo("the body must be a JSON object");
        }
    }

    @Test
    void aFieldMaySayWhatItsWrongTypeMeans() {
        for (String body : new String[]{"{\"quota\": 2.5}", "{\"quota\": \"3\"}", "{\"quota\": true}", "{\"quota\": 3000000000}",
                "{\"quota\": null}", "{}"}) {
            ApiException refusal = catchThrowableOfType(() -> ApiRequests.read(body, ProgramQuotaJson.QuotaRequest.class),
                    ApiException.class);
            assertThat(refusal).as(body).isNotNull();
            assertThat(refusal.field()).as(body).isEqualTo("quota");
            assertThat(refusal.getMessage()).as(body).isEqualTo("quota must be a whole number from 0 to 999");
        }
        assertThat(ApiRequests.read("{\"quota\": 12}", ProgramQuotaJson.QuotaRequest.class).quota()).isEqualTo(12);
    }

    @Test
    void aHelpRequestNamesItsFirstFieldAtFault() {
        assertThat(ApiRequests.read("{\"streamId\": \" 1234 \"}", HelpApiJson.HelpRequest.class))
                .isEqualTo(new HelpApiJson.HelpRequest("1234", 1, null));
        assertThat(catchThrowableOfType(() -> ApiRequests.read("{\"streamId\": \"1\", \"iteration\": 3}", HelpApiJson.HelpRequest.class),
                ApiException.class).getMessage()).isEqualTo("iteration must be 1 or 2");
        assertThat(
                catchThrowableOfType(() -> ApiRequests.read("{\"streamId\": \"1\", \"iteration\": \"2\"}", HelpApiJson.HelpRequest.class),
                        ApiException.class).getMessage())
                .isEqualTo("iteration must be 1 or 2");
        assertThat(catchThrowableOfType(() -> ApiRequests.read("{\"streamId\": \"1\", \"message\": 4}", HelpApiJson.HelpRequest.class),
                ApiException.class).getMessage()).isEqualTo("message must be a string");
        assertThat(catchThrowableOfType(() -> ApiRequests.read("{\"message\": \"hi\"}", HelpApiJson.HelpRequest.class),
                ApiException.class).getMessage()).isEqualTo("streamId is required");
    }

    @Test
    void aTimeZoneThatIsNotATextIsRefusedAsAnyUnknownZoneIs() {
        ApiException refusal = catchThrowableOfType(() -> ApiRequests.read("{\"timeZone\": 5}", CalendarJson.TimeZoneRequest.class),
                ApiException.class);
        assertThat(refusal.getMessage()).isEqualTo(CalendarJson.TIME_ZONE_EXPECTED);
        assertThat(ApiRequests.read("{}", CalendarJson.TimeZoneRequest.class).timeZone()).isNull();
    }
}
