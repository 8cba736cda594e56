package org.residencymatch.eligibility;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/**
 * Loads the rules files shipped on the classpath under {@code eligibility/<cycle>/iteration-<n>.json}.
 */
public final class EligibilityRulesLoader {

    private static final Pattern CYCLE_ID = Pattern.compile("[0-9]{4}-R[0-9]");

    private EligibilityRulesLoader() {
    }

    /** The classpath resource name of a cycle's rules for an iteration. */
    public static String resourceName(String cycleId, int iteration) {
        if (!CYCLE_ID.matcher(cycleId).matches()) {
            throw new IllegalArgumentException("a cycle id looks like 2025-R1, not '" + cycleId + "'");
        }
        if (iteration != 1 && iteration != 2) {
            throw new IllegalArgumentException("iteration must be 1 or 2, not " + iteration);
        }
        return "eligibility/" + cycleId + "/iteration-" + iteration + ".json";
    }

    /**
     * Loads and validates a cycle's rules for an iteration, and checks that the file says it is that
     * cycle and iteration.
     *
     * @throws IllegalArgumentException if there is no such file
     * @throws RulesFileException if the file is invalid or is for another cycle or iteration
     */
    public static EligibilityRules fromClasspath(String cycleId, int iteration) {
        String resource = resourceName(cycleId, iteration);
        ClassLoader loader = EligibilityRulesLoader.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no eligibility rules on the classpath at " + resource);
            }
            EligibilityRules rules = RulesFileParser.parse(in);
            if (!rules.cycleId().equals(cycleId) || rules.iteration() != iteration) {
                throw new RulesFileException(resource + " declares " + rules.id() + ", not " + cycleId
                        + " iteration " + iteration, null, "cycle");
            }
            return rules;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + resource, e);
        }
    }
}
