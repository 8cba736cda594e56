/**
 * Partner eligibility lists (AIMG, BCIMG, QIMG): reading an uploaded file, tying each row to an
 * applicant (MINC, then applicant id, then name and date of birth; anything uncertain to a person's
 * review) and the preview of what a new version changes ({@link org.residencymatch.lists.ListUploadService});
 * the commit of versions, their revert and the repair of a version a crash tore ({@link
 * org.residencymatch.lists.ListVersionService}). It owns the tables list_version and list_membership
 * ({@link org.residencymatch.lists.ListRepository}) and list_upload, list_upload_file and
 * list_upload_row ({@link org.residencymatch.lists.ListUploadRepository}), and writes no other.
 * What a version changes for applicants (catalogues, cases, flags, notifications) it sees through
 * {@link org.residencymatch.lists.VersionEffects}, implemented in {@code org.residencymatch.listeffects}.
 */
package org.residencymatch.lists;
