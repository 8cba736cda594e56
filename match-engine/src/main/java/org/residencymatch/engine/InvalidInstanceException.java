package org.residencymatch.engine;

import java.util.List;

/**
 * Thrown when a match instance breaks the rules of the format: the instance is refused as a whole.
 * Carries every problem found, not only the first, so that a user can fix a file in one pass.
 */
public final class InvalidInstanceException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<InstanceProblem> problems;

    public InvalidInstanceException(List<InstanceProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    /** The problems found, in the order of the items in the instance; never empty. */
    public List<InstanceProblem> problems() {
        return problems;
    }

    private static String describe(List<InstanceProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid instance must have at least one problem");
        }
        StringBuilder message = new StringBuilder("invalid match instance (")
                .append(problems.size()).append(problems.size() == 1 ? " problem)" : " problems)");
        for (InstanceProblem problem : problems) {
            message.append(System.lineSeparator()).append("  ").append(problem);
        }
        return message.toString();
    }
}
