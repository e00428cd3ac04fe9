/**
 * People of the tenant: teachers, curriculum leads and admins, each with their own API keys and, for signing in, a
 * password (kept only as an Argon2 hash, Spring Security's crypto) or an OpenID Connect identity. Whatever a person
 * does is recorded under their name; a teacher reads only the learners of the classes they teach.
 */
package dev.pathwise.api.users;
