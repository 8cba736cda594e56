package org.residencymatch.web;

import gg.jte.Content;

/** One chart of the operator's dashboard: its heading and its drawing (markup the chart renderer escaped). */
public record DashboardChart(String heading, Content html) {
}
