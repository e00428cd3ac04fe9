package dev.pathwise.api.school;

import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.engine.spelling.Suggestions;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Checks references to schools: an unknown school id is refused naming the value, with the closest known id
 * ("Maybe you meant 'north-middle'?"). A reference in a request body or query is a 400; a school in the path a 404.
 */
@Component
public class SchoolDirectory {

    private final SchoolRepository schools;

    public SchoolDirectory(SchoolRepository schools) {
        this.schools = schools;
    }

    /** The school id, when it names a school of the tenant; otherwise a 400 naming {@code field}. */
    public String requireReference(String tenantId, String field, String schoolId) {
        if (!schools.exists(tenantId, schoolId)) {
            throw ApiProblem.invalid(field, schoolId, unknown(tenantId, field, schoolId));
        }
        return schoolId;
    }

    /** The message for an unknown school: the value, the closest known id, where to find the list. */
    public String unknown(String tenantId, String field, String schoolId) {
        List<String> known = schools.ids(tenantId);
        return field + ": school '" + schoolId + "' does not exist in this tenant."
                + Suggestions.idHint(schoolId, known)
                + (known.isEmpty()
                        ? " The tenant has no school yet; create one with POST /v1/schools"
                        : " GET /v1/schools lists the " + known.size() + (known.size() == 1 ? " school" : " schools"));
    }

    /** The school of the path, or a 404 naming it. */
    public SchoolRepository.School require(String tenantId, String schoolId) {
        return schools.find(tenantId, schoolId)
                .orElseThrow(() -> ApiProblem.notFound("schoolId", schoolId, unknown(tenantId, "schoolId", schoolId)));
    }

    /** The ids of the tenant's schools, for checks of many references at once. */
    public List<String> ids(String tenantId) {
        return schools.ids(tenantId);
    }
}
