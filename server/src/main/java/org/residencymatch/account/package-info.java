/**
 * Who may sign in, and as what: accounts and their {@code Role}, registration with email
 * confirmation and password reset, Argon2id password hashes, sessions kept in the database, API
 * tokens, and the throttling of failed sign-ins. The emails it sends go through its outbox.
 */
package org.residencymatch.account;
