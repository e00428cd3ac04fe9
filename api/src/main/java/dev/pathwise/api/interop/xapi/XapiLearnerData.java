package dev.pathwise.api.interop.xapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the xAPI tables hold about one learner: the actor keys mapped to them ({@code xapi_actors}), the statements
 * parked for those actors ({@code xapi_unmapped}, by actor key, or by an account name that is the learner's id), and
 * the statements received as they were ({@code xapi_statements}: those that became the learner's evidence, those
 * parked, and any other whose actor is one of the learner's); read for the learner's export, deleted with the
 * learner's erasure.
 */
@Component
public class XapiLearnerData {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public XapiLearnerData(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The learner's actor keys, the statements parked for them, and every statement received about them. */
    public record Held(List<String> actorKeys, List<String> parkedStatements, List<String> receivedStatements) {}

    /** What is held, {@code evidenceIds} being the ids of the learner's evidence (a statement's id is its own). */
    public Held of(String tenantId, String learnerId, Collection<String> evidenceIds) {
        List<String> keys = actorKeys(tenantId, learnerId);
        List<String> parked = new ArrayList<>();
        for (String key : parkedKeys(tenantId, learnerId, keys)) {
            parked.addAll(jdbc.sql("select statement from xapi_unmapped where tenant_id = :t and actor_key = :k"
                            + " order by received_at, statement_id")
                    .param("t", tenantId)
                    .param("k", key)
                    .query(String.class)
                    .list());
        }
        List<String> received = new ArrayList<>();
        for (String id : receivedIds(tenantId, learnerId, keys, evidenceIds)) {
            jdbc.sql("select statement from xapi_statements where tenant_id = :t and statement_id = :s")
                    .param("t", tenantId)
                    .param("s", id)
                    .query(String.class)
                    .optional()
                    .ifPresent(received::add);
        }
        return new Held(keys, parked, received);
    }

    /**
     * Deletes the learner's actor mappings, parked statements and received statements; returns {actors, parked,
     * received} deleted.
     */
    public int[] erase(String tenantId, String learnerId, Collection<String> evidenceIds) {
        List<String> keys = actorKeys(tenantId, learnerId);
        int received = 0;
        for (String id : receivedIds(tenantId, learnerId, keys, evidenceIds)) {
            received += jdbc.sql("delete from xapi_statements where tenant_id = :t and statement_id = :s")
                    .param("t", tenantId)
                    .param("s", id)
                    .update();
        }
        int parked = 0;
        for (String key : parkedKeys(tenantId, learnerId, keys)) {
            parked += jdbc.sql("delete from xapi_unmapped where tenant_id = :t and actor_key = :k")
                    .param("t", tenantId)
                    .param("k", key)
                    .update();
        }
        int actors = jdbc.sql("delete from xapi_actors where tenant_id = :t and learner_id = :l")
                .param("t", tenantId)
                .param("l", learnerId)
                .update();
        return new int[] {actors, parked, received};
    }

    private List<String> actorKeys(String tenantId, String learnerId) {
        return jdbc.sql("select actor_key from xapi_actors where tenant_id = :t and learner_id = :l"
                        + " order by actor_key")
                .param("t", tenantId)
                .param("l", learnerId)
                .query(String.class)
                .list();
    }

    /** The mapped keys, and the account keys whose name is the learner's id (whatever their home page). */
    private List<String> parkedKeys(String tenantId, String learnerId, List<String> mapped) {
        List<String> keys = new ArrayList<>(mapped);
        jdbc
                .sql("select distinct actor_key from xapi_unmapped where tenant_id = :t and actor_key like 'account:%'")
                .param("t", tenantId)
                .query(String.class)
                .list()
                .stream()
                .filter(key -> key.endsWith("|" + learnerId) && !keys.contains(key))
                .forEach(keys::add);
        return keys;
    }

    /**
     * The ids of the received statements about the learner: those that became their evidence, those parked for
     * them, and those whose actor is one of the learner's keys (or an account named by the learner's id).
     */
    private Set<String> receivedIds(
            String tenantId, String learnerId, List<String> keys, Collection<String> evidenceIds) {
        Set<String> ids = new LinkedHashSet<>(evidenceIds);
        for (String key : parkedKeys(tenantId, learnerId, keys)) {
            ids.addAll(jdbc.sql("select statement_id from xapi_unmapped where tenant_id = :t and actor_key = :k")
                    .param("t", tenantId)
                    .param("k", key)
                    .query(String.class)
                    .list());
        }
        List<String> needles = new ArrayList<>(List.of(learnerId));
        keys.forEach(key -> needles.add(key.substring(key.indexOf(':') + 1)));
        for (String needle : needles) {
            String like = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            jdbc
                    .sql("select statement_id, statement from xapi_statements where tenant_id = :t"
                            + " and statement like :needle escape '\\'")
                    .param("t", tenantId)
                    .param("needle", like)
                    .query((rs, n) -> actorIsLearner(rs.getString(2), learnerId, keys) ? rs.getString(1) : null)
                    .list()
                    .stream()
                    .filter(java.util.Objects::nonNull)
                    .forEach(ids::add);
        }
        return ids;
    }

    private boolean actorIsLearner(String statement, String learnerId, List<String> keys) {
        try {
            JsonNode actor = json.readTree(statement).path("actor");
            for (String key : ActorKeys.of(actor)) {
                if (keys.contains(key) || (key.startsWith("account:") && key.endsWith("|" + learnerId))) {
                    return true;
                }
            }
            return false;
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
