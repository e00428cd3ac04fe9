package dev.pathwise.api.interop.xapi;

import dev.pathwise.api.evidence.EvidenceVoiding;
import dev.pathwise.api.evidence.PathUpdateJson;

/**
 * What became of one statement.
 *
 * @param status  {@code stored} (new evidence), {@code already-stored} (same statement again), {@code voided}
 *                (its target's evidence no longer counts), {@code parked} (kept for review, see {@code reason}) or
 *                {@code conflict} (another statement was received under this id; nothing changed)
 * @param reason  why a statement was parked: unknown-actor, unknown-object, unsupported-verb, unsupported-object,
 *                group-actor, no-score, unknown-evidence-kind, void-target-unknown, void-target-is-voiding or refused
 * @param score   the normalized score (0..1) the evidence carries
 * @param update  the path update of stored evidence
 * @param voided  what voiding did
 */
public record StatementResult(
        int index,
        String statementId,
        String status,
        String reason,
        String detail,
        String learnerId,
        String competencyId,
        String activityId,
        String kind,
        Double score,
        PathUpdateJson update,
        EvidenceVoiding.Voided voided) {

    static StatementResult parked(int index, String statementId, String reason, String detail) {
        return new StatementResult(
                index,
                statementId,
                "parked",
                reason,
                detail + "; parked for review at GET" + " /v1/xapi/unmapped",
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** A voiding statement that took effect: its target's evidence ({@code voided} not null) or parked statement. */
    static StatementResult voided(int index, String statementId, String detail, EvidenceVoiding.Voided voided) {
        return new StatementResult(
                index,
                statementId,
                "voided",
                null,
                detail,
                voided == null ? null : voided.learnerId(),
                null,
                null,
                null,
                null,
                null,
                voided);
    }

    static StatementResult conflict(int index, String statementId, String detail) {
        return new StatementResult(
                index, statementId, "conflict", "conflict", detail, null, null, null, null, null, null, null);
    }
}
