package dev.pathwise.api.activity;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.pathwise.api.framework.CompetencyJson;
import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.engine.activity.Activity;
import dev.pathwise.engine.activity.Curriculum;
import dev.pathwise.engine.framework.Competency;
import dev.pathwise.engine.framework.Framework;

/**
 * The tenant's curriculum (framework + activities), read from the database once and kept until the framework or the
 * activities change. Curricula are immutable, so evaluations share them freely.
 */
@Component
public class CurriculumCache {

    private static final TypeReference<List<CompetencyJson>> COMPETENCIES = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ConcurrentMap<String, Curriculum> byTenant = new ConcurrentHashMap<>();

    public CurriculumCache(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @throws ApiProblem 409 when the tenant has no framework yet */
    public Curriculum curriculum(String tenantId) {
        Curriculum cached = byTenant.get(tenantId);
        if (cached != null) {
            return cached;
        }
        Framework framework = framework(tenantId).orElseThrow(() -> ApiProblem.conflict("framework-missing",
                "framework", null, "this tenant has no framework yet; POST /v1/frameworks first"));
        Curriculum curriculum = Curriculum.of(framework, activities(tenantId));
        byTenant.put(tenantId, curriculum);
        return curriculum;
    }

    public Optional<Framework> framework(String tenantId) {
        Curriculum cached = byTenant.get(tenantId);
        if (cached != null) {
            return Optional.of(cached.framework());
        }
        return jdbc.sql("select framework_id, name, competencies from frameworks where tenant_id = :t")
                .param("t", tenantId)
                .query((rs, n) -> Framework.of(rs.getString(1), rs.getString(2), competencies(rs.getString(3))))
                .optional();
    }

    /** The tenant's activities as stored, in id order. */
    public List<Activity> activities(String tenantId) {
        return jdbc.sql("select body from activities where tenant_id = :t order by activity_id")
                .param("t", tenantId)
                .query((rs, n) -> read(rs.getString(1), ActivityJson.class).toDomain())
                .list();
    }

    /** Drops the cached curriculum once the current transaction commits (at once outside a transaction). */
    public void invalidateAfterCommit(String tenantId) {
        byTenant.remove(tenantId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    byTenant.remove(tenantId);
                }
            });
        }
    }

    private List<Competency> competencies(String text) {
        try {
            return json.readValue(text, COMPETENCIES).stream().map(CompetencyJson::toDomain).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored framework is not valid JSON", e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored " + type.getSimpleName() + " is not valid JSON", e);
        }
    }
}
