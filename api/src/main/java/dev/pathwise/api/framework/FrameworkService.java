package dev.pathwise.api.framework;

import dev.pathwise.api.activity.CurriculumCache;
import dev.pathwise.api.framework.FrameworkRepository.StoredFramework;
import dev.pathwise.api.limits.InputLimits;
import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.problem.Problems;
import dev.pathwise.engine.activity.Curriculum;
import dev.pathwise.engine.framework.Framework;
import dev.pathwise.engine.framework.FrameworkException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Validates and stores a tenant's frameworks (one per subject, say), keeping them consistent with each other and with
 * the activities: competency ids are unique across the tenant's frameworks, and every offered activity still aligns
 * to a competency that exists.
 */
@Service
public class FrameworkService {

    /** The longest full statement kept (the name shown is shorter); CASE sets no limit, this bounds a hostile body. */
    public static final int STATEMENT = 100_000;

    private final FrameworkRepository frameworks;
    private final CurriculumCache curricula;
    private final Clock clock;

    public FrameworkService(FrameworkRepository frameworks, CurriculumCache curricula, Clock clock) {
        this.frameworks = frameworks;
        this.curricula = curricula;
        this.clock = clock;
    }

    /** What a save did: the framework as stored, and whether it is new. */
    public record Saved(FrameworkJson framework, boolean created) {}

