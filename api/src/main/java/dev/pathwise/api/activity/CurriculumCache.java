package dev.pathwise.api.activity;

import dev.pathwise.api.framework.CompetencyJson;
import dev.pathwise.api.framework.FrameworkRepository;
import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.engine.activity.Activity;
import dev.pathwise.engine.activity.Curriculum;
import dev.pathwise.engine.framework.Framework;
import dev.pathwise.engine.framework.FrameworkException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The tenant's curriculum (all its frameworks, combined, and its offered activities), read from the database once and
 * kept until a framework or an activity changes. Curricula are immutable, so evaluations share them freely.
 */
@Component
public class CurriculumCache {

    private final FrameworkRepository frameworks;
    private final ActivityRepository activities;
    private final ConcurrentMap<String, Curriculum> byTenant = new ConcurrentHashMap<>();

    public CurriculumCache(FrameworkRepository frameworks, ActivityRepository activities) {
        this.frameworks = frameworks;
        this.activities = activities;
    }

    /** @throws ApiProblem 409 when the tenant has no framework yet */
    public Curriculum curriculum(String tenantId) {
        Curriculum cached = byTenant.get(tenantId);
        if (cached != null) {
            return cached;
        }
        List<Framework> all = frameworks(tenantId);
        if (all.isEmpty()) {
            throw ApiProblem.conflict(
                    "framework-missing",
                    "framework",
                    null,
                    "this tenant has no framework yet;"
                            + " POST /v1/frameworks (or a CASE package to POST /v1/frameworks/case) first");
        }
        Curriculum curriculum = Curriculum.of(all, activities(tenantId));
        byTenant.put(tenantId, curriculum);
        return curriculum;
    }

    /** The tenant's frameworks combined into one (see {@link Framework#combine}), or empty when it has none. */
    public Optional<Framework> framework(String tenantId) {
        Curriculum cached = byTenant.get(tenantId);
        if (cached != null) {
            return Optional.of(cached.framework());
        }
        List<Framework> all = frameworks(tenantId);
        return all.isEmpty() ? Optional.empty() : Optional.of(Framework.combine(all));
    }

    /** The tenant's frameworks as the engine reads them, oldest first. */
    public List<Framework> frameworks(String tenantId) {
        Curriculum cached = byTenant.get(tenantId);
        if (cached != null) {
            return cached.frameworks();
        }
        return frameworks.all(tenantId).stream()
                .map(f -> domain(f.id(), f.name(), f.competencies()))
                .toList();
    }

    /** A stored framework as the engine reads it. */
    public static Framework domain(String id, String name, List<CompetencyJson> competencies) {
        try {
            return Framework.of(
                    id,
                    name,
                    competencies.stream().map(CompetencyJson::toDomain).toList());
        } catch (FrameworkException e) {
            throw new IllegalStateException("Stored framework '" + id + "' is not valid: " + e.getMessage(), e);
        }
    }

    /** The tenant's offered activities (retired ones left out), in id order. */
    public List<Activity> activities(String tenantId) {
        return activities.all(tenantId, false).stream()
                .map(a -> a.activity().toDomain())
                .toList();
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
}
