package dev.pathwise.api.stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One message of the evidence topic, as JSON:
 *
 * <pre>{"tenantId": "district-a", "evidence": { ...the body of POST /v1/evidence... }}</pre>
 *
 * keyed {@code tenantId:learnerId} (the partition follows the key, so one learner's evidence stays in one partition, in
 * order). There is no API key: the producer is trusted infrastructure of the deployment (an ingestion gateway, the
 * service's own {@code POST /v1/evidence} in publish mode), and whoever can write to the topic can write evidence for
 * any tenant, so the topic's ACLs are the access control. {@code evidence.id} stays the idempotency key.
 *
 * @param tenantId the tenant the evidence belongs to
 * @param evidence the evidence, read and validated as an item of {@code POST /v1/evidence/batch}
 */
public record EvidenceEnvelope(String tenantId, JsonNode evidence) {

    /** The message key of a learner's evidence and path updates. */
    public static String key(String tenantId, String learnerId) {
        return tenantId + ":" + learnerId;
    }
}
