// The worked examples of docs/mastery-methods.md, computed by the engine itself. Run from the repository root:
//   mvn -B -q -pl engine compile && jshell --class-path engine/target/classes docs/examples/mastery-methods.jsh
import dev.pathwise.engine.evidence.Score;
import dev.pathwise.engine.mastery.MasteryMethod;
import dev.pathwise.engine.mastery.MasteryMethods;
import dev.pathwise.engine.mastery.MethodResult;

// Scores in points on a scale (min..max) go into a method as evidence brings them: normalized to 0..1.
double[] on(double min, double max, double... points) {
    double[] scores = new double[points.length];
    for (int i = 0; i < points.length; i++) {
        scores[i] = new Score(points[i], min, max).normalized();
    }
    return scores;
}

String number(double value) {
    return new java.math.BigDecimal(value).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
}

void show(String method, Map<String, Double> parameters, double min, double max, double... points) {
    MethodResult r = MasteryMethods.create(method, parameters).apply(on(min, max, points));
    StringJoiner given = new StringJoiner(", ");
    for (double p : points) {
        given.add(number(p));
    }
    System.out.println(method + (parameters.isEmpty() ? "" : " " + new TreeMap<>(parameters)) + " on " + number(min)
            + ".." + number(max) + ": " + given + " -> " + number(min + r.value() * (max - min)) + " ("
            + number(r.value()) + " on 0..1)" + (r.allowsMastery() ? "" : ", mastery not yet allowed"));
    if (!r.note().isEmpty()) {
        System.out.println("    " + r.methodUsed() + ": " + r.note());
    }
}

show("latest", Map.of(), 0, 5, 1, 3);
show("highest", Map.of(), 0, 5, 3, 1);
show("mean", Map.of(), 0, 5, 2, 4, 3);
show("weighted_average", Map.of(), 0, 5, 2, 3, 4);
show("weighted_average", Map.of(), 0, 5, 1, 2, 3, 4, 5);
show("standard_decaying_average", Map.of(), 0, 5, 2, 3, 4);
show("standard_decaying_average", Map.of(), 0, 5, 1, 2, 3, 4, 5);
show("exponential_decay", Map.of(), 0, 5, 2, 3, 4);
show("n_mastery", Map.of("threshold", 0.6), 0, 5, 4, 5, 1, 3, 2, 3);
show("n_mastery", Map.of("threshold", 0.6), 0, 5, 3, 1, 2);
show("n_of_last_m", Map.of("threshold", 0.6), 0, 5, 4, 5, 1, 3, 2, 3);
show("n_of_last_m", Map.of("threshold", 0.6), 0, 5, 3, 1, 2);
show("power_law", Map.of("scale_min", 1.0, "scale_max", 4.0), 1, 4, 1, 2, 3, 4);
show("power_law", Map.of("scale_min", 1.0, "scale_max", 4.0), 1, 4, 1, 3, 2, 4);
show("power_law", Map.of("scale_min", 1.0, "scale_max", 4.0), 1, 4, 2, 4, 1, 3);
show("power_law", Map.of("scale_min", 1.0, "scale_max", 4.0), 1, 4, 4, 3, 2, 1);
show("power_law", Map.of("scale_min", 1.0, "scale_max", 4.0), 1, 4, 1, 3, 4);
show("power_law", Map.of("scale_min", 1.0, "scale_max", 4.0), 1, 4, 4, 1, 1);
show("power_law", Map.of(), 0, 1, 0.5, 0, 0.3);
show("power_law", Map.of(), 0, 1, 0.6, 0.8);
show("bkt", Map.of(), 0, 1, 1, 0, 1, 1);
/exit
