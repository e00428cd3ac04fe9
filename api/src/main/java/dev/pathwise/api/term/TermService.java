package dev.pathwise.api.term;

import dev.pathwise.api.audit.AuditTrail;
import dev.pathwise.api.limits.InputLimits;
import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.tenant.Caller;
import dev.pathwise.engine.spelling.Suggestions;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, changes and removes terms; checks their type, dates and parent. */
@Service
public class TermService {

    /** The session types of OneRoster 1.2, as written there. */
    public static final List<String> TYPES = List.of("schoolYear", "semester", "term", "gradingPeriod");

    private final TermRepository terms;
    private final AuditTrail audit;
    private final Clock clock;

    public TermService(TermRepository terms, AuditTrail audit, Clock clock) {
        this.terms = terms;
        this.audit = audit;
        this.clock = clock;
    }

    /** A term in and out: id, title, type, dates, parent term and school year. */
    public record TermJson(
            String id,
            String title,
            String type,
            LocalDate startDate,
            LocalDate endDate,
            String parentId,
            Integer schoolYear) {
        static TermJson of(TermRepository.Term t) {
            return new TermJson(t.id(), t.title(), t.type(), t.startDate(), t.endDate(), t.parentId(), t.schoolYear());
        }
    }

    public List<TermJson> list(String tenantId) {
        return terms.all(tenantId).stream().map(TermJson::of).toList();
    }

    public TermJson get(String tenantId, String termId) {
        return TermJson.of(require(tenantId, termId));
    }

    public TermRepository.Term require(String tenantId, String termId) {
        return terms.find(tenantId, termId)
                .orElseThrow(() -> ApiProblem.notFound("termId", termId, unknown(tenantId, "termId", termId)));
    }

    /** The message for an unknown term, with the closest known id. */
    public String unknown(String tenantId, String field, String termId) {
        return field + ": term '" + termId + "' does not exist in this tenant."
                + Suggestions.idHint(termId, terms.ids(tenantId)) + " GET /v1/terms lists the terms";
    }

    /** The term id, when it names a term of the tenant; otherwise a 400 naming {@code field}. */
    public String requireReference(String tenantId, String field, String termId) {
        if (terms.find(tenantId, termId).isEmpty()) {
            throw ApiProblem.invalid(field, termId, unknown(tenantId, field, termId));
        }
        return termId;
    }

    @Transactional
    public TermJson create(Caller caller, TermJson request) {
        String id = InputLimits.resourceId("id", request.id());
        if (terms.find(caller.tenantId(), id).isPresent()) {
            throw ApiProblem.conflict(
                    "term-exists",
                    "id",
                    id,
                    "id: term '" + id + "' already exists; change it with" + " PUT /v1/terms/" + id);
        }
        return save(caller, id, request);
    }

    /** Creates or replaces the term. */
    @Transactional
    public TermJson put(Caller caller, String termId, TermJson request) {
        String id = InputLimits.resourceId("id", termId);
        if (request.id() != null && !request.id().equals(id)) {
            throw ApiProblem.invalid(
                    "id",
                    request.id(),
                    "id: '" + request.id() + "' differs from the path's '" + id + "'; leave id out of the body");
        }
        return save(caller, id, request);
    }

    @Transactional
    public void delete(Caller caller, String termId) {
        require(caller.tenantId(), termId);
        long classes = terms.classes(caller.tenantId(), termId);
        long children = terms.children(caller.tenantId(), termId);
        if (classes > 0 || children > 0) {
            throw ApiProblem.conflict(
                    "term-in-use",
                    "termId",
                    termId,
                    "term '" + termId + "' is the term of " + classes + " class(es) and the parent of " + children
                            + " term(s); change or delete those first");
        }
        terms.delete(caller.tenantId(), termId);
        audit.record(caller, "term.deleted", "term", termId, null);
    }

    private TermJson save(Caller caller, String id, TermJson request) {
        TermRepository.Term term = check(caller.tenantId(), id, request);
        boolean created = terms.save(caller.tenantId(), term, clock.instant());
        audit.record(caller, created ? "term.created" : "term.updated", "term", id, term.title());
        return get(caller.tenantId(), id);
    }

    /** The term as it will be stored, every field checked. */
    public TermRepository.Term check(String tenantId, String id, TermJson request) {
        String title = InputLimits.name("title", request.title());
        String type = type(request.type());
        if (request.startDate() == null) {
            throw ApiProblem.invalid("startDate", null, "startDate: is required (YYYY-MM-DD)");
        }
        if (request.endDate() == null) {
            throw ApiProblem.invalid("endDate", null, "endDate: is required (YYYY-MM-DD)");
        }
        if (request.endDate().isBefore(request.startDate())) {
            throw ApiProblem.invalid(
                    "endDate",
                    request.endDate().toString(),
                    "endDate: " + request.endDate() + " is before startDate " + request.startDate());
        }
        String parent = request.parentId();
        if (parent != null) {
            if (parent.equals(id)) {
                throw ApiProblem.invalid("parentId", parent, "parentId: a term cannot be its own parent");
            }
            requireReference(tenantId, "parentId", parent);
        }
        Integer year = request.schoolYear();
        if (year != null && (year < 1900 || year > 2999)) {
            throw ApiProblem.invalid("schoolYear", year, "schoolYear: " + year + " is not a year such as 2027");
        }
        return new TermRepository.Term(id, title, type, request.startDate(), request.endDate(), parent, year);
    }

    /** The type as OneRoster writes it, read case-insensitively. */
    public static String type(String given) {
        if (given == null || given.isBlank()) {
            throw ApiProblem.invalid("type", given, "type: is required; use one of " + TYPES);
        }
        for (String type : TYPES) {
            if (type.equalsIgnoreCase(given.strip())) {
                return type;
            }
        }
        throw ApiProblem.invalid(
                "type",
                InputLimits.text("type", given, InputLimits.NAME),
                "type: '" + given + "' is not a term type; use one of " + TYPES + Suggestions.nameHint(given, TYPES));
    }
}
