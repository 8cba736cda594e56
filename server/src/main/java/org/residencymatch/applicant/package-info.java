/**
 * Applicants' identities and profiles: what an applicant declares (editable while the calendar
 * allows), where the verification of each fact the eligibility rules read stands (awaiting, verified
 * by whom and when, refused and why: {@code FactVerificationService}, table {@code
 * applicant_fact_check}), the documents they upload to prove them and the operator's decision on each
 * ({@code DocumentService}, tables {@code applicant_document} and {@code applicant_document_content}),
 * the facts that come from their source (MCC exams, a CMQ approval a list
 * states), and the facts the eligibility rules read; finding applicants by name (accents and case
 * folded in {@code applicant.name_key}), id, email or MINC, and their names for the pages
 * ({@link org.residencymatch.applicant.ApplicantDirectory}).
 */
package org.residencymatch.applicant;
