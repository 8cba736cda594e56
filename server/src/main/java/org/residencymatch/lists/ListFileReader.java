package org.residencymatch.lists;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.residencymatch.eligibility.CmqApproval;
import org.residencymatch.eligibility.ListKind;
import org.residencymatch.tabular.Table;
import org.residencymatch.text.TextPolicy;
import org.residencymatch.tabular.TableReadException;
import org.residencymatch.tabular.TableReader;
import org.residencymatch.tabular.TextKey;

/**
 * Reads a partner list file of a given kind into checked {@link ListRow}s, or refuses it whole with
 * every problem found: a file that is not a table, a missing required column, a column of another
 * list kind, missing or malformed values, ambiguous dates, duplicate rows, control characters, a
 * Particulier on BCI's list. Unknown columns are ignored (they stay in the raw file, which is kept).
 */
public final class ListFileReader {

    /** MMI scores are below this. */
    private static final BigDecimal MMI_LIMIT = new BigDecimal("1000");

    /** The rows read, the encoding the text was in (or "xlsx"), and how dates such as 03/04/1990 were read and why. */
    public record Result(List<ListRow> rows, String encoding, DateOrderPolicy.Decision dateOrder) {
    }

    private ListFileReader() {
    }

    public static Result read(ListKind kind, String fileName, byte[] content) throws ListFileException {
        return read(kind, fileName, content, null);
    }

    /** @param statedOrder how the uploader said dates are written, or null to let the file's rows settle it */
    public static Result read(ListKind kind, String fileName, byte[] content, DateOrder statedOrder) throws ListFileException {
        Table table;
        try {
            table = TableReader.read(fileName, content);
        } catch (TableReadException e) {
            // The reason in the uploader's language, never the exception's English detail (kept for the logs).
            throw new ListFileException(ListProblem.ofFile("TABLE_" + e.reason().name(), fileName));
        }
        Map<ListColumn, Integer> columns = mapColumns(kind, table.headers());
        List<ListProblem> problems = new ArrayList<>();
        for (ListColumn column : ListColumn.values()) {
            if (column.requiredFor(kind) && !columns.containsKey(column)) {
                problems.add(ListProblem.of(1, column.templateHeader(), "MISSING_COLUMN", column.templateHeader()));
            }
        }
        for (int i = 0; i < table.headers().size(); i++) {
            for (ListColumn column : ListColumn.values()) {
                if (!column.usedBy(kind) && column.recognises(table.headers().get(i))) {
                    problems.add(ListProblem.of(1, table.headers().get(i), "WRONG_LIST_KIND", table.headers().get(i), kind.name()));
                }
            }
        }
        if (!problems.isEmpty()) throw new ListFileException(problems);
        if (table.rows().isEmpty()) throw new ListFileException(ListProblem.ofFile("NO_ROWS"));

        // How dates such as 03/04/1990 are read is settled for the whole file before any row is read.
        int dateColumn = columns.get(ListColumn.DATE_OF_BIRTH);
        List<DateOrderPolicy.DateCell> dates = new ArrayList<>(table.rows().size());
        for (Table.Row raw : table.rows()) dates.add(new DateOrderPolicy.DateCell(raw.number(), raw.cell(dateColumn).strip()));
        DateOrderPolicy.Outcome order = DateOrderPolicy.decide(dates, statedOrder, table.headers().get(dateColumn));
        problems.addAll(order.problems());
        // A row already named for its date is not named again as "not a real date".
        java.util.Set<Integer> datesNamed = new java.util.HashSet<>();
        for (ListProblem p : order.problems()) datesNamed.add(p.row());
        // Refused for rows that contradict what the uploader said, the other rows are still read as they said.
        DateOrder readOrder = order.decision() != null ? order.decision().order() : statedOrder;

        List<ListRow> rows = new ArrayList<>(table.rows().size());
        FirstRows firstRows = new FirstRows(table.rows().size());
        for (Table.Row raw : table.rows()) {
            int before = problems.size();
            ListRow row = readRow(kind, raw, columns, table.headers(), problems, readOrder, datesNamed);
            if (row == null || problems.size() > before) continue;
            Integer earlier = firstRows.earlierRowOf(row);
            if (earlier != null) problems.add(ListProblem.of(row.row(), "", "DUPLICATE_ROW", String.valueOf(earlier)));
            rows.add(row);
        }
        if (!problems.isEmpty()) throw new ListFileException(problems);
        return new Result(rows, table.encoding(), order.decision());
    }

