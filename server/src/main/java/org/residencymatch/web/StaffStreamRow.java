package org.residencymatch.web;

import org.residencymatch.application.StreamRanking;
import org.residencymatch.program.ProgramStream;

/** One stream in program staff's list: how many applied, and where its rank order list stands. */
public record StaffStreamRow(ProgramStream stream, int applicants, StreamRanking.Decision decision) {
}
