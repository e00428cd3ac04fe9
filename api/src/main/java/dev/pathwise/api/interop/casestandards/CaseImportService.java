package dev.pathwise.api.interop.casestandards;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pathwise.api.framework.CompetencyJson;
import dev.pathwise.api.framework.FrameworkJson;
import dev.pathwise.api.framework.FrameworkRepository.StoredFramework;
import dev.pathwise.api.framework.FrameworkService;
import dev.pathwise.api.learner.LearnerRepository;
import dev.pathwise.api.learner.StoredLearner;
import dev.pathwise.api.limits.InputLimits;
import dev.pathwise.api.problem.ApiProblem;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a CASE package as one of the tenant's frameworks, in one transaction: the framework through
 * {@link FrameworkService} (which keeps competency ids unique across the tenant's frameworks and activities aligned),
 * then the CASE document, items and associations as published. A package updates the framework kept as its CASE
 * document; any other package creates a new framework. Learners are not touched: their evidence and state stay keyed
 * by competency ids, which an update keeps.
 */
@Service
public class CaseImportService {

    static final String REMOVED_EVIDENCE = "kept: the stored evidence stays, but this competency is no longer"
            + " evaluated, shown on pathways or reported; a later package with the same item identifier brings it"
            + " back under the same id";
    private static final Map<String, String> DEFINITION_USES = Map.of(
            "CFItemTypes", "read: an item's CFItemTypeURI is named by its item type's title",
            "CFSubjects", "kept with the document, not used",
            "CFConcepts", "kept with the document, not used",
            "CFLicenses", "kept with the document, not used",
            "CFAssociationGroupings", "kept with the document, not used",
            "CFRubrics", "kept with the document, not used: mastery follows the tenant's policy");

    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final FrameworkService frameworks;
    private final CaseDocumentRepository documents;
    private final CaseItemRepository items;
    private final CaseAssociationRepository associations;
    private final LearnerRepository learners;
    private final Clock clock;

    public CaseImportService(
            TransactionTemplate transactions,
            ObjectMapper json,
            FrameworkService frameworks,
            CaseDocumentRepository documents,
            CaseItemRepository items,
            CaseAssociationRepository associations,
            LearnerRepository learners,
            Clock clock) {
        this.transactions = transactions;
        this.json = json;
        this.frameworks = frameworks;
        this.documents = documents;
        this.items = items;
        this.associations = associations;
        this.learners = learners;
        this.clock = clock;
    }

    /**
     * @param frameworkId the framework to create or update, or null: the one kept as this CASE document, else a new
     *                    one (named as Pathwise served it, else by the document's identifier)
     */
    public CaseImportResult importPackage(String tenantId, JsonNode body, String frameworkId) {
        if (frameworkId != null) {
            InputLimits.id("frameworkId", frameworkId);
        }
        CasePackage pkg = CasePackageReader.read(body);
        String hash = hash(body);
        return transactions.execute(status -> {
            String document = pkg.document().identifier();
            List<StoredFramework> all = frameworks.list(tenantId);
            StoredFramework target = all.stream()
                    .filter(f -> document.equals(f.caseDocument()))
                    .findFirst()
                    .orElse(null);
            if (target != null && frameworkId != null && !frameworkId.equals(target.id())) {
                throw ApiProblem.conflict(
                        "case-document-taken",
                        "frameworkId",
                        frameworkId,
                        "frameworkId: CASE"
                                + " document '" + document + "' is kept as framework '" + target.id() + "'; import it"
                                + " without frameworkId (or with frameworkId=" + target.id()
                                + ") to update that framework");
            }
            if (target == null && frameworkId != null) {
                target = all.stream()
                        .filter(f -> f.id().equals(frameworkId))
                        .findFirst()
                        .orElse(null);
            }
            String id = target != null ? target.id() : frameworkId != null ? frameworkId : newId(pkg, all);
            StoredFramework current = target;
            Map<String, String> known = new HashMap<>(items.competencyIds(tenantId, document));
            Set<String> taken = new HashSet<>();
            for (StoredFramework f : all) {
                f.competencies().forEach(c -> taken.add(c.id()));
            }
            if (current != null) {
                current.competencies().stream()
                        .filter(c -> c.externalId() != null)
                        .forEach(c -> known.put(c.externalId(), c.id()));
            }
            CaseFrameworkMapping.Mapped mapped = CaseFrameworkMapping.map(pkg, id, known, taken);
            FrameworkJson next = mapped.framework();
            boolean sameFramework = current != null && current.json().equals(next);
            Optional<String> storedHash =
                    documents.find(tenantId, document).map(CaseDocumentRepository.StoredDocument::packageHash);
            if (sameFramework && storedHash.filter(hash::equals).isPresent()) {
                return result("unchanged", pkg, hash, mapped, List.of(), List.of(), List.of());
            }
            Map<String, CompetencyJson> before = new LinkedHashMap<>();
            if (current != null) {
                current.competencies().forEach(c -> before.put(c.id(), c));
            }
            List<String> added = new ArrayList<>();
            List<String> changed = new ArrayList<>();
            for (CompetencyJson competency : next.competencies()) {
                CompetencyJson earlier = before.remove(competency.id());
                if (earlier == null) {
                    added.add(competency.id());
                } else if (!earlier.equals(competency)) {
                    changed.add(competency.id());
                }
            }
            List<CaseImportResult.Removed> removed = removed(tenantId, before);
            frameworks.save(tenantId, next);
            if (current != null
                    && current.caseDocument() != null
                    && !current.caseDocument().equals(document)) {
                items.leaveFramework(tenantId, current.caseDocument());
            }
            documents.save(tenantId, pkg, id, hash, clock.instant());
            items.replace(tenantId, pkg, mapped.competencyIds());
            associations.replace(tenantId, pkg, mapped.roles());
            return result(current == null ? "created" : "updated", pkg, hash, mapped, added, changed, removed);
        });
    }

    /** A new framework's id: the one Pathwise served the package with when it is free, else the document's. */
    private static String newId(CasePackage pkg, List<StoredFramework> all) {
        JsonNode served = pkg.document().body().path("extensions").get(CasePackage.FRAMEWORK_ID_EXTENSION);
        String document = pkg.document().identifier();
        if (served != null && served.isTextual() && all.stream().noneMatch(f -> f.id().equals(served.textValue()))) {
            try {
                return InputLimits.id("CFDocument.extensions", served.textValue());
            } catch (ApiProblem unusable) {
                // An id Pathwise cannot use is left aside: the document's identifier names the framework.
            }
        }
        if (document.length() > InputLimits.ID) {
            throw ApiProblem.invalid(
                    "CFDocument.identifier",
                    document,
                    "CFDocument.identifier: a new framework is"
                            + " named by its document's identifier, and this one is over " + InputLimits.ID
                            + " characters;"
                            + " POST /v1/frameworks/case?frameworkId=... to name it");
        }
        if (all.stream().anyMatch(f -> f.id().equals(document))) {
            throw ApiProblem.conflict(
                    "framework-exists",
                    "frameworkId",
                    document,
                    "framework '" + document + "'"
                            + " exists and is not kept as this CASE document; POST /v1/frameworks/case?frameworkId=... to"
                            + " name the new framework");
        }
        return document;
    }

    private static CaseImportResult result(
            String status,
            CasePackage pkg,
            String hash,
            CaseFrameworkMapping.Mapped mapped,
            List<String> added,
            List<String> changed,
            List<CaseImportResult.Removed> removed) {
        Map<String, CaseImportResult.Definitions> definitions = new LinkedHashMap<>();
        pkg.parts()
                .forEach((part, count) ->
                        definitions.put(part, new CaseImportResult.Definitions(count, DEFINITION_USES.get(part))));
        return new CaseImportResult(
                status,
                mapped.framework().id(),
                pkg.document().identifier(),
                pkg.document().title(),
                hash,
                pkg.items().size(),
                mapped.hierarchyLinks(),
                mapped.prerequisiteLinks(),
                mapped.otherAssociations(),
                mapped.externalReferences(),
                mapped.otherParents(),
                mapped.notGating(),
                definitions,
                added,
                changed,
                removed);
    }

    private List<CaseImportResult.Removed> removed(String tenantId, Map<String, CompetencyJson> gone) {
        if (gone.isEmpty()) {
            return List.of();
        }
        List<StoredLearner> all = learners.all(tenantId, null);
        List<CaseImportResult.Removed> removed = new ArrayList<>();
        gone.values().forEach(c -> {
            int withEvidence = (int) all.stream()
                    .filter(l -> l.snapshot().state(c.id()).evidenceCount() > 0)
                    .count();
            removed.add(new CaseImportResult.Removed(c.id(), c.externalId(), withEvidence, REMOVED_EVIDENCE));
        });
        return removed;
    }

    /** SHA-256 of the package with object keys sorted, so key order does not make a different package. */
    private String hash(JsonNode body) {
        try {
            Object canonical = json.convertValue(body, Object.class);
            byte[] bytes = json.writer()
                    .with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .writeValueAsBytes(canonical);
            return java.util.HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Could not hash the CASE package", e);
        }
    }
}
