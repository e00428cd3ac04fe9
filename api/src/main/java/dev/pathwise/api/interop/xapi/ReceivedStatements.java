package dev.pathwise.api.interop.xapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code xapi_statements} table: every valid statement as it was received, whatever became of it (evidence,
 * voiding, parked), so a platform can read back what it sent. A statement id is taken once: the same statement again
 * is a resend, another statement under the same id a conflict.
 */
@Repository
class ReceivedStatements {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    ReceivedStatements(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Keeps the statement under its id unless it is there already.
     *
     * @return empty when it is new or the same statement again; else why it conflicts with the one kept
     */
    Optional<String> record(String tenantId, String statementId, JsonNode statement) {
        try {
            jdbc.sql("insert into xapi_statements (tenant_id, statement_id, statement, received_at)"
                            + " values (:t, :s, :b, :at)")
                    .param("t", tenantId)
                    .param("s", statementId)
                    .param("b", statement.toString())
                    .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .update();
            return Optional.empty();
        } catch (DuplicateKeyException received) {
            String kept = jdbc.sql("select statement from xapi_statements where tenant_id = :t and statement_id = :s")
                    .param("t", tenantId)
                    .param("s", statementId)
                    .query(String.class)
                    .single();
            if (canonical(read(kept)).equals(canonical(statement))) {
                return Optional.empty();
            }
            return Optional.of("statement id '" + statementId + "' was already received with other content; a"
                    + " statement cannot be changed once sent (void it and send the correction under a new id)");
        }
    }

    /** Marks the statement as voided by another; false when no statement with this id was received. */
    boolean markVoided(String tenantId, String statementId, String voidedBy) {
        return jdbc.sql("update xapi_statements set voided_by = :v where tenant_id = :t and statement_id = :s"
                                + " and voided_by is null")
                        .param("v", voidedBy)
                        .param("t", tenantId)
                        .param("s", statementId)
                        .update()
                > 0;
    }

    /** Whether the statement with this id voids another (and so cannot itself be voided). */
    boolean isVoiding(String tenantId, String statementId) {
        return jdbc.sql("select statement from xapi_statements where tenant_id = :t and statement_id = :s")
                .param("t", tenantId)
                .param("s", statementId)
                .query(String.class)
                .optional()
                .map(text -> StatementValidator.VOIDED_VERB.equals(
                        read(text).path("verb").path("id").asText()))
                .orElse(false);
    }

    private JsonNode read(String text) {
        try {
            return json.reader()
                    .with(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored statement is not valid JSON", e);
        }
    }

    private String canonical(JsonNode node) {
        return StatementReader.canonical(node, json);
    }
}
