/**
 * Applicants' identities and profiles: what an applicant declares (editable while the calendar
 * allows) kept apart from what others verify (citizenship, MCC exams, a CMQ approval a list states),
 * and the facts the eligibility rules read; finding applicants by name (accents and case folded in
 * {@code applicant.name_key}), id, email or MINC, and their names for the pages
 * ({@link org.residencymatch.applicant.ApplicantDirectory}).
 */
package org.residencymatch.applicant;
