package org.residencymatch.lists;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides how a file's dates such as {@code 03/04/1990} are read, from what the uploader said and
 * what the file's own rows prove. A row such as {@code 25/04/1990} can only be day/month, and
 * {@code 04/25/1990} only month/day: such rows are evidence. The rules, in order:
 * <ol>
 * <li>Rows proving both orders: refused, naming one row of each (the file mixes two ways of writing).
 * <li>The uploader said an order: it is used; rows that can only be read the other way are refused,
 *     each named (a person's word is never overruled by a guess, nor is a row silently misread).
 * <li>Rows prove one order: it is used, naming the first row that proves it.
 * <li>No date depends on the order (ISO dates, month names, or the day equal to the month): nothing to decide.
 * <li>Otherwise the ambiguous dates are refused, each named, as before: nothing is guessed.
 * </ol>
 * Pure: the rows' date texts in, the order used and why (or the problems) out.
 */
public final class DateOrderPolicy {

    /** One row's date text, the row numbered as a spreadsheet numbers it. */
    public record DateCell(int row, String text) {
    }

    /** Why the order was used: said by the uploader, proved by a row of the file, or not needed by any date. */
    public enum Reason {
        STATED, FILE, NOT_NEEDED
    }

    /**
     * The order used (null when {@code NOT_NEEDED} and none was said) and why; for {@code FILE}, the
     * first row that proves it and its text.
     */
    public record Decision(DateOrder order, Reason reason, int evidenceRow, String evidenceText) {
        static Decision stated(DateOrder order) {
            return new Decision(order, Reason.STATED, 0, null);
        }
    }

    /** The decision, or the problems that refuse the file (a decision is then null). */
    public record Outcome(Decision decision, List<ListProblem> problems) {
    }

    private DateOrderPolicy() {
    }

    /**
     * @param stated the order the uploader said, or null when they did not
     * @param column the date column's header, to name it in problems
     */
    public static Outcome decide(List<DateCell> cells, DateOrder stated, String column) {
        DateCell dayMonth = null, monthDay = null;
        List<DateCell> provingDayMonth = new ArrayList<>(), provingMonthDay = new ArrayList<>();
        for (DateCell cell : cells) {
            int[] parts = DateReader.dayAndMonthParts(cell.text());
            if (parts == null) continue;
            int first = parts[0], second = parts[1];
            if (first > 12 && second >= 1 && second <= 12) {
                if (dayMonth == null) dayMonth = cell;
                provingDayMonth.add(cell);
            } else if (second > 12 && first >= 1 && first <= 12) {
                if (monthDay == null) monthDay = cell;
                provingMonthDay.add(cell);
            }
        }
        if (dayMonth != null && monthDay != null && stated == null) {
            return refused(List.of(ListProblem.ofFile("DATE_ORDERS_CONFLICT", String.valueOf(dayMonth.row()), dayMonth.text(),
                    String.valueOf(monthDay.row()), monthDay.text())));
        }
        if (stated != null) {
            List<DateCell> against = stated == DateOrder.DAY_MONTH ? provingMonthDay : provingDayMonth;
            if (against.isEmpty()) return new Outcome(Decision.stated(stated), List.of());
            String code = stated == DateOrder.DAY_MONTH ? "DATE_NOT_DAY_MONTH" : "DATE_NOT_MONTH_DAY";
            return refused(against.stream().map(c -> ListProblem.of(c.row(), column, code, c.text())).toList());
        }
        if (dayMonth != null)
            return new Outcome(new Decision(DateOrder.DAY_MONTH, Reason.FILE, dayMonth.row(), dayMonth.text()), List.of());
        if (monthDay != null)
            return new Outcome(new Decision(DateOrder.MONTH_DAY, Reason.FILE, monthDay.row(), monthDay.text()), List.of());
        // No evidence and nothing said: any ambiguous date stays unread, and the reader names each as before;
        // a file accepted then has no date that depends on the order.
        return new Outcome(new Decision(null, Reason.NOT_NEEDED, 0, null), List.of());
    }

    private static Outcome refused(List<ListProblem> problems) {
        return new Outcome(null, problems);
    }
}
