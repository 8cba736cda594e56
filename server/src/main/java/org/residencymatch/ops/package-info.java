/**
 * Operations: the metrics served in Prometheus's format and the one log line per request, which
 * holds no personal data by construction; and how the process makes its own threads ({@link
 * org.residencymatch.ops.Threads}).
 */
package org.residencymatch.ops;
