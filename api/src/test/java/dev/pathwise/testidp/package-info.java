/** A real OpenID Connect provider (Spring Authorization Server) that the sign-in tests start on a free port. */
package dev.pathwise.testidp;
