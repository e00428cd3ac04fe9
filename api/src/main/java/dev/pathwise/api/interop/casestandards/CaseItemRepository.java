package dev.pathwise.api.interop.casestandards;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code case_items} table: every CFItem a tenant imported, per document, as published, with the competency it
 * became. Items a later package drops stay, out of the framework, so an item that comes back gets its old id.
 */
@Repository
class CaseItemRepository {

    private final JdbcClient jdbc;

    CaseItemRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An item as stored: its competency, and the CFItem as published (null for rows kept from before). */
    record StoredItem(String identifier, String competencyId, String body, boolean inFramework) {}

    /** Every item ever imported with this document, in package order. */
    List<StoredItem> of(String tenantId, String document) {
        return jdbc.sql("select identifier, competency_id, body, in_framework from case_items where tenant_id = :t"
                        + " and document_identifier = :d order by package_position, identifier")
                .param("t", tenantId)
                .param("d", document)
                .query((rs, n) -> new StoredItem(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .list();
    }

    /** CASE identifier → competency id of every item ever imported with this document. */
    Map<String, String> competencyIds(String tenantId, String document) {
        Map<String, String> ids = new HashMap<>();
        of(tenantId, document).forEach(item -> ids.put(item.identifier(), item.competencyId()));
        return ids;
    }

    /** Stores the package's items as the document's items in the framework; earlier ones leave it. */
    void replace(String tenantId, CasePackage pkg, Map<String, String> competencyIds) {
        String document = pkg.document().identifier();
        jdbc.sql("update case_items set in_framework = false where tenant_id = :t and document_identifier = :d")
                .param("t", tenantId)
                .param("d", document)
                .update();
        for (CasePackage.Item item : pkg.items()) {
            String levels = String.join(",", item.educationLevel());
            MapSqlParameterSource values = new MapSqlParameterSource()
                    .addValue("t", tenantId)
                    .addValue("d", document)
                    .addValue("i", item.identifier())
                    .addValue("p", item.index())
                    .addValue("c", competencyIds.get(item.identifier()))
                    .addValue("u", item.uri())
                    .addValue("hc", item.humanCodingScheme())
                    .addValue("fs", item.fullStatement())
                    .addValue("el", levels)
                    .addValue("it", item.itemType())
                    .addValue("b", item.body().toString());
            int rows = jdbc.sql("update case_items set package_position = :p, competency_id = :c, uri = :u,"
                            + " human_coding_scheme = :hc, full_statement = :fs, education_level = :el,"
                            + " item_type = :it, in_framework = true, body = :b"
                            + " where tenant_id = :t and document_identifier = :d and identifier = :i")
                    .paramSource(values)
                    .update();
            if (rows == 0) {
                jdbc.sql("insert into case_items (tenant_id, document_identifier, identifier, package_position,"
                                + " competency_id, uri, human_coding_scheme, full_statement, education_level,"
                                + " item_type, in_framework, body)"
                                + " values (:t, :d, :i, :p, :c, :u, :hc, :fs, :el, :it, true, :b)")
                        .paramSource(values)
                        .update();
            }
        }
    }

    /** The items of a document leave the framework (its framework now follows another document). */
    void leaveFramework(String tenantId, String document) {
        jdbc.sql("update case_items set in_framework = false where tenant_id = :t and document_identifier = :d")
                .param("t", tenantId)
                .param("d", document)
                .update();
    }
}
