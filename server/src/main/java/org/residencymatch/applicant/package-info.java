/**
 * Applicants' identities and profiles: what an applicant declares (editable while the calendar
 * allows) kept apart from what others verify (citizenship, MCC exams, a CMQ approval a list states),
 * and the facts the eligibility rules read.
 */
package org.residencymatch.applicant;
