package org.residencymatch.program;

import java.util.List;
import java.util.stream.Collectors;
import org.residencymatch.tabular.RowProblem;

/** A catalogue file that was refused as a whole; nothing of it was imported. */
public final class CatalogueImportException extends Exception {
    private final List<RowProblem> problems;

    public CatalogueImportException(List<RowProblem> problems) {
        super(problems.size() + " problem(s), nothing imported:\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RowProblem> problems() {
        return problems;
    }
}
