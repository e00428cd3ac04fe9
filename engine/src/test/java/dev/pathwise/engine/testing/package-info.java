/**
 * Fixtures shared by the engine tests: a minimal policy written in the tests (so that engine tests do not depend on
 * the default pack in the rules module) and a small curriculum with helpers for learners and evidence.
 */
package dev.pathwise.engine.testing;
