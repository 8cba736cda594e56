/**
 * The service's root: {@code Services}, which wires every feature to one database and one clock
 * (the only place that does), and the two exceptions that features throw for the web layer to answer
 * 404 or 409. Each sub-package is one feature and owns its tables, its SQL and its rules.
 */
package org.residencymatch;
