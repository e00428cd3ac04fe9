/**
 * The whole service on a real database, through real HTTP: one test class per database and mode
 * ({@link dev.pathwise.api.stack.H2FullStackTest}, {@link dev.pathwise.api.stack.PostgresFullStackTest},
 * {@link dev.pathwise.api.stack.H2DistrictTest}, {@link dev.pathwise.api.stack.PostgresDistrictTest}) holds the
 * contracts ({@code ...Contract}) as {@code @Nested} classes, so each contract runs on each database in that class's
 * one application context. A new contract is a class extending {@link dev.pathwise.api.stack.RunningService} (or
 * {@link dev.pathwise.api.stack.DistrictStack} for production mode), nested in both classes of its mode.
 */
package dev.pathwise.api.stack;
