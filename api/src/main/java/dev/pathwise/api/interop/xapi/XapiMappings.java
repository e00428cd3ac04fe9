package dev.pathwise.api.interop.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pathwise.api.activity.ActivityRepository;
import dev.pathwise.api.activity.CurriculumCache;
import dev.pathwise.api.interop.Iris;
import dev.pathwise.api.learner.LearnerRepository;
import dev.pathwise.api.limits.InputLimits;
import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.engine.activity.Curriculum;
import dev.pathwise.engine.framework.Competency;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where xAPI names meet Pathwise ids. Actors: the {@code xapi_actors} table, else an account name that is a learner
 * id. Activity IRIs: the tenant's alignments ({@code PUT /v1/xapi/alignments}), else an activity's {@code iri},
 * else a CASE item's uri or identifier, else a competency's external id.
 */
@Component
public class XapiMappings {

    /** Mappings in one request, as for evidence in one batch. */
    static final int MAPPINGS_PER_REQUEST = 1_000;

    private final JdbcClient jdbc;
    private final LearnerRepository learners;
    private final CurriculumCache curricula;
    private final ActivityRepository activities;
    private final Clock clock;

    public XapiMappings(
            JdbcClient jdbc,
            LearnerRepository learners,
            CurriculumCache curricula,
            ActivityRepository activities,
            Clock clock) {
        this.activities = activities;
        this.jdbc = jdbc;
        this.learners = learners;
        this.curricula = curricula;
        this.clock = clock;
    }

    /** An actor key and the learner it maps to. */
    public record ActorMapping(String actorKey, String learnerId) {}

    /** An IRI and what it maps to; {@code source} says where the mapping comes from. */
    public record Alignment(String iri, String activityId, String competencyId, String source) {}

    Optional<String> learner(String tenantId, Statement statement) {
        for (String key : statement.actorKeys()) {
            Optional<String> mapped = jdbc.sql(
                            "select learner_id from xapi_actors where tenant_id = :t" + " and actor_key = :k")
                    .param("t", tenantId)
                    .param("k", key)
                    .query(String.class)
                    .optional();
            if (mapped.isPresent()) {
                return mapped;
            }
        }
        String name = statement.accountName();
        if (name != null && learners.find(tenantId, name).isPresent()) {
            return Optional.of(name);
        }
        return Optional.empty();
    }

    Optional<Alignment> object(String tenantId, String iri) {
        Optional<Alignment> explicit = jdbc.sql(
                        "select activity_id, competency_id from iri_alignments" + " where tenant_id = :t and iri = :i")
                .param("t", tenantId)
                .param("i", iri)
                .query((rs, n) -> new Alignment(iri, rs.getString(1), rs.getString(2), "alignment"))
                .optional();
        if (explicit.isPresent()) {
            return explicit;
        }
        Optional<String> activity = activities.idByIri(tenantId, iri);
        if (activity.isPresent()) {
            return Optional.of(new Alignment(iri, activity.get(), null, "activity"));
        }
        Optional<String> item = jdbc.sql("select competency_id from case_items where tenant_id = :t"
                        + " and in_framework = true and (uri = :i or identifier = :i) order by document_identifier"
                        + " fetch first 1 rows only")
                .param("t", tenantId)
                .param("i", iri)
                .query(String.class)
                .optional();
        if (item.isPresent()) {
            return Optional.of(new Alignment(iri, null, item.get(), "case"));
        }
        return curricula
                .framework(tenantId)
                .flatMap(f -> f.competencies().stream()
                        .filter(c -> iri.equals(c.externalId()))
                        .map(Competency::id)
                        .findFirst())
                .map(id -> new Alignment(iri, null, id, "externalId"));
    }

