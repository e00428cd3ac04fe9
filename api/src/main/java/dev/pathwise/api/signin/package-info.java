/**
 * How people sign in: with a username and password (Argon2 hashes; failures counted, the account held for a while
 * after too many), or with the district's OpenID Connect provider (Spring Security's OAuth2 client: authorization
 * code with PKCE, the ID token's signature, issuer, audience and nonce checked), the identity linked to a user by
 * its e-mail address or username the first time. Both end in the same browser session.
 */
package dev.pathwise.api.signin;
