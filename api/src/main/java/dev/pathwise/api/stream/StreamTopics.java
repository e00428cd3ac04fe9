package dev.pathwise.api.stream;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The evidence stream's settings ({@code pathwise.kafka.*}); the broker's address and client settings are Spring
 * Boot's {@code spring.kafka.*}.
 *
 * @param evidenceTopic   where evidence is published, keyed {@code tenant:learner}
 * @param deadLetterTopic where refused evidence goes, with its problem
 * @param updatesTopic    where path updates with a change (levels, unlocks, drop-backs, flags) go
 * @param partitions      the partitions of each topic when the service creates it: the most consumers that share the
 *     evidence; a learner's evidence stays in one
 * @param replicas        the replication factor of each topic when the service creates it
 * @param consumers       consumer threads per node
 * @param groupId         the consumer group every node joins
 */
@ConfigurationProperties("pathwise.kafka")
public record StreamTopics(
        String evidenceTopic,
        String deadLetterTopic,
        String updatesTopic,
        Integer partitions,
        Short replicas,
        Integer consumers,
        String groupId) {

    public StreamTopics {
        evidenceTopic = evidenceTopic == null ? "pathwise.evidence" : evidenceTopic;
        deadLetterTopic = deadLetterTopic == null ? "pathwise.evidence.refused" : deadLetterTopic;
        updatesTopic = updatesTopic == null ? "pathwise.path-updates" : updatesTopic;
        partitions = partitions == null ? 12 : partitions;
        replicas = replicas == null ? 1 : replicas;
        consumers = consumers == null ? 2 : consumers;
        groupId = groupId == null ? "pathwise" : groupId;
        if (partitions < 1 || consumers < 1 || replicas < 1) {
            throw new IllegalArgumentException("pathwise.kafka: partitions (" + partitions + "), replicas (" + replicas
                    + ") and consumers (" + consumers + ") must each be at least 1");
        }
    }
}
