package dev.pathwise.engine.scenario;

/** A scenario or framework file that cannot be read, with the file, the field and the fix in the message. */
public final class ScenarioException extends RuntimeException {

    public ScenarioException(String message) {
        super(message, null, false, false);
    }
}
