package dev.pathwise.engine.framework;

import static dev.pathwise.engine.framework.Competency.of;

import java.util.List;

/**
 * A small three-level framework shared by the tests, deliberately given out of prerequisite order
 * ('math' needs 'letters', which comes last):
 * <pre>
 * math                       requires letters
 *   number
 *     counting
 *     place-value            requires counting
 *   geometry                 requires counting
 *     shapes
 *     area                   requires shapes, place-value
 * reading
 *   letters
 * </pre>
 */
final class MathFramework {

    static final String ID = "math-k5";

    private MathFramework() {}

    static List<Competency> competencies() {
        return List.of(
                of("math", null, "letters"),
                of("number", "math"),
                of("counting", "number"),
                of("place-value", "number", "counting"),
                of("geometry", "math", "counting"),
                of("shapes", "geometry"),
                of("area", "geometry", "shapes", "place-value"),
                of("reading", null),
                of("letters", "reading"));
    }

    static Framework inheriting() {
        return Framework.of(ID, "Math K-5", competencies());
    }

    static Framework notInheriting() {
        return Framework.of(ID, "Math K-5", competencies(), false);
    }
}
