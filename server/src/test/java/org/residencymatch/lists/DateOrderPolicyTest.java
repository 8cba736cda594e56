package org.residencymatch.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class DateOrderPolicyTest {

    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM/dd/yyyy");

    /** Rows 2, 3, … with these date texts. */
    private static List<DateOrderPolicy.DateCell> cells(String... texts) {
        List<DateOrderPolicy.DateCell> cells = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) cells.add(new DateOrderPolicy.DateCell(i + 2, texts[i]));
        return cells;
    }

    private static List<DateOrderPolicy.DateCell> written(List<LocalDate> dates, DateTimeFormatter format) {
        return cells(dates.stream().map(format::format).toArray(String[]::new));
    }

    @Example
    void aDayAbove12ProvesTheOrderForTheWholeFileAndTheFirstSuchRowIsNamed() {
        DateOrderPolicy.Outcome outcome = DateOrderPolicy.decide(cells("03/04/1990", "1990-05-06", "25/04/1990", "13/01/1991"), null,
                "Date of birth");
        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.decision())
                .isEqualTo(new DateOrderPolicy.Decision(DateOrder.DAY_MONTH, DateOrderPolicy.Reason.FILE, 4, "25/04/1990"));
        assertThat(DateReader.parse("03/04/1990", outcome.decision().order()).date()).isEqualTo(LocalDate.of(1990, 4, 3));

        DateOrderPolicy.Outcome american = DateOrderPolicy.decide(cells("03/04/1990", "04/25/1990"), null, "Date of birth");
        assertThat(american.decision())
                .isEqualTo(new DateOrderPolicy.Decision(DateOrder.MONTH_DAY, DateOrderPolicy.Reason.FILE, 3, "04/25/1990"));
    }

    @Example
    void rowsProvingBothOrdersAreRefusedNamingOneOfEach() {
        DateOrderPolicy.Outcome outcome = DateOrderPolicy.decide(cells("03/04/1990", "25/04/1990", "04/25/1990", "26/04/1990"), null,
                "Date of birth");
        assertThat(outcome.decision()).isNull();
        assertThat(outcome.problems()).containsExactly(ListProblem.ofFile("DATE_ORDERS_CONFLICT", "3", "25/04/1990", "4", "04/25/1990"));
    }

    @Example
    void theUploadersWordIsUsedAndEveryRowThatCannotBeReadThatWayIsNamed() {
        DateOrderPolicy.Outcome stated = DateOrderPolicy.decide(cells("03/04/1990", "25/04/1990"), DateOrder.DAY_MONTH,
                "Date de naissance");
        assertThat(stated.problems()).isEmpty();
        assertThat(stated.decision().order()).isEqualTo(DateOrder.DAY_MONTH);
        assertThat(stated.decision().reason()).isEqualTo(DateOrderPolicy.Reason.STATED);

        DateOrderPolicy.Outcome contradicted = DateOrderPolicy.decide(cells("03/04/1990", "04/25/1990", "25/04/1990", "12/31/1990"),
                DateOrder.DAY_MONTH, "Date de naissance");
        assertThat(contradicted.decision()).isNull();
        assertThat(contradicted.problems()).containsExactly(ListProblem.of(3, "Date de naissance", "DATE_NOT_DAY_MONTH", "04/25/1990"),
                ListProblem.of(5, "Date de naissance", "DATE_NOT_DAY_MONTH", "12/31/1990"));
        assertThat(DateOrderPolicy.decide(cells("25/04/1990"), DateOrder.MONTH_DAY, "D").problems())
                .extracting(ListProblem::code).containsExactly("DATE_NOT_MONTH_DAY");
    }

    @Example
    void withoutAmbiguousDatesNothingIsDecidedAndWithoutEvidenceNothingIsGuessed() {
        DateOrderPolicy.Outcome iso = DateOrderPolicy.decide(cells("1990-04-03", "3 avril 1990", "05/05/1990", ""), null, "D");
        assertThat(iso.decision()).isEqualTo(new DateOrderPolicy.Decision(null, DateOrderPolicy.Reason.NOT_NEEDED, 0, null));
        // No evidence: the policy decides no order, so the reader refuses the ambiguous date itself.
        DateOrderPolicy.Outcome unsettled = DateOrderPolicy.decide(cells("03/04/1990"), null, "D");
        assertThat(unsettled.decision().order()).isNull();
        assertThat(DateReader.parse("03/04/1990", unsettled.decision().order()).problem()).isEqualTo("AMBIGUOUS_DATE");
    }

    /** Whatever dates a French file holds, written day/month and said so, each is read back as itself. */
    @Property(tries = 300)
    void datesWrittenInTheStatedOrderAreReadBackExactly(@ForAll @Size(min = 1, max = 30) List<@From("dates") LocalDate> dates,
            @ForAll DateOrder order) {
        List<DateOrderPolicy.DateCell> cells = written(dates, order == DateOrder.DAY_MONTH ? DAY_MONTH : MONTH_DAY);
        DateOrderPolicy.Outcome outcome = DateOrderPolicy.decide(cells, order, "D");
        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.decision().reason()).isEqualTo(DateOrderPolicy.Reason.STATED);
        for (int i = 0; i < dates.size(); i++) {
            assertThat(DateReader.parse(cells.get(i).text(), outcome.decision().order()).date()).isEqualTo(dates.get(i));
        }
    }

    /**
     * Unsaid, the order is the file's own whenever a row proves it (a day above 12), named by its first
     * such row, and every date is then read back as itself; when no row proves it, no order is chosen.
     */
    @Property(tries = 300)
    void theFilesOwnRowsSettleTheOrderNeverTheWrongWay(@ForAll @Size(min = 1, max = 30) List<@From("dates") LocalDate> dates,
            @ForAll DateOrder order) {
        List<DateOrderPolicy.DateCell> cells = written(dates, order == DateOrder.DAY_MONTH ? DAY_MONTH : MONTH_DAY);
        DateOrderPolicy.Outcome outcome = DateOrderPolicy.decide(cells, null, "D");
        assertThat(outcome.problems()).isEmpty();
        int firstProof = -1;
        for (int i = 0; i < dates.size() && firstProof < 0; i++) if (dates.get(i).getDayOfMonth() > 12) firstProof = i;
        if (firstProof < 0) {
            assertThat(outcome.decision().order()).isNull();
            return;
        }
        assertThat(outcome.decision()).isEqualTo(new DateOrderPolicy.Decision(order, DateOrderPolicy.Reason.FILE, firstProof + 2,
                cells.get(firstProof).text()));
        for (int i = 0; i < dates.size(); i++) {
            assertThat(DateReader.parse(cells.get(i).text(), outcome.decision().order()).date()).isEqualTo(dates.get(i));
        }
    }

    /** A file that proves both orders is never read: refused, naming a row of each. */
    @Property(tries = 200)
    void aFileProvingBothOrdersIsAlwaysRefused(@ForAll @Size(max = 10) List<@From("dates") LocalDate> others,
            @ForAll("lateDays") LocalDate french, @ForAll("lateDays") LocalDate american) {
        List<String> texts = new ArrayList<>(others.stream().map(DAY_MONTH::format).toList());
        texts.add(DAY_MONTH.format(french));
        texts.add(MONTH_DAY.format(american));
        DateOrderPolicy.Outcome outcome = DateOrderPolicy.decide(cells(texts.toArray(String[]::new)), null, "D");
        assertThat(outcome.decision()).isNull();
        assertThat(outcome.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("DATE_ORDERS_CONFLICT");
            assertThat(p.args().get(3)).isEqualTo(MONTH_DAY.format(american));
        });
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.integers().between(0, 365 * 60).map(d -> LocalDate.of(1950, 1, 1).plusDays(d));
    }

    @Provide
    Arbitrary<LocalDate> lateDays() {
        return dates().filter(d -> d.getDayOfMonth() > 12);
    }
}
