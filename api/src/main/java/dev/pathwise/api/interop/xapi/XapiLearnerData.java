package dev.pathwise.api.interop.xapi;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the xAPI tables hold about one learner: the actor keys mapped to them ({@code xapi_actors}) and the parked
 * statements of those actors ({@code xapi_unmapped}, by actor key, or by an account name that is the learner's id);
 * read for the learner's export, deleted with the learner's erasure.
 */
@Component
public class XapiLearnerData {

    private final JdbcClient jdbc;

    public XapiLearnerData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The learner's actor keys and the statements parked for them. */
    public record Held(List<String> actorKeys, List<String> parkedStatements) {
    }

    public Held of(String tenantId, String learnerId) {
        List<String> keys = actorKeys(tenantId, learnerId);
        List<String> parked = new ArrayList<>();
        for (String key : parkedKeys(tenantId, learnerId, keys)) {
            parked.addAll(jdbc.sql("select statement from xapi_unmapped where tenant_id = :t and actor_key = :k"
                    + " order by received_at, statement_id").param("t", tenantId).param("k", key)
                    .query(String.class).list());
        }
        return new Held(keys, parked);
    }

    /** Deletes the learner's actor mappings and parked statements; returns {actors, statements} deleted. */
    public int[] erase(String tenantId, String learnerId) {
        List<String> keys = actorKeys(tenantId, learnerId);
        int statements = 0;
        for (String key : parkedKeys(tenantId, learnerId, keys)) {
            statements += jdbc.sql("delete from xapi_unmapped where tenant_id = :t and actor_key = :k")
                    .param("t", tenantId).param("k", key).update();
        }
        int actors = jdbc.sql("delete from xapi_actors where tenant_id = :t and learner_id = :l")
                .param("t", tenantId).param("l", learnerId).update();
        return new int[] {actors, statements};
    }

    private List<String> actorKeys(String tenantId, String learnerId) {
        return jdbc.sql("select actor_key from xapi_actors where tenant_id = :t and learner_id = :l"
                        + " order by actor_key")
                .param("t", tenantId).param("l", learnerId).query(String.class).list();
    }

    /** The mapped keys, and the account keys whose name is the learner's id (whatever their home page). */
    private List<String> parkedKeys(String tenantId, String learnerId, List<String> mapped) {
        List<String> keys = new ArrayList<>(mapped);
        jdbc.sql("select distinct actor_key from xapi_unmapped where tenant_id = :t and actor_key like 'account:%'")
                .param("t", tenantId).query(String.class).list().stream()
                .filter(key -> key.endsWith("|" + learnerId) && !keys.contains(key)).forEach(keys::add);
        return keys;
    }
}
