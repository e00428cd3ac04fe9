package dev.pathwise.api.activity;

import dev.pathwise.api.framework.CompetencyJson;
import dev.pathwise.api.framework.FrameworkRepository;
import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.sync.TenantChanges;
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
 *
 * <p>A change made here bumps the tenant's curriculum counter in its transaction ({@link TenantChanges}); a change made
 * on another node reaches this one through {@link dev.pathwise.api.sync.ChangeWatcher}, which calls {@link #forget}. A
 * curriculum read while it was forgotten is not kept (each tenant has a generation, moved by every forget).
 */
@Component
public class CurriculumCache {

    private final FrameworkRepository frameworks;
    private final ActivityRepository activities;
    private final TenantChanges changes;
    private final ConcurrentMap<String, Curriculum> byTenant = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Long> generations = new ConcurrentHashMap<>();

    public CurriculumCache(FrameworkRepository frameworks, ActivityRepository activities, TenantChanges changes) {
        this.frameworks = frameworks;
        this.activities = activities;
        this.changes = changes;
    }

    /** @throws ApiProblem 409 when the tenant has no framework yet */
    public Curriculum curriculum(String tenantId) {
        Curriculum cached = byTenant.get(tenantId);
        if (cached != null) {
            return cached;
        }
        long generation = generations.getOrDefault(tenantId, 0L);
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
        // Kept only when nothing was forgotten while it was read: a read that began before a change committed
        // must not outlive the change.
        generations.compute(tenantId, (t, now) -> {
            if ((now == null ? 0L : now) == generation) {
                byTenant.put(tenantId, curriculum);
            }
            return now;
        });
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

    /**
     * Announces a change of the tenant's frameworks or activities in the current transaction (to every node) and drops
     * the cached curriculum at once and again once the transaction ends.
     */
    public void invalidateAfterCommit(String tenantId) {
        changes.curriculumChanged(tenantId);
        forget(tenantId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget(tenantId);
                }
            });
        }
    }

    /** Drops the tenant's cached curriculum: the next evaluation reads it from the database. */
    public void forget(String tenantId) {
        generations.compute(tenantId, (t, now) -> {
            byTenant.remove(tenantId);
            return now == null ? 1L : now + 1;
        });
    }
}
