/**
 * Long work started from a page (a list commit, a match run), run in the background with its
 * progress recorded in the database, so the person who started it watches a progress page.
 */
package org.residencymatch.jobs;
