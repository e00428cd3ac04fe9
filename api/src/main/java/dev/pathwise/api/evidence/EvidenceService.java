package dev.pathwise.api.evidence;

import dev.pathwise.api.learner.LearnerEvaluations;
import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.engine.activity.Curriculum;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Ingests evidence, one piece ({@link #ingest}) or a batch ({@link #ingestBatch}), the same way: validate each piece
 * (a refused piece never touches the database), then in one transaction lock the learners concerned, check the
 * evidence ids (same content: the stored result, unchanged; other content: 409), evaluate each piece under the
 * tenant's policy at the server's time on its learner's current state, at its place in the learner's timeline (late
 * evidence rebuilds the learner), store the evidence with its result and store each learner's next state
 * ({@link EvidenceTransaction}). A batch is one transaction too, evaluated before its locks are taken
 * ({@link BatchSpeculation}).
 */
@Service
public class EvidenceService {

    private final EvidenceRequests requests;
    private final EvidenceRepository evidence;
    private final LearnerEvaluations evaluations;
    private final EvidenceSteps steps;
    private final EvidenceTransaction transaction;
    private final BatchSpeculation batches;
    private final EvidenceMetrics metrics;
    private final int batchLimit;

    EvidenceService(
            EvidenceRequests requests,
            EvidenceRepository evidence,
            LearnerEvaluations evaluations,
            EvidenceSteps steps,
            EvidenceTransaction transaction,
            BatchSpeculation batches,
            EvidenceMetrics metrics,
            @Value("${pathwise.evidence.batch-limit:1000}") int batchLimit) {
        this.requests = requests;
        this.evidence = evidence;
        this.evaluations = evaluations;
        this.steps = steps;
        this.transaction = transaction;
        this.batches = batches;
        this.metrics = metrics;
        this.batchLimit = batchLimit;
    }

    /** How many pieces of evidence a batch may hold. */
    public int batchLimit() {
        return batchLimit;
    }

    /**
     * One piece of evidence in its own transaction. A retry of stored evidence is answered from the stored row
     * without taking the learner's lock.
     *
     * @throws ApiProblem 404 (unknown learner), 409 (id reused with other content), 422 (evaluation cut off, stored)
     */
    public EvidenceResult ingest(String tenantId, EvidenceRequest request) {
        Instant now = evaluations.now();
        Curriculum curriculum = evaluations.curriculum(tenantId);
        return ingest(tenantId, curriculum, prepare(tenantId, 0, request, curriculum, now), now);
    }

    private EvidenceResult ingest(String tenantId, Curriculum curriculum, Piece piece, Instant now) {
        Optional<EvidenceResult> stored = stored(tenantId, piece);
        if (stored.isPresent()) {
            return stored.get();
        }
        try {
            return transaction
                    .store(tenantId, curriculum, List.of(piece), now, null, false)
                    .get(0)
                    .resultOrThrow();
        } catch (DuplicateKeyException raced) {
            // Another request stored the same evidence id (for another learner) between our check and our insert.
            return stored(tenantId, piece).orElseThrow(() -> raced);
        }
    }

    /**
     * A result per item, in order; a refused item gets its problem and the others go ahead. Every item is validated
     * first; the valid ones are then evaluated and stored with ONE transaction ({@link BatchSpeculation}): the same
     * checks, evaluation and rows as {@link #ingest} gives each of them in turn, with one commit.
     * <p>
     * If that transaction meets a concurrent writer it cannot order itself after (a request storing one of the same
     * evidence ids first: {@link DuplicateKeyException}; or a lock it cannot get: {@link ConcurrencyFailureException}),
     * it is rolled back whole, so nothing of the batch is stored, and each valid item is then ingested on its own as by
     * {@link #ingest}, in batch order: what the other request stored is answered as a replay or a conflict, and
     * nothing already accepted is lost or changed. Counted in {@code pathwise.evidence.batch.fallbacks}.
     */
    public List<BatchItemResult> ingestBatch(String tenantId, List<BatchItem> items) {
        Instant now = evaluations.now();
        Curriculum curriculum = evaluations.curriculum(tenantId);
        BatchItemResult[] results = new BatchItemResult[items.size()];
        List<Piece> valid = new ArrayList<>(items.size());
        for (BatchItem item : items) {
            try {
                if (item.unreadable() != null) {
                    throw item.unreadable();
                }
                valid.add(prepare(tenantId, item.index(), item.request(), curriculum, now));
            } catch (ApiProblem | IllegalArgumentException refused) {
                results[item.index()] = Outcome.refused(refused).toItem(item.index(), item.evidenceId());
            }
        }
        if (!valid.isEmpty()) {
            List<Outcome> outcomes;
            try {
                outcomes = batches.store(tenantId, curriculum, valid, now);
            } catch (DuplicateKeyException | ConcurrencyFailureException raced) {
                metrics.batchFallback();
                outcomes = valid.stream()
                        .map(piece -> Outcome.of(() -> ingest(tenantId, curriculum, piece, now)))
                        .toList();
            }
            for (int k = 0; k < valid.size(); k++) {
                Piece piece = valid.get(k);
                results[piece.index()] = outcomes.get(k)
                        .toItem(piece.index(), items.get(piece.index()).evidenceId());
            }
        }
        return Arrays.asList(results);
    }

    /**
     * Each item checked as {@link #ingestBatch} checks it before anything is stored, and nothing stored: an item
     * refused comes back with its problem (as {@link BatchItem#unreadable}). Evidence published to the evidence stream
     * is checked so first; whether its learner exists is known only when it is taken from the stream.
     */
    public List<BatchItem> checked(String tenantId, List<BatchItem> items) {
        Instant now = evaluations.now();
        Curriculum curriculum = evaluations.curriculum(tenantId);
        List<BatchItem> checked = new ArrayList<>(items.size());
        for (BatchItem item : items) {
            if (item.unreadable() != null) {
                checked.add(item);
                continue;
            }
            try {
                prepare(tenantId, item.index(), item.request(), curriculum, now);
                checked.add(item);
            } catch (ApiProblem | IllegalArgumentException refused) {
                checked.add(new BatchItem(
                        item.index(),
                        item.evidenceId(),
                        null,
                        Outcome.refused(refused).problem()));
            }
        }
        return checked;
    }

    private Piece prepare(String tenantId, int index, EvidenceRequest request, Curriculum curriculum, Instant now) {
        return new Piece(
                tenantId,
                index,
                requests.toEvidence(request, curriculum, now),
                requests.contentHash(request),
                request.observedAt() == null);
    }

    /** The stored result of this evidence id, if stored with the same content; 409 if stored with other content. */
    private Optional<EvidenceResult> stored(String tenantId, Piece piece) {
        String evidenceId = piece.evidenceId();
        return Optional.ofNullable(evidence.rows(tenantId, List.of(evidenceId)).get(evidenceId))
                .map(row -> steps.answer(row, evidenceId, piece.contentHash()));
    }
}
