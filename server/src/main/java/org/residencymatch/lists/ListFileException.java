package org.residencymatch.lists;

import java.util.List;

/** An upload refused as a whole; nothing was stored. */
public final class ListFileException extends Exception {
    private final List<ListProblem> problems;

    public ListFileException(List<ListProblem> problems) {
        super(problems.size() + " problem(s) in the list: " + problems.get(0).code());
        this.problems = List.copyOf(problems);
    }

    public ListFileException(ListProblem problem) {
        this(List.of(problem));
    }

    public List<ListProblem> problems() {
        return problems;
    }
}
