/**
 * What a new version of a partner list changes for applicants beyond the list: the decisions of
 * their catalogues (counted in an upload's preview), their reconciliation cases, the flags on their
 * applications and their notifications. It sits above the lists and the features that read them
 * (catalogue, reconciliation, application), so that none of those depends on another in a circle:
 * the lists know only their {@link org.residencymatch.lists.VersionEffects} interface, which {@code
 * Services} wires to {@link org.residencymatch.listeffects.ListVersionEffects}. It owns no table.
 */
package org.residencymatch.listeffects;