    /**
     * Creates the framework, or replaces the tenant's framework with the same id.
     *
     * @throws ApiProblem 400 for an invalid framework, 409 when a competency id is taken by another framework of the
     *                    tenant, the CASE document is another framework's, or an activity would lose its competency
     */
    @Transactional
    public Saved save(String tenantId, FrameworkJson request) {
        check(request);
        Framework framework;
        try {
            framework = Framework.of(
                    request.id(),
                    request.name(),
                    request.competencies().stream()
                            .map(CompetencyJson::toDomain)
                            .toList());
        } catch (FrameworkException e) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    "invalid-framework",
                    "competencies",
                    request.id(),
                    e.getMessage(),
                    e.problems());
        } catch (IllegalArgumentException e) {
            throw Problems.fromEngine(e, "competencies", null);
        }
        List<StoredFramework> existing = frameworks.all(tenantId);
        StoredFramework earlier = existing.stream()
                .filter(f -> f.id().equals(request.id()))
                .findFirst()
                .orElse(null);
        String document = request.caseDocumentIdentifier() != null
                ? request.caseDocumentIdentifier()
                : earlier != null && earlier.caseDocument() != null
                        ? earlier.caseDocument()
                        : documentIdentifier(tenantId, request.id());
        List<Framework> after = new ArrayList<>();
        Map<String, String> owners = new HashMap<>();
        List<String> taken = new ArrayList<>();
        for (StoredFramework other : existing) {
            if (other.id().equals(request.id())) {
                continue;
            }
            if (document.equals(other.caseDocument())) {
                throw ApiProblem.conflict(
                        "case-document-taken",
                        "caseDocumentIdentifier",
                        document,
                        "caseDocumentIdentifier: CASE document '" + document + "' is kept as framework '" + other.id()
                                + "'; a CASE document is one framework");
            }
            other.competencies().forEach(c -> owners.put(c.id(), other.id()));
            after.add(CurriculumCache.domain(other.id(), other.name(), other.competencies()));
        }
        for (CompetencyJson c : request.competencies()) {
            if (owners.containsKey(c.id())) {
                taken.add("competency '" + c.id() + "' is already in framework '" + owners.get(c.id()) + "'");
            }
        }
        if (!taken.isEmpty()) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "competency-id-taken",
                    "competencies",
                    request.id(),
                    taken.size() + " competency id(s) of framework '" + request.id() + "' belong to another framework"
                            + " of this tenant; competency ids are unique across a tenant's frameworks (evidence,"
                            + " mastery and reports name competencies by id), so rename them: " + taken.get(0),
                    taken);
        }
        after.add(framework);
        try {
            Curriculum.of(after, curricula.activities(tenantId));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.conflict(
                    "activities-misaligned",
                    "competencies",
                    request.id(),
                    "The framework leaves activities without their competency (retire them with DELETE"
                            + " /v1/activities/{id}, or align them elsewhere first): " + e.getMessage());
        }
        FrameworkJson stored = new FrameworkJson(request.id(), framework.name(), document, request.competencies());
        frameworks.save(tenantId, stored, clock.instant());
        curricula.invalidateAfterCommit(tenantId);
        return new Saved(stored, earlier == null);
    }

    /** The tenant's frameworks, oldest first. */
    public List<StoredFramework> list(String tenantId) {
        return frameworks.all(tenantId);
    }

    public FrameworkJson get(String tenantId, String frameworkId) {
        return frameworks.find(tenantId, frameworkId).map(StoredFramework::json).orElseThrow(() -> {
            List<String> ids =
                    frameworks.all(tenantId).stream().map(StoredFramework::id).toList();
            return ApiProblem.notFound(
                    "frameworkId",
                    frameworkId,
                    "framework '" + frameworkId + "' does not exist"
                            + (ids.isEmpty()
                                    ? "; POST /v1/frameworks to create it"
                                    : "; this tenant has " + ids + "."
                                            + dev.pathwise.engine.spelling.Suggestions.idHint(frameworkId, ids)));
        });
    }

    /** The CASE document identifier a framework made in Pathwise is served as: a name-based UUID, stable. */
    public static String documentIdentifier(String tenantId, String frameworkId) {
        return UUID.nameUUIDFromBytes(
                        ("pathwise:framework:" + tenantId + ":" + frameworkId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static void check(FrameworkJson request) {
        if (request.id() == null || request.id().isBlank()) {
            throw ApiProblem.invalid("id", request.id(), "id: a framework needs a non-blank id");
        }
        if (request.competencies() == null) {
            throw ApiProblem.invalid("competencies", null, "competencies: send a list of competencies");
        }
        InputLimits.id("id", request.id());
        InputLimits.text("name", request.name(), InputLimits.NAME);
        InputLimits.id("caseDocumentIdentifier", request.caseDocumentIdentifier(), InputLimits.NAME);
        InputLimits.list("competencies", request.competencies(), InputLimits.FRAMEWORK_SIZE);
        for (int i = 0; i < request.competencies().size(); i++) {
            CompetencyJson c = request.competencies().get(i);
            if (c == null) {
                throw ApiProblem.invalid(
                        "competencies[" + i + "]",
                        null,
                        "competencies[" + i + "]: is null;" + " send a competency object");
            }
            String at = "competencies[" + i + "].";
            InputLimits.id(at + "id", c.id());
            InputLimits.text(at + "name", c.name(), InputLimits.NAME);
            InputLimits.text(at + "statement", c.statement(), STATEMENT);
            InputLimits.id(at + "parentId", c.parentId());
            InputLimits.ids(at + "prerequisiteIds", c.prerequisiteIds());
            InputLimits.ids(at + "otherParentIds", c.otherParentIds());
            InputLimits.id(at + "externalId", c.externalId(), InputLimits.NAME);
            InputLimits.list(at + "externalReferences", c.externalReferences(), InputLimits.LIST);
            if (c.externalReferences() != null) {
                for (int r = 0; r < c.externalReferences().size(); r++) {
                    CompetencyJson.ExternalReference ref =
                            c.externalReferences().get(r);
                    String refAt = at + "externalReferences[" + r + "].";
                    if (ref == null) {
                        throw ApiProblem.invalid(refAt, null, refAt + ": is null; send a reference object");
                    }
                    InputLimits.id(refAt + "identifier", ref.identifier(), InputLimits.NAME);
                    InputLimits.text(refAt + "uri", ref.uri(), 1_000);
                    InputLimits.text(refAt + "title", ref.title(), InputLimits.TEXT);
                    InputLimits.id(refAt + "associationType", ref.associationType());
                }
            }
        }
    }
}
