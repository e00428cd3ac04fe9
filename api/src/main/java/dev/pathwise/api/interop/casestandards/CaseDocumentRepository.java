package dev.pathwise.api.interop.casestandards;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
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
                .query(StoredDocument.class)
                .optional();
    }

    void save(String tenantId, CasePackage pkg, String frameworkId, String hash, Instant now) {
        MapSqlParameterSource values = new MapSqlParameterSource()
                .addValue("t", tenantId)
                .addValue("d", pkg.document().identifier())
                .addValue("u", pkg.document().uri())
                .addValue("ti", pkg.document().title())
                .addValue("h", hash)
                .addValue("f", frameworkId)
                .addValue("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .addValue("doc", pkg.document().body().toString())
                .addValue(
                        "def",
                        pkg.definitions() == null ? null : pkg.definitions().toString())
                .addValue("rub", pkg.rubrics() == null ? null : pkg.rubrics().toString());
        int updated = jdbc.sql("update case_documents set uri = :u, title = :ti, package_hash = :h, framework_id = :f,"
                        + " imported_at = :at, document = :doc, definitions = :def, rubrics = :rub"
                        + " where tenant_id = :t and identifier = :d")
                .paramSource(values)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into case_documents (tenant_id, identifier, uri, title, package_hash, framework_id,"
                            + " imported_at, document, definitions, rubrics)"
                            + " values (:t, :d, :u, :ti, :h, :f, :at, :doc, :def, :rub)")
                    .paramSource(values)
                    .update();
        }
    }
}
