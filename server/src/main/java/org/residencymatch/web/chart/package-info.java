/**
 * Charts drawn on the server as accessible SVG, each with the same numbers as a table.
 */
package org.residencymatch.web.chart;
