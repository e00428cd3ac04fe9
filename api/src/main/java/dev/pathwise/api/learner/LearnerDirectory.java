package dev.pathwise.api.learner;

import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.tenant.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Lists learners a page at a time, in id order, within what the caller may read. */
@Service
public class LearnerDirectory {

    static final int MAX_PAGE = 1_000;

    private final LearnerRepository learners;
    private final LearnerScope scope;

    public LearnerDirectory(LearnerRepository learners, LearnerScope scope) {
        this.learners = learners;
        this.scope = scope;
    }

    /** One learner in a list. */
    public record Entry(String id, String givenName, String familyName, int grade, String schoolId) {}

    /** A page; {@code next} is the {@code after} of the next page, or null at the end. */
    public record Page(List<Entry> learners, String next) {}

    public Page page(Caller caller, String school, String classId, String after, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw ApiProblem.invalid("limit", limit, "limit: " + limit + " must be between 1 and " + MAX_PAGE);
        }
        LearnerSelection selection = scope.selection(caller, school, classId, null);
        List<String> ids =
                learners.ids(caller.tenantId(), selection, after == null || after.isBlank() ? null : after, limit);
        Map<String, StoredLearner> found = learners.findAll(caller.tenantId(), ids);
        List<Entry> entries = new ArrayList<>(ids.size());
        for (String id : ids) {
            StoredLearner learner = found.get(id);
            if (learner == null) {
                continue;
            }
            LearnerRepository.Name name = learners.name(caller.tenantId(), id).orElse(null);
            entries.add(new Entry(
                    id,
                    name == null ? null : name.givenName(),
                    name == null ? null : name.familyName(),
                    learner.snapshot().profile().grade(),
                    learner.snapshot().profile().schoolId()));
        }
        return new Page(entries, ids.size() == limit ? ids.get(ids.size() - 1) : null);
    }
}
