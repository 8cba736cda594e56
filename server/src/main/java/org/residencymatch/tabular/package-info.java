/**
 * Reading tables from files people send: CSV with either separator, text in UTF-8 (with or
 * without a byte order mark) or Windows-1252, Excel workbooks through the project's own guarded
 * reader; and writing CSV exports that a spreadsheet cannot turn into formulas.
 */
package org.residencymatch.tabular;