    private static Map<ListColumn, Integer> mapColumns(ListKind kind, List<String> headers) {
        Map<ListColumn, Integer> columns = new EnumMap<>(ListColumn.class);
        for (int i = 0; i < headers.size(); i++) {
            for (ListColumn column : ListColumn.values()) {
                if (column.usedBy(kind) && column.recognises(headers.get(i))) columns.putIfAbsent(column, i);
            }
        }
        return columns;
    }

    private static ListRow readRow(ListKind kind, Table.Row raw, Map<ListColumn, Integer> columns, List<String> headers,
            List<ListProblem> problems, DateOrder dateOrder, java.util.Set<Integer> datesNamed) {
        int n = raw.number();
        // Every cell through the one text policy (as every field typed on a page or sent to the API): control
        // characters and direction overrides refused, zero-width characters removed, NFC.
        List<String> cells = new java.util.ArrayList<>(raw.cells().size());
        for (int i = 0; i < raw.cells().size(); i++) {
            TextPolicy.Decision decision = TextPolicy.decide(TextPolicy.Field.MULTILINE, raw.cells().get(i));
            if (decision instanceof TextPolicy.Refused refused) {
                problems.add(ListProblem.of(n, i < headers.size() ? headers.get(i) : "#" + (i + 1),
                        TextPolicy.DIRECTION_OVERRIDE.equals(refused.reasonKey()) ? "DIRECTION_OVERRIDE" : "CONTROL_CHARACTER"));
                return null;
            }
            cells.add(((TextPolicy.Accepted) decision).text());
        }
        raw = new Table.Row(n, cells);
        if (isExampleRow(raw, columns)) {
            problems.add(ListProblem.of(n, "", "EXAMPLE_ROW"));
            return null;
        }
        String family = required(raw, columns, ListColumn.FAMILY_NAME, problems);
        String given = required(raw, columns, ListColumn.GIVEN_NAMES, problems);
        String dobText = required(raw, columns, ListColumn.DATE_OF_BIRTH, problems);
        java.time.LocalDate dob = null;
        if (dobText != null) {
            DateReader.Parsed parsed = DateReader.parse(dobText, dateOrder);
            if (parsed.date() == null && datesNamed.contains(n)) return null;
            if (parsed.date() == null)
                problems.add(ListProblem.of(n, header(ListColumn.DATE_OF_BIRTH, columns, headers), parsed.problem(), dobText));
            dob = parsed.date();
        }
        String applicantId = optional(raw, columns, ListColumn.APPLICANT_ID);
        if (applicantId != null && !isApplicantId(applicantId)) {
            problems.add(ListProblem.of(n, header(ListColumn.APPLICANT_ID, columns, headers), "BAD_APPLICANT_ID", applicantId));
        }
        String minc = null;
        String mincText = optional(raw, columns, ListColumn.MINC);
        if (mincText != null) {
            Identifiers.Result r = Identifiers.minc(mincText);
            if (!r.isValid()) problems.add(ListProblem.of(n, header(ListColumn.MINC, columns, headers), r.problem(), mincText));
            minc = r.value().orElse(null);
        }
        String mcc = null;
        boolean mccPartial = false;
        String mccText = optional(raw, columns, ListColumn.MCC_CANDIDATE_CODE);
        if (mccText != null) {
            Identifiers.Result r = Identifiers.mccCandidateCode(mccText);
            if (!r.isValid())
                problems.add(ListProblem.of(n, header(ListColumn.MCC_CANDIDATE_CODE, columns, headers), r.problem(), mccText));
            mcc = r.value().orElse(null);
            mccPartial = r.partial();
        }
        BigDecimal mmi = null;
        String mmiText = kind == ListKind.AIMG ? optional(raw, columns, ListColumn.MMI_SCORE) : null;
        if (mmiText != null) {
            try {
                mmi = new BigDecimal(mmiText.replace(',', '.'));
                if (mmi.signum() < 0 || mmi.compareTo(MMI_LIMIT) >= 0) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                problems.add(ListProblem.of(n, header(ListColumn.MMI_SCORE, columns, headers), "BAD_MMI_SCORE", mmiText));
            }
        }
        CmqApproval contingent = null;
        if (kind == ListKind.QIMG) {
            String text = required(raw, columns, ListColumn.CONTINGENT, problems);
            if (text != null) {
                String key = TextKey.of(text);
                if (key.startsWith("regul")) contingent = CmqApproval.REGULIER;
                else if (key.startsWith("particul"))
                    problems.add(ListProblem.of(n, header(ListColumn.CONTINGENT, columns, headers), "PARTICULIER_ON_QIMG"));
                else
                    problems.add(ListProblem.of(n, header(ListColumn.CONTINGENT, columns, headers), "BAD_CONTINGENT", text));
            }
        }
        String outcome = kind == ListKind.BCIMG ? optional(raw, columns, ListColumn.ASSESSMENT_OUTCOME) : null;
        if (outcome != null && outcome.length() > 100) outcome = outcome.substring(0, 100);
        if (family != null && family.length() > 200 || given != null && given.length() > 200) {
            problems.add(ListProblem.of(n, "", "NAME_TOO_LONG"));
        }
        return new ListRow(n, applicantId, minc, mcc, mccPartial, family, given, dob, mmi, contingent, outcome);
    }

