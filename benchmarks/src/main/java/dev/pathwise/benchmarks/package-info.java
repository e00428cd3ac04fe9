/**
 * JMH suites guarding the engine's throughput: evaluating evidence, next steps, compiling and swapping a policy,
 * replaying evidence for a what-if. Each runs on Drools and on the hand-coded baseline ({@code engine} parameter) so
 * that the results show the ratio. Run them from {@code benchmarks/target/benchmarks.jar}; they are not part of
 * {@code mvn verify}.
 */
package dev.pathwise.benchmarks;
