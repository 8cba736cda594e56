/**
 * HTTP: the routes of the pages and of the API ({@code openapi.yaml}), who may call each route,
 * sign-in, sessions and CSRF, the English and French messages, and the pages rendered on the server
 * with jte, usable without JavaScript.
 */
package org.residencymatch.web;
