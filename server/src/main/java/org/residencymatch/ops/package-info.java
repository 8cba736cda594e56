/**
 * Operations: the metrics served in Prometheus's format and the one log line per request, which
 * holds no personal data by construction.
 */
package org.residencymatch.ops;
