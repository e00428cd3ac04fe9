package dev.pathwise.api.classes;

import dev.pathwise.api.learner.LearnerRepository;
import dev.pathwise.api.tenant.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Object-level authorization for teachers: on every endpoint whose path names a learner ({@code .../learners/{id}...},
 * whatever the feature), a person who is only a teacher passes only for a learner enrolled in a class they teach.
 * Any other learner, of this tenant or not, existing or not, gets the very 404 of a learner that does not exist, so
 * the answer tells nothing. Runs after the API key is authenticated; lists (groups, reports) filter on their own.
 */
public class ClassScopeInterceptor implements HandlerInterceptor {

    static final String LEARNER_IN_PATH = "/learners/{id}";

    private final EnrollmentRepository enrollments;

    public ClassScopeInterceptor(EnrollmentRepository enrollments) {
        this.enrollments = enrollments;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod)) {
            return true;
        }
        Caller caller = Caller.of(request);
        if (caller == null || !caller.seesOwnClassesOnly()) {
            return true;
        }
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (pattern == null || !pattern.toString().contains(LEARNER_IN_PATH)) {
            return true;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> variables =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String learnerId = variables == null ? null : variables.get("id");
        if (learnerId == null || !enrollments.teacherSees(caller.tenantId(), caller.authorUserId(), learnerId)) {
            throw LearnerRepository.unknown(learnerId);
        }
        return true;
    }
}
