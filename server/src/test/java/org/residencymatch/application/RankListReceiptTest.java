package org.residencymatch.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankListReceiptTest {

    private static final List<RankList.Entry> TWO = List.of(new RankList.Entry("27039", null), new RankList.Entry("27040", null));

    @Test
    void base32IsTheAlphabetOfRfc4648() {
        // The test vectors of RFC 4648, section 10, without their padding.
        assertThat(RankListReceipt.base32("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MY");
        assertThat(RankListReceipt.base32("fooba".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTB");
        assertThat(RankListReceipt.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
    }

    @Test
    void theCodeIsTheStartOfTheBase32OfTheSha256OfTheCanonicalText() {
        // Expected values computed outside Java (Python's hashlib and base64) from the canonical text the class documents.
        assertThat(RankListReceipt.code("2025-R1", 1, RankListService.APPLICANT, "A-2001", 3, TWO)).isEqualTo("T7YUYYM6YY");
        List<RankList.Entry> pairs = List.of(new RankList.Entry("27039", null), new RankList.Entry(null, "27040"));
        assertThat(RankListReceipt.code("2025-R1", 1, RankListService.COUPLE, "7", 1, pairs)).isEqualTo("O7ELS74O7L");
    }

    @Test
    void anyChangeToWhatWasSubmittedGivesAnotherCode() {
        String code = RankListReceipt.code("2025-R1", 1, RankListService.APPLICANT, "A-2001", 3, TWO);
        List<RankList.Entry> swapped = List.of(TWO.get(1), TWO.get(0));
        assertThat(List.of(
                RankListReceipt.code("2025-R1", 1, RankListService.APPLICANT, "A-2001", 3, swapped),
                RankListReceipt.code("2025-R1", 1, RankListService.APPLICANT, "A-2001", 4, TWO),
                RankListReceipt.code("2025-R1", 2, RankListService.APPLICANT, "A-2001", 3, TWO),
                RankListReceipt.code("2025-R1", 1, RankListService.APPLICANT, "A-2002", 3, TWO),
                RankListReceipt.code("2025-R1", 1, RankListService.STREAM, "A-2001", 3, TWO),
                RankListReceipt.code("2026-R1", 1, RankListService.APPLICANT, "A-2001", 3, TWO),
                RankListReceipt.code("2025-R1", 1, RankListService.APPLICANT, "A-2001", 3, TWO.subList(0, 1))))
                .doesNotContain(code).doesNotHaveDuplicates();
        // The same list computed again gives the same code.
        assertThat(RankListReceipt.code("2025-R1", 1, RankListService.APPLICANT, "A-2001", 3, List.copyOf(TWO))).isEqualTo(code);
    }

    @Test
    void aCouplesPairsCountBySideSoMovingAStreamToThePartnerChangesTheCode() {
        List<RankList.Entry> mine = List.of(new RankList.Entry("27039", null));
        List<RankList.Entry> partners = List.of(new RankList.Entry(null, "27039"));
        assertThat(RankListReceipt.code("2025-R1", 1, RankListService.COUPLE, "7", 1, mine))
                .isNotEqualTo(RankListReceipt.code("2025-R1", 1, RankListService.COUPLE, "7", 1, partners));
    }

    @Test
    void idsThatRunTogetherCannotMakeTwoListsAlike() {
        // Without lengths, ["1\n2"] and ["1", "2"] could serialize alike.
        assertThat(RankListReceipt.code("c", 1, RankListService.STREAM, "s", 1, List.of(new RankList.Entry("1\n1:2", null))))
                .isNotEqualTo(RankListReceipt.code("c", 1, RankListService.STREAM, "s", 1,
                        List.of(new RankList.Entry("1", null), new RankList.Entry("2", null))));
    }

    @Test
    void aTypedCodeIsReadWithoutRegardToCaseDashesOrDigitsMistakenForLetters() {
        assertThat(RankListReceipt.parse("t7yuy-ym6yy")).contains("T7YUYYM6YY");
        assertThat(RankListReceipt.parse(" T7YUY YM6YY ")).contains("T7YUYYM6YY");
        assertThat(RankListReceipt.parse("0I8AA-AAAAA")).contains("OIBAAAAAAA");
        assertThat(RankListReceipt.shown("T7YUYYM6YY")).isEqualTo("T7YUY-YM6YY");
        for (String wrong : Arrays.asList(null, "", "T7YUYYM6Y", "T7YUYYM6YYY", "T7YUYYM6Y!", "T7YUYYM6Y9")) {
            assertThat(RankListReceipt.parse(wrong)).as(String.valueOf(wrong)).isEmpty();
        }
    }
}
