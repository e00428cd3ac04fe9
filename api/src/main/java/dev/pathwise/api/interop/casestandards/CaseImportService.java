package dev.pathwise.api.interop.casestandards;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.pathwise.api.activity.CurriculumCache;
import dev.pathwise.api.framework.CompetencyJson;
import dev.pathwise.api.framework.FrameworkJson;
import dev.pathwise.api.framework.FrameworkService;
import dev.pathwise.api.learner.LearnerRepository;
import dev.pathwise.api.learner.StoredLearner;
import dev.pathwise.engine.framework.Framework;

/**
 * Imports a CASE package as the tenant's framework, in one transaction: the framework through
 * {@link FrameworkService} (which keeps activities aligned), then the CASE document, items and associations as
 * received. Learners are not touched: their evidence and state stay keyed by competency ids, which an update keeps.
 */
@Service
public class CaseImportService {

    static final String REMOVED_EVIDENCE = "kept: the stored evidence stays, but this competency is no longer"
            + " evaluated, shown on pathways or reported; a later package with the same item identifier brings it"
            + " back under the same id";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final FrameworkService frameworks;
    private final CurriculumCache curricula;
    private final LearnerRepository learners;
    private final Clock clock;

    public CaseImportService(JdbcClient jdbc, TransactionTemplate transactions, ObjectMapper json,
                             FrameworkService frameworks, CurriculumCache curricula, LearnerRepository learners,
                             Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.frameworks = frameworks;
        this.curricula = curricula;
        this.learners = learners;
        this.clock = clock;
    }

