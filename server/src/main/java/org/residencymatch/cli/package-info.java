/**
 * The command line, {@code bin/residency-match}: {@code demo}, {@code serve}, the catalogue
 * import, the partner list commands that drive a running service through its API, and the match
 * commands that read and write the format of {@code docs/MATCH-FORMAT.md}.
 */
package org.residencymatch.cli;