    /**
     * Sets actor → learner mappings, all or none: each actor an xAPI Agent (or its key), each learner existing, at
     * most {@value #MAPPINGS_PER_REQUEST} per request.
     */
    @Transactional
    public List<ActorMapping> putActors(String tenantId, JsonNode body) {
        JsonNode items = requireList(
                body,
                "send a JSON array of {\"actor\": {xAPI Agent}, \"learnerId\": ...}"
                        + " (or {\"key\": \"mbox:mailto:...\", \"learnerId\": ...})");
        List<ActorMapping> mappings = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String at = "[" + i + "]";
            if (!item.isObject()) {
                throw ApiProblem.invalid(at, null, at + ": send an object {\"actor\": {...}, \"learnerId\": ...}");
            }
            String learnerId = StatementReader.text(item, "learnerId");
            if (learnerId == null) {
                throw ApiProblem.invalid(at + ".learnerId", null, at + ".learnerId: is required");
            }
            InputLimits.id(at + ".learnerId", learnerId);
            learners.require(tenantId, learnerId);
            mappings.add(new ActorMapping(actorKey(item, at), learnerId));
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        for (ActorMapping mapping : mappings) {
            int updated = jdbc.sql("update xapi_actors set learner_id = :l, updated_at = :at where tenant_id = :t"
                            + " and actor_key = :k")
                    .param("l", mapping.learnerId())
                    .param("at", now)
                    .param("t", tenantId)
                    .param("k", mapping.actorKey())
                    .update();
            if (updated == 0) {
                jdbc.sql("insert into xapi_actors (tenant_id, actor_key, learner_id, updated_at)"
                                + " values (:t, :k, :l, :at)")
                        .param("t", tenantId)
                        .param("k", mapping.actorKey())
                        .param("l", mapping.learnerId())
                        .param("at", now)
                        .update();
            }
        }
        return mappings;
    }

    /** The key of the item's actor: given as {@code key}, or read from an xAPI Agent validated as a statement's. */
    private static String actorKey(JsonNode item, String at) {
        if (item.has("key")) {
            String key = item.get("key").isTextual() ? item.get("key").textValue() : null;
            String wrong = key == null ? "is not a string" : ActorKeys.problem(key);
            if (wrong != null) {
                throw ApiProblem.invalid(
                        at + ".key", key == null ? null : XapiFormats.shown(key), at + ".key: " + wrong);
            }
            return key;
        }
        JsonNode actor = item.get("actor");
        if (actor == null || !actor.isObject()) {
            throw ApiProblem.invalid(
                    at + ".actor",
                    null,
                    at + ".actor: send an xAPI Agent with an account {homePage,"
                            + " name} or an mbox, or give the key itself");
        }
        StatementChecks checks = new StatementChecks();
        new AgentRules(checks).agentOrGroup(actor, at + ".actor", AgentRules.Role.MEMBER);
        if (!checks.violations().isEmpty()) {
            StatementChecks.Violation first = checks.violations().get(0);
            throw ApiProblem.invalid(
                    first.path(),
                    first.value(),
                    first.message() + " (rule " + first.rule() + ", xAPI " + first.section() + ")");
        }
        return ActorKeys.of(actor).get(0);
    }

    private static JsonNode requireList(JsonNode body, String how) {
        if (body == null || !body.isArray()) {
            throw ApiProblem.invalid("body", null, "body: " + how);
        }
        if (body.size() > MAPPINGS_PER_REQUEST) {
            throw new ApiProblem(
                    org.springframework.http.HttpStatus.PAYLOAD_TOO_LARGE,
                    "batch-too-large",
                    "body",
                    body.size(),
                    "body: " + body.size() + " items is more than the limit of " + MAPPINGS_PER_REQUEST
                            + " per request; send them in several requests",
                    null);
        }
        return body;
    }

    public List<ActorMapping> actors(String tenantId) {
        return jdbc.sql("select actor_key, learner_id from xapi_actors where tenant_id = :t order by actor_key")
                .param("t", tenantId)
                .query((rs, n) -> new ActorMapping(rs.getString(1), rs.getString(2)))
                .list();
    }

