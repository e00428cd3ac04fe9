/**
 * What the repositories of every feature share about how values are stored: {@link
 * dev.pathwise.api.storage.JsonColumn} writes a value into a JSON text column the one way they all do.
 */
package dev.pathwise.api.storage;
