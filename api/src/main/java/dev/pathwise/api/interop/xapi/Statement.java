package dev.pathwise.api.interop.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * The parts of an xAPI statement Pathwise reads.
 *
 * @param actorType         Agent or Group
 * @param actorKeys         the actor's keys when it is an Agent ({@code account:homePage|name}, {@code mbox:...})
 * @param accountName       the account name, tried as a learner id when no mapping is set
 * @param verb              the verb's short name: the last segment of its IRI ({@code passed}, {@code voided}, ...)
 * @param objectType        Activity (the default), StatementRef, Agent, SubStatement...
 * @param objectId          the activity IRI, or the statement id a StatementRef points to
 * @param contextActivities IRIs from {@code context.contextActivities} (parent, grouping, category, other), in order
 * @param kindExtension     the evidence kind from the context extension, or {@code null}
 */
record Statement(
        String id,
        JsonNode body,
        String actorType,
        List<String> actorKeys,
        String accountName,
        String verbId,
        String verb,
        String objectType,
        String objectId,
        String objectDefinitionType,
        Double scaled,
        Double raw,
        Double min,
        Double max,
        Boolean success,
        Instant timestamp,
        List<String> contextActivities,
        String kindExtension,
        String platform) {}