    public CaseImportResult importPackage(String tenantId, JsonNode body) {
        CasePackage pkg = CasePackageReader.read(body);
        String hash = hash(body);
        return transactions.execute(status -> {
            Framework current = curricula.framework(tenantId).orElse(null);
            CaseFrameworkMapping.Mapped mapped = CaseFrameworkMapping.map(pkg, current, earlierIds(tenantId));
            FrameworkJson next = mapped.framework();
            Optional<String> storedHash = jdbc.sql("select package_hash from case_documents where tenant_id = :t"
                            + " and identifier = :d").param("t", tenantId).param("d", pkg.document().identifier())
                    .query(String.class).optional();
            boolean sameFramework = current != null && FrameworkJson.of(current).equals(next);
            if (sameFramework && storedHash.filter(hash::equals).isPresent()) {
                return result("unchanged", pkg, hash, mapped, List.of(), List.of(), List.of());
            }
            Map<String, CompetencyJson> before = new HashMap<>();
            if (current != null) {
                FrameworkJson.of(current).competencies().forEach(c -> before.put(c.id(), c));
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
            store(tenantId, pkg, mapped, hash);
            return result(current == null ? "created" : "updated", pkg, hash, mapped, added, changed, removed);
        });
    }

    private static CaseImportResult result(String status, CasePackage pkg, String hash,
                                           CaseFrameworkMapping.Mapped mapped, List<String> added,
                                           List<String> changed, List<CaseImportResult.Removed> removed) {
        return new CaseImportResult(status, mapped.framework().id(), pkg.document().identifier(),
                pkg.document().title(), hash, pkg.items().size(), mapped.hierarchyLinks(),
                mapped.prerequisiteLinks(), mapped.otherAssociations(), added, changed, removed);
    }

    private List<CaseImportResult.Removed> removed(String tenantId, Map<String, CompetencyJson> gone) {
        if (gone.isEmpty()) {
            return List.of();
        }
        List<StoredLearner> all = learners.all(tenantId, null);
        List<CaseImportResult.Removed> removed = new ArrayList<>();
        gone.values().forEach(c -> {
            int withEvidence = (int) all.stream()
                    .filter(l -> l.snapshot().state(c.id()).evidenceCount() > 0).count();
            removed.add(new CaseImportResult.Removed(c.id(), c.externalId(), withEvidence, REMOVED_EVIDENCE));
        });
        return removed;
    }

    private Map<String, String> earlierIds(String tenantId) {
        Map<String, String> ids = new HashMap<>();
        jdbc.sql("select identifier, competency_id from case_items where tenant_id = :t").param("t", tenantId)
                .query(rs -> {
                    ids.put(rs.getString(1), rs.getString(2));
                });
        return ids;
    }

    private void store(String tenantId, CasePackage pkg, CaseFrameworkMapping.Mapped mapped, String hash) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        String document = pkg.document().identifier();
        int updated = jdbc.sql("update case_documents set uri = :u, title = :ti, package_hash = :h, framework_id = :f,"
                        + " imported_at = :at where tenant_id = :t and identifier = :d")
                .param("u", pkg.document().uri()).param("ti", pkg.document().title()).param("h", hash)
                .param("f", mapped.framework().id()).param("at", now).param("t", tenantId).param("d", document)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into case_documents (tenant_id, identifier, uri, title, package_hash, framework_id,"
                            + " imported_at) values (:t, :d, :u, :ti, :h, :f, :at)")
                    .param("t", tenantId).param("d", document).param("u", pkg.document().uri())
                    .param("ti", pkg.document().title()).param("h", hash).param("f", mapped.framework().id())
                    .param("at", now).update();
        }
        // Items of any earlier document are out of the framework now unless this package has them again.
        jdbc.sql("update case_items set in_framework = false where tenant_id = :t").param("t", tenantId).update();
        for (CasePackage.Item item : pkg.items()) {
            String levels = String.join(",", item.educationLevel());
            int rows = jdbc.sql("update case_items set document_identifier = :d, competency_id = :c, uri = :u,"
                            + " human_coding_scheme = :hc, full_statement = :fs, education_level = :el,"
                            + " item_type = :it, in_framework = true where tenant_id = :t and identifier = :i")
                    .param("d", document).param("c", mapped.competencyIds().get(item.identifier()))
                    .param("u", item.uri()).param("hc", item.humanCodingScheme()).param("fs", item.fullStatement())
                    .param("el", levels).param("it", item.itemType()).param("t", tenantId)
                    .param("i", item.identifier()).update();
            if (rows == 0) {
                jdbc.sql("insert into case_items (tenant_id, identifier, document_identifier, competency_id, uri,"
                                + " human_coding_scheme, full_statement, education_level, item_type, in_framework)"
                                + " values (:t, :i, :d, :c, :u, :hc, :fs, :el, :it, true)")
                        .param("t", tenantId).param("i", item.identifier()).param("d", document)
                        .param("c", mapped.competencyIds().get(item.identifier())).param("u", item.uri())
                        .param("hc", item.humanCodingScheme()).param("fs", item.fullStatement())
                        .param("el", levels).param("it", item.itemType()).update();
            }
        }
        jdbc.sql("delete from case_associations where tenant_id = :t and document_identifier = :d")
                .param("t", tenantId).param("d", document).update();
        for (CasePackage.Association a : pkg.associations()) {
            jdbc.sql("delete from case_associations where tenant_id = :t and identifier = :i")
                    .param("t", tenantId).param("i", a.identifier()).update();
            jdbc.sql("insert into case_associations (tenant_id, identifier, document_identifier, association_type,"
                            + " origin_identifier, origin_uri, destination_identifier, destination_uri, sequence_number)"
                            + " values (:t, :i, :d, :ty, :o, :ou, :de, :du, :s)")
                    .param("t", tenantId).param("i", a.identifier()).param("d", document)
                    .param("ty", a.associationType()).param("o", a.originIdentifier()).param("ou", a.originUri())
                    .param("de", a.destinationIdentifier()).param("du", a.destinationUri())
                    .param("s", a.sequenceNumber()).update();
        }
    }

    /** SHA-256 of the package with object keys sorted, so key order does not make a different package. */
    private String hash(JsonNode body) {
        try {
            Object canonical = json.convertValue(body, Object.class);
            byte[] bytes = json.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .writeValueAsBytes(canonical);
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Could not hash the CASE package", e);
        }
    }

}
