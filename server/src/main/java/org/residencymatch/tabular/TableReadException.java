package org.residencymatch.tabular;

/** A file that cannot be read as a table at all (not CSV, a broken workbook, no header row, ...). */
public final class TableReadException extends Exception {
    public TableReadException(String message, Throwable cause) {
        super(message, cause);
    }

    public TableReadException(String message) {
        super(message);
    }
}
