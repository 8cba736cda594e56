package org.residencymatch.matching;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.residencymatch.engine.InstanceProblem;
import org.residencymatch.engine.InvalidInstanceException;
import org.residencymatch.engine.MatchInstance;

/**
 * Coverage-guided fuzzing of the match instance reader (docs/FUZZING.md). The contract: bytes are read
 * into an instance or refused with {@link InvalidInstanceException} and its problems; never another
 * exception (not even an {@link IOException}: the bytes are all there), never a hang, never unbounded
 * memory. Beyond that, the streaming reader must say exactly what the tree reading it replaced says
 * ({@link TreeModelInstanceReader}, as in {@code MatchFormatTest}), and an instance read must write and
 * read back the same.
 *
 * <p>Under a plain {@code mvn verify} this replays its corpus in
 * {@code src/test/resources/org/residencymatch/matching/MatchInstanceFuzzTestInputs/instance/}.
 */
class MatchInstanceFuzzTest {

    @FuzzTest(maxDuration = "60s")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    @DictionaryEntries({"\"format\"", "\"residency-match/instance@1\"", "\"programs\"", "\"applicants\"", "\"couples\"",
            "\"id\"", "\"quota\"", "\"rol\"", "\"first\"", "\"second\"", "null", "true", "[null, \"P1\"]", "2147483648",
            "-1", "1e3", "\"\\u0000\"", "\uFEFF"})
    void instance(byte[] file) throws IOException {
        Outcome streamed = outcome(file, true);
        try {
            assertThat(streamed).isEqualTo(outcome(file, false));
        } catch (CharConversionException notText) {
            // The tree reading, kept as it was, lets out Jackson's error for bytes that are not text in
            // the encoding it detects; the streaming reader refuses them as not well-formed JSON.
            assertThat(streamed.problems()).singleElement().satisfies(problem -> assertThat(problem.field()).isEqualTo("(json)"));
            return;
        }
        if (streamed.written() != null) {
            // What is read is what is written: reading the written file gives the same file again.
            byte[] written = streamed.written().getBytes(StandardCharsets.UTF_8);
            assertThat(outcome(written, true).written()).isEqualTo(streamed.written());
        } else {
            assertThat(streamed.problems()).isNotEmpty().allSatisfy(problem -> {
                assertThat(problem.kind()).isNotBlank();
                assertThat(problem.field()).isNotBlank();
                assertThat(problem.why()).isNotBlank();
            });
        }
    }

    /** An instance as written back, or the problems it was refused with; any other exception escapes. */
    private record Outcome(String written, List<InstanceProblem> problems) {
    }

    private static Outcome outcome(byte[] file, boolean streaming) throws IOException {
        try {
            MatchInstance instance = streaming
                    ? MatchFormat.readInstance(new ByteArrayInputStream(file))
                    : TreeModelInstanceReader.readInstance(new ByteArrayInputStream(file));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MatchFormat.writeInstance(instance, out);
            return new Outcome(out.toString(StandardCharsets.UTF_8), null);
        } catch (InvalidInstanceException refused) {
            return new Outcome(null, refused.problems());
        }
    }
}
