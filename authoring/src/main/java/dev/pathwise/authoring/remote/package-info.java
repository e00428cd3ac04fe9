/**
 * The round trip with a running service, {@code pathwise policy publish|versions|activate|diff|export-evidence}:
 * a policy folder zipped the way {@code POST /v1/policies/{id}/versions} takes it, the history, rollback, what
 * differs between two versions, and the district's evidence export for {@code simulate}. Requests go through the
 * JDK's HTTP client with the API key from the environment, never from the command line.
 */
package dev.pathwise.authoring.remote;
