package org.residencymatch.program;

/** Canadian provinces and territories, by their two-letter postal code. */
public enum Province {
    NL, NS, NB, PE, QC, ON, MB, SK, AB, BC, YT, NT, NU
}
