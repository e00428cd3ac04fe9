package dev.pathwise.api.interop.xapi;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.pathwise.api.activity.CurriculumCache;
import dev.pathwise.api.learner.LearnerRepository;
import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.engine.activity.Curriculum;
import dev.pathwise.engine.framework.Competency;

/**
 * Where xAPI names meet Pathwise ids. Actors: the {@code xapi_actors} table, else an account name that is a learner
 * id. Activity IRIs: the tenant's alignments ({@code PUT /v1/xapi/alignments}), else an activity's {@code iri},
 * else a CASE item's uri or identifier, else a competency's external id.
 */
@Component
public class XapiMappings {

    private final JdbcClient jdbc;
    private final LearnerRepository learners;
    private final CurriculumCache curricula;
    private final Clock clock;

    public XapiMappings(JdbcClient jdbc, LearnerRepository learners, CurriculumCache curricula, Clock clock) {
        this.jdbc = jdbc;
        this.learners = learners;
        this.curricula = curricula;
        this.clock = clock;
    }

    /** An actor key and the learner it maps to. */
    public record ActorMapping(String actorKey, String learnerId) {
    }

    /** An IRI and what it maps to; {@code source} says where the mapping comes from. */
    public record Alignment(String iri, String activityId, String competencyId, String source) {
    }

    Optional<String> learner(String tenantId, Statement statement) {
        for (String key : statement.actorKeys()) {
            Optional<String> mapped = jdbc.sql("select learner_id from xapi_actors where tenant_id = :t"
                    + " and actor_key = :k").param("t", tenantId).param("k", key).query(String.class).optional();
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
        Optional<Alignment> explicit = jdbc.sql("select activity_id, competency_id from iri_alignments"
                        + " where tenant_id = :t and iri = :i").param("t", tenantId).param("i", iri)
                .query((rs, n) -> new Alignment(iri, rs.getString(1), rs.getString(2), "alignment")).optional();
        if (explicit.isPresent()) {
            return explicit;
        }
        Optional<String> activity = jdbc.sql("select activity_id from activities where tenant_id = :t and iri = :i"
                        + " order by activity_id").param("t", tenantId).param("i", iri).query(String.class).list()
                .stream().findFirst();
        if (activity.isPresent()) {
            return Optional.of(new Alignment(iri, activity.get(), null, "activity"));
        }
        Optional<String> item = jdbc.sql("select competency_id from case_items where tenant_id = :t"
                        + " and in_framework = true and (uri = :i or identifier = :i)")
                .param("t", tenantId).param("i", iri).query(String.class).list().stream().findFirst();
        if (item.isPresent()) {
            return Optional.of(new Alignment(iri, null, item.get(), "case"));
        }
        return curricula.framework(tenantId).flatMap(f -> f.competencies().stream()
                .filter(c -> iri.equals(c.externalId())).map(Competency::id).findFirst())
                .map(id -> new Alignment(iri, null, id, "externalId"));
    }

    /** Sets actor → learner mappings; each learner must exist. */
    @Transactional
    public List<ActorMapping> putActors(String tenantId, JsonNode body) {
        List<ActorMapping> mappings = new ArrayList<>();
        JsonNode items = body != null && body.isArray() ? body : null;
        if (items == null) {
            throw ApiProblem.invalid("body", null, "body: send a JSON array of {\"actor\": {xAPI Agent}, \"learnerId\":"
                    + " ...} (or {\"key\": \"mbox:mailto:...\", \"learnerId\": ...})");
        }
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String learnerId = StatementReader.text(item, "learnerId");
            if (learnerId == null) {
                throw ApiProblem.invalid("[" + i + "].learnerId", null, "[" + i + "].learnerId: is required");
            }
            learners.require(tenantId, learnerId);
            String key = StatementReader.text(item, "key");
            if (key == null) {
                List<String> keys = item.path("actor").isObject() ? ActorKeys.of(item.get("actor")) : List.of();
                if (keys.isEmpty()) {
                    throw ApiProblem.invalid("[" + i + "].actor", null, "[" + i + "].actor: send an xAPI Agent with"
                            + " an account {homePage, name} or an mbox, or give the key itself");
                }
                key = keys.get(0);
            }
            OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
            int updated = jdbc.sql("update xapi_actors set learner_id = :l, updated_at = :at where tenant_id = :t"
                    + " and actor_key = :k").param("l", learnerId).param("at", now).param("t", tenantId)
                    .param("k", key).update();
            if (updated == 0) {
                jdbc.sql("insert into xapi_actors (tenant_id, actor_key, learner_id, updated_at)"
                                + " values (:t, :k, :l, :at)")
                        .param("t", tenantId).param("k", key).param("l", learnerId).param("at", now).update();
            }
            mappings.add(new ActorMapping(key, learnerId));
        }
        return mappings;
    }

