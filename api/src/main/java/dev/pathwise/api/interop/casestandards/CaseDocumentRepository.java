package dev.pathwise.api.interop.casestandards;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code case_documents} table: each CASE document a tenant imported, as published, and its framework. */
@Repository
class CaseDocumentRepository {

    private final JdbcClient jdbc;

    CaseDocumentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A document as stored: the CFDocument, CFDefinitions and CFRubrics as JSON text (null when not kept). */
    record StoredDocument(
            String identifier,
            String frameworkId,
            String packageHash,
            String document,
            String definitions,
            String rubrics) {}

    Optional<StoredDocument> find(String tenantId, String identifier) {
        return jdbc.sql("select identifier, framework_id, package_hash, document, definitions, rubrics"
                        + " from case_documents where tenant_id = :t and identifier = :d")
                .param("t", tenantId)
                .param("d", identifier)
                .query((rs, n) -> new StoredDocument(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)))
                .optional();
    }

    void save(String tenantId, CasePackage pkg, String frameworkId, String hash, Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        String document = pkg.document().body().toString();
        String definitions =
                pkg.definitions() == null ? null : pkg.definitions().toString();
        String rubrics = pkg.rubrics() == null ? null : pkg.rubrics().toString();
        int updated = jdbc.sql("update case_documents set uri = :u, title = :ti, package_hash = :h, framework_id = :f,"
                        + " imported_at = :at, document = :doc, definitions = :def, rubrics = :rub"
                        + " where tenant_id = :t and identifier = :d")
                .param("u", pkg.document().uri())
                .param("ti", pkg.document().title())
                .param("h", hash)
                .param("f", frameworkId)
                .param("at", at)
                .param("doc", document)
                .param("def", definitions)
                .param("rub", rubrics)
                .param("t", tenantId)
                .param("d", pkg.document().identifier())
                .update();
        if (updated == 0) {
            jdbc.sql("insert into case_documents (tenant_id, identifier, uri, title, package_hash, framework_id,"
                            + " imported_at, document, definitions, rubrics)"
                            + " values (:t, :d, :u, :ti, :h, :f, :at, :doc, :def, :rub)")
                    .param("t", tenantId)
                    .param("d", pkg.document().identifier())
                    .param("u", pkg.document().uri())
                    .param("ti", pkg.document().title())
                    .param("h", hash)
                    .param("f", frameworkId)
                    .param("at", at)
                    .param("doc", document)
                    .param("def", definitions)
                    .param("rub", rubrics)
                    .update();
        }
    }
}
