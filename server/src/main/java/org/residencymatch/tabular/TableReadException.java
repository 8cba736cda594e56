package org.residencymatch.tabular;

/**
 * A file that cannot be read as a table at all (not CSV, a broken workbook, no header row, ...). The
 * message is for logs and the command line; {@link #reason()} is what a page or the API says, in the
 * reader's language, without the message's detail.
 */
public final class TableReadException extends Exception {

    /** Why the file is not a table, as a person can act on it. */
    public enum Reason {
        /** Not text at all, nor a workbook: an image, a PDF, a program. */
        NOT_TEXT,
        /** The old binary Excel format (.xls). */
        OLD_XLS,
        /** Named .xlsx, but the content is not a workbook. */
        NOT_A_WORKBOOK,
        /** A workbook that cannot be read, or that is refused as unsafe. */
        UNREADABLE_WORKBOOK,
        /** Text that cannot be read as CSV (e.g. a quote never closed). */
        UNREADABLE_CSV,
        /** No header row. */
        NO_HEADER,
        /** Far more cells than a list holds. */
        TOO_MANY_CELLS,
        /** The workbook has no sheet of the name asked for. */
        NO_SUCH_SHEET
    }

    private final Reason reason;

    public TableReadException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public TableReadException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public TableReadException(String message, Throwable cause) {
        this(Reason.UNREADABLE_WORKBOOK, message, cause);
    }

    public TableReadException(String message) {
        this(Reason.UNREADABLE_WORKBOOK, message);
    }

    public Reason reason() {
        return reason;
    }
}