    /**
     * The first row of each person, under each key that says two rows are the same person listed twice:
     * the MINC, the applicant id, the full MCC candidate code, and the name and date of birth. A map a
     * key, sized for the list, holds the row's own strings, so that 100,000 rows add few objects for the
     * garbage collector to copy while the list is read.
     */
    private static final class FirstRows {
        private final Map<String, Integer> byMinc, byApplicantId, byMccCode, byPerson;

        FirstRows(int rows) {
            int capacity = rows + rows / 3 + 1;
            byMinc = new HashMap<>(capacity);
            byApplicantId = new HashMap<>(capacity);
            byMccCode = new HashMap<>(capacity);
            byPerson = new HashMap<>(capacity);
        }

        /**
         * The row that already listed this row's person, under the first of its keys that did, or null;
         * the row is remembered under its keys up to that one.
         */
        Integer earlierRowOf(ListRow row) {
            Integer number = row.row();
            Integer earlier = null;
            if (row.minc() != null) earlier = byMinc.putIfAbsent(row.minc(), number);
            if (earlier == null && row.applicantId() != null) earlier = byApplicantId.putIfAbsent(row.applicantId(), number);
            if (earlier == null && row.mccCandidateCode() != null && !row.mccPartial()) {
                earlier = byMccCode.putIfAbsent(row.mccCandidateCode(), number);
            }
            if (earlier == null) {
                String person = TextKey.of(row.familyName()) + "|" + TextKey.of(row.givenNames()) + "|" + row.dateOfBirth();
                earlier = byPerson.putIfAbsent(person, number);
            }
            return earlier;
        }
    }

    private static String required(Table.Row raw, Map<ListColumn, Integer> columns, ListColumn column, List<ListProblem> problems) {
        String value = optional(raw, columns, column);
        if (value == null) problems.add(ListProblem.of(raw.number(), column.templateHeader(), "MISSING_VALUE", column.templateHeader()));
        return value;
    }

    private static String optional(Table.Row raw, Map<ListColumn, Integer> columns, ListColumn column) {
        Integer index = columns.get(column);
        if (index == null) return null;
        String value = raw.cell(index).strip();
        return value.isEmpty() ? null : value;
    }

    private static String header(ListColumn column, Map<ListColumn, Integer> columns, List<String> headers) {
        Integer index = columns.get(column);
        return index == null ? column.templateHeader() : headers.get(index);
    }

    /** Whether the text is 1 to 40 ASCII letters, digits, '_' or '-' (checked by hand: a list has an applicant id a row). */
    /**
     * What the downloadable template's example row has in its applicant id column, in English and French ({@code
     * listTemplate.example.APPLICANT_ID}). A row with it (or whose family name is the example's, should the id column be
     * gone) is the example left in the file: the whole file is refused, naming that row, rather than anybody listed.
     */
    public static final java.util.Set<String> EXAMPLE_MARKERS = java.util.Set.of("EXAMPLE", "EXEMPLE");

    private static boolean isExampleRow(Table.Row raw, Map<ListColumn, Integer> columns) {
        String id = optional(raw, columns, ListColumn.APPLICANT_ID);
        if (id != null && EXAMPLE_MARKERS.contains(id.toUpperCase(java.util.Locale.ROOT))) return true;
        String family = optional(raw, columns, ListColumn.FAMILY_NAME);
        if (family == null) return false;
        String folded = org.residencymatch.tabular.TextKey.of(family);
        return EXAMPLE_MARKERS.stream().anyMatch(marker -> folded.startsWith(org.residencymatch.tabular.TextKey.of(marker) + " "));
    }

    static boolean isApplicantId(String text) {
        if (text.isEmpty() || text.length() > 40) return false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-')) return false;
        }
        return true;
    }

}
