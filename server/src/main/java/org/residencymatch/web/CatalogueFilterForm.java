package org.residencymatch.web;

/** The catalogue filter form's values as the applicant chose them (empty strings for "any"). */
public record CatalogueFilterForm(String q, String province, String discipline, String streamType, String decision, int iteration) {
}
