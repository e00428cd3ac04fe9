package dev.pathwise.api.stream;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The Kafka beans, only with {@code pathwise.kafka.enabled=true} (Boot's own Kafka auto-configuration is left out, see
 * {@link dev.pathwise.api.PathwiseApplication}): the topics, a producer (idempotent, {@code acks=all}) and the evidence
 * consumers. Offsets are committed by the container after each batch the listener returned from ({@code
 * AckMode.BATCH}), and the listener returns only once the batch's database transactions committed and its dead letters
 * and path updates were acknowledged: a consumer killed at any point is followed by one that reads again from the last
 * committed offset, and the evidence id makes the second reading of a stored piece answer from the stored row. The
 * clients' metrics are registered with Micrometer, beside the stream's own ({@link StreamMetrics}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "pathwise.kafka.enabled", havingValue = "true")
@EnableConfigurationProperties({KafkaProperties.class, StreamTopics.class})
public class KafkaStreamConfig {

    @Bean
    KafkaAdmin kafkaAdmin(KafkaProperties properties) {
        return new KafkaAdmin(properties.buildAdminProperties(null));
    }

    @Bean
    KafkaAdmin.NewTopics pathwiseTopics(StreamTopics topics) {
        return new KafkaAdmin.NewTopics(
                new NewTopic(topics.evidenceTopic(), topics.partitions(), topics.replicas()),
                new NewTopic(topics.deadLetterTopic(), topics.partitions(), topics.replicas()),
                new NewTopic(topics.updatesTopic(), topics.partitions(), topics.replicas()));
    }

    @Bean
    KafkaTemplate<String, String> pathwiseKafkaTemplate(KafkaProperties properties, MeterRegistry registry) {
        Map<String, Object> config = properties.buildProducerProperties(null);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        DefaultKafkaProducerFactory<String, String> producers = new DefaultKafkaProducerFactory<>(config);
        producers.addListener(new MicrometerProducerListener<>(registry));
        return new KafkaTemplate<>(producers);
    }

    @Bean
    KafkaEvidenceStream evidenceStream(
            KafkaTemplate<String, String> template,
            StreamTopics topics,
            com.fasterxml.jackson.databind.ObjectMapper json) {
        return new KafkaEvidenceStream(template, topics.evidenceTopic(), json);
    }

    @Bean
    ConcurrentMessageListenerContainer<String, String> evidenceStreamContainer(
            KafkaProperties properties, StreamTopics topics, EvidenceStreamConsumer consumer, MeterRegistry registry) {
        Map<String, Object> config = properties.buildConsumerProperties(null);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, topics.groupId());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        ContainerProperties container = new ContainerProperties(topics.evidenceTopic());
        container.setAckMode(ContainerProperties.AckMode.BATCH);
        container.setMessageListener(consumer);
        DefaultKafkaConsumerFactory<String, String> consumers = new DefaultKafkaConsumerFactory<>(config);
        // the consumers' own metrics, among them kafka.consumer.fetch.manager.records.lag.max (this node's lag)
        consumers.addListener(new MicrometerConsumerListener<>(registry));
        ConcurrentMessageListenerContainer<String, String> listeners =
                new ConcurrentMessageListenerContainer<>(consumers, container);
        listeners.setConcurrency(topics.consumers());
        listeners.setBeanName("evidenceStreamContainer");
        // A batch that fails as a whole (the database away, the broker not taking a dead letter) is tried again,
        // every second, for as long as it takes: evidence is never skipped. Refused pieces do not fail the batch.
        listeners.setCommonErrorHandler(
                new DefaultErrorHandler(new FixedBackOff(1000L, FixedBackOff.UNLIMITED_ATTEMPTS)));
        return listeners;
    }
}
