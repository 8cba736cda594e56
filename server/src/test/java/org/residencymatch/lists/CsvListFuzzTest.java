package org.residencymatch.lists;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of a partner list upload named {@code .csv} (docs/FUZZING.md): any bytes,
 * through {@code TableReader} (the content decides the format), {@code TextDecoder} and the CSV reader
 * into {@link ListFileReader}, for every list kind, under {@link ListFileContract}. Never a hang (the
 * timeout) nor unbounded memory (the fuzz JVM's small heap).
 *
 * <p>A plain {@code mvn verify} replays the corpus in
 * {@code src/test/resources/org/residencymatch/lists/CsvListFuzzTestInputs/csv/}; {@code JAZZER_FUZZ=1}
 * mutates it, guided by coverage.
 */
class CsvListFuzzTest {

    @FuzzTest(maxDuration = "60s")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    @DictionaryEntries({"\uFEFF", "\"", "\"\"", ";", ",", "Family name", "Given names", "Date of birth",
            "Applicant ID", "MINC", "MCC candidate code", "MMI score", "Contingent", "Assessment outcome",
            "Nom de famille", "Prénom(s)", "Date de naissance", "Régulier", "Particulier", "CAMD-",
            "1990-04-03", "03/04/1990", "3 avril 1990", "PK\u0003\u0004"})
    void csv(byte[] content) {
        ListFileContract.readAsEveryKind("list.csv", content);
    }
}
