package org.residencymatch.program;

/**
 * Who a program stream is open to, as the published stream names say it (see docs/DOMAIN.md, "Programs
 * and streams"). The mapping from the names written in a catalogue file to these types is data
 * ({@code program/stream-names.csv}), so that a new name next year is a data change.
 */
public enum StreamType {
    /** CMGs only ("CMG Stream for CMG", "RGP Stream for CMG", "Indigenous stream for CMG", ...). */
    CMG,
    /** IMGs only, subject to the province's IMG rules ("IMG Stream for IMG"). */
    IMG,
    /** IMGs with a Nova Scotia residency or return-of-service tie. */
    IMG_NOVA_SCOTIA,
    /** IMGs with a New Brunswick residency or return-of-service tie. */
    IMG_NEW_BRUNSWICK,
    /** Québec: CMGs and IMGs on the QIMG list; Québec has no separate IMG quota. */
    REGULAR_FOR_ALL,
    /** UBC: CMGs and IMGs on the BCIMG list, with return of service attached. */
    COMPETITIVE_ROS_FOR_ALL,
    /** Saskatchewan: CMGs and eligible IMGs. */
    COMPETITIVE_FOR_ALL,
    /** Members of the Canadian Forces medical training plans (MOTP/MMTP) only. */
    MILITARY
}
