package dev.pathwise.engine.scenario;

/**
 * The outcome of one scenario.
 *
 * @param scenario   its name
 * @param file       its file
 * @param passed     true when everything expected held
 * @param difference the first difference (or the problem reading the scenario); "" when it passed
 */
public record ScenarioResult(String scenario, String file, boolean passed, String difference) {}
