/**
 * The evidence stream on Apache Kafka, on only with {@code pathwise.kafka.enabled=true}: evidence published to a topic
 * keyed {@code tenant:learner} is consumed by every node of the group, each learner's evidence by one consumer in
 * order, through the same validation and transaction as {@code POST /v1/evidence/batch}; refused evidence goes to a
 * dead-letter topic, path updates to an outgoing topic. The envelope is described in {@link
 * dev.pathwise.api.stream.EvidenceEnvelope}.
 */
package dev.pathwise.api.stream;
