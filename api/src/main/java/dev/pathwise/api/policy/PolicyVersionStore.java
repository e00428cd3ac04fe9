package dev.pathwise.api.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pathwise.api.storage.JsonColumn;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code policy_versions} and {@code policy_refusals} tables: every version a tenant published or tried to. */
@Repository
public class PolicyVersionStore {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public PolicyVersionStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * A stored version.
     *
     * @param files  its files; {@code null} for a row recorded before publishing existed (the default pack)
     * @param report the check and scenario report it passed; {@code null} for the default pack
     */
    public record StoredVersion(
            String tenantId,
            String policyId,
            String version,
            String contentHash,
            String author,
            String message,
            Instant createdAt,
            Instant activatedAt,
            boolean active,
            PolicyFiles files,
            PolicyReport report) {}

    /** A refused attempt, kept for audit. */
    public record Refusal(
            String policyId,
            String version,
            String contentHash,
            String author,
            String message,
            Instant createdAt,
            PolicyReport report) {}

    private static final String COLUMNS = "tenant_id, policy_id, version, content_hash, author, message, created_at,"
            + " activated_at, active, files, report";

    public List<StoredVersion> versions(String tenantId, String policyId) {
        return jdbc.sql("select " + COLUMNS + " from policy_versions where tenant_id = :t and policy_id = :p"
                        + " order by seq, created_at, version")
                .param("t", tenantId)
                .param("p", policyId)
                .query((rs, n) -> row(rs))
                .list();
    }

    public Optional<StoredVersion> version(String tenantId, String policyId, String version) {
        return jdbc.sql("select " + COLUMNS + " from policy_versions where tenant_id = :t and policy_id = :p"
                        + " and version = :v")
                .param("t", tenantId)
                .param("p", policyId)
                .param("v", version)
                .query((rs, n) -> row(rs))
                .optional();
    }

    public Optional<StoredVersion> active(String tenantId) {
        return jdbc.sql("select " + COLUMNS + " from policy_versions where tenant_id = :t and active = true")
                .param("t", tenantId)
                .query((rs, n) -> row(rs))
                .optional();
    }

    /** Every tenant's active version, for the start of the service. */
    public List<StoredVersion> allActive() {
        return jdbc.sql("select " + COLUMNS + " from policy_versions where active = true order by tenant_id")
                .query((rs, n) -> row(rs))
                .list();
    }

    /** Holds the tenant's row lock until the transaction ends: one publish or activation at a time per tenant. */
    public void lockTenant(String tenantId) {
        jdbc.sql("select id from tenants where id = :t for update")
                .param("t", tenantId)
                .query(String.class)
                .list();
    }

    public void insert(StoredVersion version) {
        long seq = jdbc.sql("select coalesce(max(seq), 0) + 1 from policy_versions where tenant_id = :t"
                        + " and policy_id = :p")
                .param("t", version.tenantId())
                .param("p", version.policyId())
                .query(Long.class)
                .single();
        jdbc.sql("insert into policy_versions (tenant_id, policy_id, version, content_hash, active, activated_at,"
                        + " author, message, files, status, report, created_at, seq)"
                        + " values (:t, :p, :v, :h, false, :at, :a, :m, :f, 'inactive', :r, :at, :seq)")
                .param("t", version.tenantId())
                .param("p", version.policyId())
                .param("v", version.version())
                .param("h", version.contentHash())
                .param("at", utc(version.createdAt()))
                .param("a", version.author())
                .param("m", version.message())
                .param(
                        "f",
                        version.files() == null ? null : write(version.files().files()))
                .param("r", version.report() == null ? null : write(version.report()))
                .param("seq", seq)
                .update();
    }

    /** Makes one version the tenant's active one; every other version of the tenant becomes inactive. */
    public void markActive(String tenantId, String policyId, String version, Instant at) {
        jdbc.sql("update policy_versions set active = false, status = 'inactive' where tenant_id = :t"
                        + " and active = true")
                .param("t", tenantId)
                .update();
        jdbc.sql("update policy_versions set active = true, status = 'active', activated_at = :at"
                        + " where tenant_id = :t and policy_id = :p and version = :v")
                .param("t", tenantId)
                .param("p", policyId)
                .param("v", version)
                .param("at", utc(at))
                .update();
    }

    public void refuse(
            String tenantId,
            String policyId,
            String version,
            String contentHash,
            String author,
            String message,
            PolicyReport report,
            Instant at) {
        jdbc.sql("insert into policy_refusals (tenant_id, policy_id, version, content_hash, author, message, report,"
                        + " created_at) values (:t, :p, :v, :h, :a, :m, :r, :at)")
                .param("t", tenantId)
                .param("p", policyId)
                .param("v", version)
                .param("h", contentHash)
                .param("a", author)
                .param("m", message)
                .param("r", write(report))
                .param("at", utc(at))
                .update();
    }

    public List<Refusal> refusals(String tenantId, String policyId) {
        return jdbc.sql("select policy_id, version, content_hash, author, message, created_at, report"
                        + " from policy_refusals where tenant_id = :t and policy_id = :p order by seq")
                .param("t", tenantId)
                .param("p", policyId)
                .query((rs, n) -> new Refusal(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        instant(rs.getObject(6, OffsetDateTime.class)),
                        read(rs.getString(7), PolicyReport.class)))
                .list();
    }

    private StoredVersion row(java.sql.ResultSet rs) throws java.sql.SQLException {
        String files = rs.getString("files");
        String report = rs.getString("report");
        return new StoredVersion(
                rs.getString("tenant_id"),
                rs.getString("policy_id"),
                rs.getString("version"),
                rs.getString("content_hash"),
                rs.getString("author"),
                rs.getString("message"),
                instant(rs.getObject("created_at", OffsetDateTime.class)),
                instant(rs.getObject("activated_at", OffsetDateTime.class)),
                rs.getBoolean("active"),
                files == null ? null : new PolicyFiles(read(files, new TypeReference<List<PolicyFiles.File>>() {})),
                report == null ? null : read(report, PolicyReport.class));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private String write(Object value) {
        return JsonColumn.write(json, value);
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored policy " + type.getSimpleName() + " is not valid JSON", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored policy files are not valid JSON", e);
        }
    }
}