    /**
     * Sets IRI → activity or competency alignments, all or none: each IRI an absolute IRI, each target existing in
     * the tenant's curriculum, at most {@value #MAPPINGS_PER_REQUEST} per request.
     */
    @Transactional
    public List<Alignment> putAlignments(String tenantId, JsonNode body) {
        requireList(
                body,
                "send a JSON array of {\"iri\": ..., \"activityId\": ...} or {\"iri\": ...,"
                        + " \"competencyId\": ...}");
        Curriculum curriculum = curricula.curriculum(tenantId);
        List<Alignment> alignments = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            JsonNode item = body.get(i);
            String iri = StatementReader.text(item, "iri");
            String activityId = StatementReader.text(item, "activityId");
            String competencyId = StatementReader.text(item, "competencyId");
            if (iri == null) {
                throw ApiProblem.invalid("[" + i + "].iri", null, "[" + i + "].iri: is required");
            }
            InputLimits.text("[" + i + "].iri", iri, 1_000);
            String wrongIri = Iris.problem(iri);
            if (wrongIri != null) {
                throw ApiProblem.invalid("[" + i + "].iri", XapiFormats.shown(iri), "[" + i + "].iri: " + wrongIri);
            }
            InputLimits.id("[" + i + "].activityId", activityId);
            InputLimits.id("[" + i + "].competencyId", competencyId, InputLimits.NAME);
            if ((activityId == null) == (competencyId == null)) {
                throw ApiProblem.invalid(
                        "[" + i + "]",
                        iri,
                        "[" + i + "]: align '" + iri + "' to exactly one of" + " activityId or competencyId");
            }
            if (activityId != null && curriculum.activity(activityId).isEmpty()) {
                throw ApiProblem.invalid(
                        "[" + i + "].activityId",
                        activityId,
                        "[" + i + "].activityId: unknown" + " activity '" + activityId
                                + "'; POST /v1/activities first");
            }
            if (competencyId != null && !curriculum.framework().contains(competencyId)) {
                String message;
                try {
                    curriculum.framework().get(competencyId);
                    message = "unknown competency";
                } catch (IllegalArgumentException e) {
                    message = e.getMessage();
                }
                throw ApiProblem.invalid(
                        "[" + i + "].competencyId", competencyId, "[" + i + "].competencyId: " + message);
            }
            OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
            jdbc.sql("delete from iri_alignments where tenant_id = :t and iri = :i")
                    .param("t", tenantId)
                    .param("i", iri)
                    .update();
            jdbc.sql("insert into iri_alignments (tenant_id, iri, activity_id, competency_id, updated_at)"
                            + " values (:t, :i, :a, :c, :at)")
                    .param("t", tenantId)
                    .param("i", iri)
                    .param("a", activityId)
                    .param("c", competencyId)
                    .param("at", now)
                    .update();
            alignments.add(new Alignment(iri, activityId, competencyId, "alignment"));
        }
        return alignments;
    }

    /** Every IRI the tenant's statements can name: alignments, activity IRIs, CASE items in the framework. */
    public List<Alignment> alignments(String tenantId) {
        List<Alignment> all = new ArrayList<>(jdbc.sql("select iri, activity_id, competency_id from iri_alignments"
                        + " where tenant_id = :t order by iri")
                .param("t", tenantId)
                .query((rs, n) -> new Alignment(rs.getString(1), rs.getString(2), rs.getString(3), "alignment"))
                .list());
        all.addAll(jdbc.sql("select iri, activity_id from activities where tenant_id = :t and iri is not null"
                        + " and retired_at is null order by iri")
                .param("t", tenantId)
                .query((rs, n) -> new Alignment(rs.getString(1), rs.getString(2), null, "activity"))
                .list());
        all.addAll(jdbc.sql("select uri, competency_id from case_items where tenant_id = :t and in_framework = true"
                        + " and uri is not null order by uri")
                .param("t", tenantId)
                .query((rs, n) -> new Alignment(rs.getString(1), null, rs.getString(2), "case"))
                .list());
        return all;
    }
}
