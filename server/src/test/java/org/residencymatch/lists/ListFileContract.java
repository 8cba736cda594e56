package org.residencymatch.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.residencymatch.eligibility.ListKind;

/**
 * What the list fuzz tests hold {@link ListFileReader} to, whatever the bytes: a list is read, and then
 * keeps the reader's promises, or refused with {@link ListFileException} and at least one problem. Any
 * other exception escapes to the fuzzer as a finding.
 */
final class ListFileContract {

    private ListFileContract() {
    }

    /** Reads the file as every list kind would be, as an upload of that kind does. */
    static void readAsEveryKind(String fileName, byte[] content) {
        for (ListKind kind : ListKind.values()) {
            try {
                checkRead(kind, ListFileReader.read(kind, fileName, content));
            } catch (ListFileException refused) {
                assertThat(refused.problems()).isNotEmpty().allSatisfy(problem -> {
                    assertThat(problem.code()).isNotBlank();
                    assertThat(problem.row()).isNotNegative();
                });
            }
        }
    }

    private static void checkRead(ListKind kind, ListFileReader.Result result) {
        assertThat(result.rows()).isNotEmpty();
        assertThat(result.encoding()).isNotBlank();
        Set<Integer> rowNumbers = new HashSet<>();
        for (ListRow row : result.rows()) {
            // The header is row 1: a data row is below it, and no two rows share a number.
            assertThat(row.row()).isGreaterThan(1);
            assertThat(rowNumbers.add(row.row())).as("row %d once", row.row()).isTrue();
            assertThat(row.familyName()).isNotBlank().hasSizeLessThanOrEqualTo(200);
            assertThat(row.givenNames()).isNotBlank().hasSizeLessThanOrEqualTo(200);
            assertThat(row.dateOfBirth()).isNotNull();
            List<String> texts = new ArrayList<>(List.of(row.familyName(), row.givenNames()));
            if (row.applicantId() != null) assertThat(row.applicantId()).matches("[A-Za-z0-9_-]{1,40}");
            if (row.minc() != null) assertThat(row.minc()).matches("CAMD-[0-9]{4}-[0-9]{4}");
            if (row.mccCandidateCode() != null) {
                assertThat(row.mccCandidateCode()).matches(row.mccPartial() ? "[0-9]{9}" : "[0-9]{10}");
            }
            if (row.mmiScore() != null) {
                assertThat(kind).isEqualTo(ListKind.AIMG);
                assertThat(row.mmiScore()).isGreaterThanOrEqualTo(BigDecimal.ZERO).isLessThan(new BigDecimal("1000"));
            }
            assertThat(row.contingent() != null).isEqualTo(kind == ListKind.QIMG);
            if (row.assessmentOutcome() != null) {
                assertThat(kind).isEqualTo(ListKind.BCIMG);
                assertThat(row.assessmentOutcome()).hasSizeLessThanOrEqualTo(100);
                texts.add(row.assessmentOutcome());
            }
            // Every text as the one text policy keeps it: nothing refused, already without zero-width characters and in NFC.
            assertThat(texts).allMatch(t -> new org.residencymatch.text.TextPolicy.Accepted(t).equals(
                    org.residencymatch.text.TextPolicy.decide(org.residencymatch.text.TextPolicy.Field.MULTILINE, t)));
        }
    }
}
