/**
 * The demo: the 2025-R1 catalogue with quotas, demo applicants in every situation of
 * {@code docs/DOMAIN.md} with their accounts, the three partner lists, and the cycle in progress up
 * to the demo's date, all done through the real services.
 */
package org.residencymatch.demo;
