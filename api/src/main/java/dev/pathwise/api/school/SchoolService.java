package dev.pathwise.api.school;

import dev.pathwise.api.audit.AuditTrail;
import dev.pathwise.api.limits.InputLimits;
import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.tenant.Caller;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, renames and removes schools; a school that learners or classes refer to is not removed. */
@Service
public class SchoolService {

    private final SchoolRepository schools;
    private final SchoolDirectory directory;
    private final AuditTrail audit;

    public SchoolService(SchoolRepository schools, SchoolDirectory directory, AuditTrail audit) {
        this.schools = schools;
        this.directory = directory;
        this.audit = audit;
    }

    /** A school as the API shows it. */
    public record SchoolJson(String id, String name, long learners, long classes) {
        static SchoolJson of(SchoolRepository.School s) {
            return new SchoolJson(s.id(), s.name(), s.learners(), s.classes());
        }
    }

    /** What a client sends: the id (in the body for POST, from the path for PUT) and the name. */
    public record SchoolRequest(String id, String name) {}

    public List<SchoolJson> list(String tenantId) {
        return schools.all(tenantId).stream().map(SchoolJson::of).toList();
    }

    public SchoolJson get(String tenantId, String schoolId) {
        return SchoolJson.of(directory.require(tenantId, schoolId));
    }

    @Transactional
    public SchoolJson create(Caller caller, SchoolRequest request) {
        String id = InputLimits.resourceId("id", request.id());
        String name = InputLimits.name("name", request.name());
        if (schools.exists(caller.tenantId(), id)) {
            throw ApiProblem.conflict(
                    "school-exists",
                    "id",
                    id,
                    "id: school '" + id + "' already exists; rename it" + " with PUT /v1/schools/" + id);
        }
        schools.insert(caller.tenantId(), id, name);
        audit.record(caller, "school.created", "school", id, name);
        return get(caller.tenantId(), id);
    }

    /** Creates the school or renames it. */
    @Transactional
    public SchoolJson put(Caller caller, String schoolId, SchoolRequest request) {
        String id = InputLimits.resourceId("id", schoolId);
        if (request.id() != null && !request.id().equals(id)) {
            throw ApiProblem.invalid(
                    "id",
                    request.id(),
                    "id: '" + request.id() + "' differs from the path's '" + id
                            + "'; a school's id does not change (leave id out of the body)");
        }
        String name = InputLimits.name("name", request.name());
        if (schools.rename(caller.tenantId(), id, name)) {
            audit.record(caller, "school.renamed", "school", id, name);
        } else {
            schools.insert(caller.tenantId(), id, name);
            audit.record(caller, "school.created", "school", id, name);
        }
        return get(caller.tenantId(), id);
    }

    @Transactional
    public void delete(Caller caller, String schoolId) {
        SchoolRepository.School school = directory.require(caller.tenantId(), schoolId);
        if (school.learners() > 0 || school.classes() > 0) {
            throw ApiProblem.conflict(
                    "school-in-use",
                    "schoolId",
                    schoolId,
                    "school '" + schoolId + "' still has "
                            + school.learners() + " learner(s) and " + school.classes()
                            + " class(es); move the learners"
                            + " (PUT /v1/learners/{id} with another schoolId) and delete the classes first");
        }
        schools.delete(caller.tenantId(), schoolId);
        audit.record(caller, "school.deleted", "school", schoolId, null);
    }
}
