package org.residencymatch.lists;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of a partner list upload named {@code .xlsx}, as raw bytes (docs/FUZZING.md):
 * the corpus holds real workbooks, so the fuzzer mutates zip archives, which {@code XlsxGuard} and the
 * Excel reader must refuse cleanly. {@link XlsxPartsListFuzzTest} fuzzes the XML inside instead.
 *
 * <p>A plain {@code mvn verify} replays the corpus in
 * {@code src/test/resources/org/residencymatch/lists/XlsxListFuzzTestInputs/xlsx/}.
 */
class XlsxListFuzzTest {

    @FuzzTest(maxDuration = "60s")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void xlsx(byte[] content) {
        ListFileContract.readAsEveryKind("list.xlsx", content);
    }
}