    public List<ActorMapping> actors(String tenantId) {
        return jdbc.sql("select actor_key, learner_id from xapi_actors where tenant_id = :t order by actor_key")
                .param("t", tenantId).query((rs, n) -> new ActorMapping(rs.getString(1), rs.getString(2))).list();
    }

    /** Sets IRI → activity or competency alignments; each target must exist in the tenant's curriculum. */
    @Transactional
    public List<Alignment> putAlignments(String tenantId, JsonNode body) {
        if (body == null || !body.isArray()) {
            throw ApiProblem.invalid("body", null, "body: send a JSON array of {\"iri\": ..., \"activityId\": ...}"
                    + " or {\"iri\": ..., \"competencyId\": ...}");
        }
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
            if ((activityId == null) == (competencyId == null)) {
                throw ApiProblem.invalid("[" + i + "]", iri, "[" + i + "]: align '" + iri + "' to exactly one of"
                        + " activityId or competencyId");
            }
            if (activityId != null && curriculum.activity(activityId).isEmpty()) {
                throw ApiProblem.invalid("[" + i + "].activityId", activityId, "[" + i + "].activityId: unknown"
                        + " activity '" + activityId + "'; POST /v1/activities first");
            }
            if (competencyId != null && !curriculum.framework().contains(competencyId)) {
                String message;
                try {
                    curriculum.framework().get(competencyId);
                    message = "unknown competency";
                } catch (IllegalArgumentException e) {
                    message = e.getMessage();
                }
                throw ApiProblem.invalid("[" + i + "].competencyId", competencyId, "[" + i + "].competencyId: "
                        + message);
            }
            OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
            jdbc.sql("delete from iri_alignments where tenant_id = :t and iri = :i").param("t", tenantId)
                    .param("i", iri).update();
            jdbc.sql("insert into iri_alignments (tenant_id, iri, activity_id, competency_id, updated_at)"
                            + " values (:t, :i, :a, :c, :at)")
                    .param("t", tenantId).param("i", iri).param("a", activityId).param("c", competencyId)
                    .param("at", now).update();
            alignments.add(new Alignment(iri, activityId, competencyId, "alignment"));
        }
        return alignments;
    }

    /** Every IRI the tenant's statements can name: alignments, activity IRIs, CASE items in the framework. */
    public List<Alignment> alignments(String tenantId) {
        List<Alignment> all = new ArrayList<>(jdbc.sql("select iri, activity_id, competency_id from iri_alignments"
                        + " where tenant_id = :t order by iri").param("t", tenantId)
                .query((rs, n) -> new Alignment(rs.getString(1), rs.getString(2), rs.getString(3), "alignment"))
                .list());
        all.addAll(jdbc.sql("select iri, activity_id from activities where tenant_id = :t and iri is not null"
                        + " order by iri").param("t", tenantId)
                .query((rs, n) -> new Alignment(rs.getString(1), rs.getString(2), null, "activity")).list());
        all.addAll(jdbc.sql("select uri, competency_id from case_items where tenant_id = :t and in_framework = true"
                        + " and uri is not null order by uri").param("t", tenantId)
                .query((rs, n) -> new Alignment(rs.getString(1), null, rs.getString(2), "case")).list());
        return all;
    }
}
