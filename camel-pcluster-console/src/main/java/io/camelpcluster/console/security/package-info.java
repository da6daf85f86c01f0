/**
 * Who may use the console: authentication ({@link
 * io.camelpcluster.console.security.ConsoleAuthenticator}: HTTP Basic users, bearer tokens, or the
 * application's own) and CSRF tokens for state-changing calls.
 */
package io.camelpcluster.console.security;
