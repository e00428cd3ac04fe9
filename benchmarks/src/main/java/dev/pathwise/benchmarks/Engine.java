package dev.pathwise.benchmarks;

import dev.pathwise.benchmarks.baseline.HandCodedDefaultPolicy;
import dev.pathwise.engine.evaluation.PathwayEvaluator;

/** The two implementations of the default policy a benchmark compares, as its {@code engine} parameter. */
public enum Engine {

    /** The compiled DRL through pooled Drools sessions: what the service runs. */
    drools {
        @Override
        public PathwayEvaluator evaluator() {
            return new PathwayEvaluator();
        }
    },

    /** The same decisions in plain Java ({@link HandCodedDefaultPolicy}): the baseline. */
    handCoded {
        @Override
        public PathwayEvaluator evaluator() {
            return HandCodedDefaultPolicy.evaluator();
        }
    };

    public abstract PathwayEvaluator evaluator();
}
