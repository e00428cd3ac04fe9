package dev.pathwise.api.reliability;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/** A hash of every row of every table (of one tenant, or all): equal fingerprints, nothing stored changed. */
final class DatabaseFingerprint {

    private static final List<String> TABLES = List.of(
            "tenants",
            "api_keys",
            "schools",
            "frameworks",
            "activities",
            "learners",
            "evidence",
            "overrides",
            "policy_versions",
            "policy_refusals",
            "case_documents",
            "case_items",
            "case_associations",
            "xapi_actors",
            "iri_alignments",
            "xapi_unmapped",
            "terms",
            "courses",
            "classes",
            "class_terms",
            "users",
            "class_teachers",
            "enrollments",
            "roster_links",
            "audit_events");

    private DatabaseFingerprint() {}

    /** Row count and content hash per table. */
    static Map<String, String> of(JdbcTemplate jdbc, String tenantId) {
        Map<String, String> fingerprint = new TreeMap<>();
        for (String table : TABLES) {
            String column = table.equals("tenants") ? "id" : "tenant_id";
            String where = tenantId == null ? "" : " where " + column + " = ?";
            Object[] args = tenantId == null ? new Object[0] : new Object[] {tenantId};
            List<Map<String, Object>> rows = jdbc.queryForList("select * from " + table + where, args);
            List<String> lines = rows.stream()
                    .map(row -> new TreeMap<>(row).toString())
                    .sorted()
                    .toList();
            fingerprint.put(table, lines.size() + " rows, sha256 " + sha256(String.join("\n", lines)));
        }
        return fingerprint;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
