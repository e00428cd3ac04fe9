package dev.pathwise.api.evidence;

import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import dev.pathwise.api.activity.CurriculumCache;
import dev.pathwise.api.learner.LearnerRepository;
import dev.pathwise.api.learner.StoredLearner;
import dev.pathwise.api.policy.TenantPolicies;
import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.problem.ProblemAdvice;
import dev.pathwise.api.problem.Problems;
import dev.pathwise.engine.activity.Curriculum;
import dev.pathwise.engine.evaluation.Evaluation;
import dev.pathwise.engine.evaluation.PathwayEvaluator;
import dev.pathwise.engine.evidence.Evidence;
import dev.pathwise.engine.learner.LearnerSnapshot;
import dev.pathwise.engine.policy.CompiledPolicy;
import dev.pathwise.engine.policy.RulesStoppedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Ingests evidence, one piece ({@link #ingest}) or a batch ({@link #ingestBatch}), the same way: validate each piece
 * (a refused piece never touches the database), then in one transaction lock the learners concerned, check the
 * evidence ids (same content: the stored result, unchanged; other content: 409), evaluate each piece under the
 * tenant's policy at the server's time on its learner's current state, store the evidence with its result and store
 * each learner's next snapshot. A batch is one transaction, so one commit for all of its pieces; its pieces are
 * evaluated before the locks are taken and the transaction keeps that work only for learners nobody wrote to meanwhile
 * ({@link #storeBatch}), so that the locks are held for checking and writing, not for evaluating.
 */
@Service
public class EvidenceService {

    /** How many times a batch is evaluated again without a lock before its changed learners are evaluated under it. */
    private static final int OPTIMISTIC_ATTEMPTS = 3;

    private static final String INSERT = "insert into evidence (tenant_id, evidence_id, learner_id, content_hash,"
            + " payload, result, policy_version, received_at, evaluation_error) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final ObjectReader requestReader;
    private final LearnerRepository learners;
    private final CurriculumCache curricula;
    private final TenantPolicies policies;
    private final PathwayEvaluator evaluator;
    private final Clock clock;
    private final int batchLimit;
    private final EvidenceRequests requests;
    private final Counter evaluated;
    private final Counter ruleFirings;
    private final Timer evaluationTime;
    private final Counter ruleLoops;
    private final Counter batchFallbacks;

    public EvidenceService(JdbcClient jdbc, JdbcTemplate batches, TransactionTemplate transactions, ObjectMapper json,
                           LearnerRepository learners, CurriculumCache curricula, TenantPolicies policies,
                           PathwayEvaluator evaluator, EvidenceRequests requests, Clock clock,
                           MeterRegistry registry, @Value("${pathwise.evidence.batch-limit:1000}") int batchLimit) {
        this.requests = requests;
        this.jdbc = jdbc;
        this.batches = batches;
        this.transactions = transactions;
        this.json = json;
        // Items of a batch are read as strictly as a request body (WebConfig): an unknown field is refused.
        this.requestReader = json.readerFor(EvidenceRequest.class)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.learners = learners;
        this.curricula = curricula;
        this.policies = policies;
        this.evaluator = evaluator;
        this.clock = clock;
        this.batchLimit = batchLimit;
        this.evaluated = Counter.builder("pathwise.evidence.evaluated")
                .description("Pieces of evidence evaluated (retries of stored evidence excluded)").register(registry);
        this.ruleFirings = Counter.builder("pathwise.rule.firings")
                .description("Rules fired while evaluating evidence").register(registry);
        this.evaluationTime = Timer.builder("pathwise.evaluation.time")
                .description("Time to evaluate one piece of evidence").register(registry);
        this.ruleLoops = Counter.builder("pathwise.rule.loops")
                .description("Evaluations cut off because rules fired more than the limit (stored, not applied)")
                .register(registry);
        this.batchFallbacks = Counter.builder("pathwise.evidence.batch.fallbacks")
                .description("Batches rolled back because a concurrent request stored one of their evidence ids"
                        + " or held a lock they could not get, then ingested item by item").register(registry);
    }

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
        Instant now = clock.instant();
        Curriculum curriculum = curricula.curriculum(tenantId);
        return ingest(tenantId, curriculum, prepare(tenantId, 0, request, curriculum, now), now);
    }

    private EvidenceResult ingest(String tenantId, Curriculum curriculum, Prepared piece, Instant now) {
        Optional<EvidenceResult> stored = stored(tenantId, piece);
        if (stored.isPresent()) {
            return stored.get();
        }
        try {
            return store(tenantId, curriculum, List.of(piece), now, null, false).get(0).resultOrThrow();
        } catch (DuplicateKeyException raced) {
            // Another request stored the same evidence id (for another learner) between our check and our insert.
            return stored(tenantId, piece).orElseThrow(() -> raced);
        }
    }

    /**
     * A result per item, in order; a refused item gets its problem and the others go ahead. Every item is parsed and
     * validated first; the valid ones are then evaluated and stored with ONE transaction ({@link #storeBatch}): the
     * same checks, evaluation and rows as {@link #ingest} gives each of them in turn, with one commit.
     * <p>
     * If that transaction meets a concurrent writer it cannot order itself after (a request storing one of the same
     * evidence ids first: {@link DuplicateKeyException}; or a lock it cannot get: {@link ConcurrencyFailureException}),
     * it is rolled back whole, so nothing of the batch is stored, and each valid item is then ingested on its own as by
     * {@link #ingest}, in batch order: what the other request stored is answered as a replay or a conflict, and
     * nothing already accepted is lost or changed. Counted in {@code pathwise.evidence.batch.fallbacks}.
     */
    public List<BatchItemResult> ingestBatch(String tenantId, JsonNode body) {
        JsonNode items = body != null && body.isObject() ? body.get("items") : body;
        if (items == null || !items.isArray()) {
            throw ApiProblem.invalid("items", null, "items: send a JSON array of evidence, or {\"items\": [...]}");
        }
        if (items.size() > batchLimit) {
            throw new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "batch-too-large", "items", items.size(),
                    "items: a batch holds at most " + batchLimit + " pieces of evidence; this one has "
                            + items.size() + ". Split it into batches of " + batchLimit + " or fewer", null);
        }
        Instant now = clock.instant();
        Curriculum curriculum = curricula.curriculum(tenantId);
        BatchItemResult[] results = new BatchItemResult[items.size()];
        String[] evidenceIds = new String[items.size()];
        List<Prepared> valid = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            evidenceIds[i] = item.path("id").isTextual() ? item.path("id").asText() : null;
            try {
                valid.add(prepare(tenantId, i, requestReader.treeToValue(item, EvidenceRequest.class), curriculum,
                        now));
            } catch (ApiProblem | JsonProcessingException | IllegalArgumentException refused) {
                results[i] = Outcome.refused(refused).toItem(i, evidenceIds[i]);
            }
        }
        if (!valid.isEmpty()) {
            List<Outcome> outcomes;
            try {
                outcomes = storeBatch(tenantId, curriculum, valid, now);
            } catch (DuplicateKeyException | ConcurrencyFailureException raced) {
                batchFallbacks.increment();
                outcomes = valid.stream()
                        .map(piece -> Outcome.of(() -> ingest(tenantId, curriculum, piece, now))).toList();
            }
            for (int k = 0; k < valid.size(); k++) {
                Prepared piece = valid.get(k);
                results[piece.index()] = outcomes.get(k).toItem(piece.index(), evidenceIds[piece.index()]);
            }
        }
        return Arrays.asList(results);
    }

    /**
     * A validated piece of evidence: its tenant, its index in the request, as the engine takes it, the hash of its
     * content.
     */
    private record Prepared(String tenantId, int index, Evidence evidence, String contentHash) {
    }

    private Prepared prepare(String tenantId, int index, EvidenceRequest request, Curriculum curriculum,
                             Instant now) {
        Evidence evidence = requests.toEvidence(request, curriculum, now);
        return new Prepared(tenantId, index, evidence, requests.contentHash(request));
    }

    /** What became of one valid piece: its result, or the problem it is answered with. */
    private record Outcome(EvidenceResult result, ApiProblem problem) {

        static Outcome of(Supplier<EvidenceResult> ingest) {
            try {
                return new Outcome(ingest.get(), null);
            } catch (ApiProblem | IllegalArgumentException refused) {
                return refused(refused);
            }
        }

        /** The problem answering a refused piece, as the single endpoint's error handling words it. */
        static Outcome refused(Exception refused) {
            if (refused instanceof ApiProblem problem) {
                return new Outcome(null, problem);
            }
            if (refused instanceof JsonProcessingException unreadable) {
                return new Outcome(null, ProblemAdvice.unreadableJson(unreadable));
            }
            if (refused instanceof IllegalArgumentException engine) {
                return new Outcome(null, Problems.fromEngine(engine, null, null));
            }
            throw new IllegalStateException("not a refusal: " + refused, refused);
        }

        EvidenceResult resultOrThrow() {
            if (problem != null) {
                throw problem;
            }
            return result;
        }

        BatchItemResult toItem(int index, String evidenceId) {
            return problem == null
                    ? new BatchItemResult(index, evidenceId, 200, result.replayed(), result.update(), null)
                    : new BatchItemResult(index, evidenceId, problem.status().value(), false, null,
                    Problems.of(problem));
        }
    }

    /**
     * Evaluates and stores the pieces in one transaction ({@link #evaluateAndStore}), then counts what was evaluated
     * once it is committed.
     *
     * @param speculation the pieces already evaluated without a lock (a batch), or null (a single piece)
     * @param optimistic   give up ({@link StaleSpeculation}) rather than evaluate anything under the locks
     */
    private List<Outcome> store(String tenantId, Curriculum curriculum, List<Prepared> pieces, Instant now,
                                Speculation speculation, boolean optimistic) {
        List<Step> steps = transactions.execute(status -> evaluateAndStore(tenantId, curriculum, pieces, now,
                speculation, optimistic));
        for (Step step : steps) {
            if (step.after() != null) {
                evaluationTime.record(step.nanos(), TimeUnit.NANOSECONDS);
                evaluated.increment();
                ruleFirings.increment(step.firings());
            } else if (step.loop()) {
                ruleLoops.increment();
            }
        }
        return steps.stream().map(Step::outcome).toList();
    }

    /**
     * What taking one piece gave: what was stored under its id at that point ({@code seen}), its outcome, the row it
     * stores and the values to insert (if any), its learner's state after it (if it changed), how long the
     * evaluation took and how many rules it fired, and whether rules looping cut it off.
     */
    private record Step(StoredRow seen, Outcome outcome, StoredRow stored, Object[] row, LearnerSnapshot after,
                        long nanos, int firings, boolean loop) {

        static Step answered(StoredRow seen, Outcome outcome) {
            return new Step(seen, outcome, null, null, null, 0, 0, false);
        }
    }

    /**
     * A batch evaluated before taking any lock: the policy and the learners it read, its steps, and the learners'
     * changes it leads to, already as JSON.
     */
    private record Speculation(CompiledPolicy policy, Map<String, StoredLearner> learners, List<Step> steps,
                               Map<String, LearnerRepository.Change> changes) {
    }

    /** Thrown (and so rolling the transaction back) when what a speculation read has changed for these learners. */
    private static final class StaleSpeculation extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Set<String> learnerIds;

        StaleSpeculation(Set<String> learnerIds) {
            super("learners written meanwhile: " + learnerIds, null, false, false);
            this.learnerIds = learnerIds;
        }
    }

    /**
     * A batch: evaluated without any lock first ({@link #speculate}), then stored in a transaction that only checks,
     * under the learners' locks, that nothing it read has changed and writes. If another request wrote one of its
     * learners (or stored one of its evidence ids) meanwhile, the transaction is rolled back at once and only those
     * learners' pieces are evaluated again, still without a lock; after {@value #OPTIMISTIC_ATTEMPTS} such attempts,
     * the changed learners' pieces are evaluated under the lock, so a batch always gets through.
     */
    private List<Outcome> storeBatch(String tenantId, Curriculum curriculum, List<Prepared> pieces, Instant now) {
        Speculation speculation = speculate(tenantId, curriculum, pieces, now, null, Set.of());
        for (int attempt = 1; attempt <= OPTIMISTIC_ATTEMPTS; attempt++) {
            try {
                return store(tenantId, curriculum, pieces, now, speculation, true);
            } catch (StaleSpeculation stale) {
                speculation = speculate(tenantId, curriculum, pieces, now, speculation, stale.learnerIds);
            }
        }
        return store(tenantId, curriculum, pieces, now, speculation, false);
    }

    /**
     * Evaluates a batch's pieces, in order, on the learners and stored evidence ids as they are now, without taking
     * any lock or transaction: the work that {@link #evaluateAndStore} then keeps for every learner nobody else wrote
     * to meanwhile, so that the locks are held for checking and writing only. Given an {@code earlier} speculation,
     * only the {@code stale} learners are read again and their pieces evaluated again (with the same policy).
     */
    private Speculation speculate(String tenantId, Curriculum curriculum, List<Prepared> pieces, Instant now,
                                  Speculation earlier, Set<String> stale) {
        Map<String, StoredLearner> read;
        if (earlier == null) {
            read = learners.findAll(tenantId, learnerIds(pieces));
        } else {
            read = new HashMap<>(earlier.learners());
            read.keySet().removeAll(stale);
            read.putAll(learners.findAll(tenantId, stale));
        }
        Map<String, StoredRow> stored = storedRows(tenantId, evidenceIds(pieces));
        CompiledPolicy policy = policies.active(tenantId);
        boolean samePolicy = earlier != null && earlier.policy() == policy;
        List<Step> steps = run(curriculum, policy, pieces, read, stored, now, samePolicy ? earlier.steps() : null,
                stale);
        Map<String, LearnerRepository.Change> changes = new HashMap<>();
        lastStates(pieces, steps).forEach((learnerId, next) ->
                changes.put(learnerId, change(samePolicy ? earlier : null, read.get(learnerId), next)));
        return new Speculation(policy, read, steps, changes);
    }

    /**
     * The change from {@code previous} to {@code next}: the one a speculation already wrote as JSON when it is the
     * same change, otherwise written now.
     */
    private LearnerRepository.Change change(Speculation speculation, StoredLearner previous, LearnerSnapshot next) {
        LearnerRepository.Change known = speculation == null ? null
                : speculation.changes().get(next.learnerId());
        return known != null && known.next() == next && known.previous() == previous
                ? known : learners.change(previous, next);
    }

    /** Each learner's state after its last piece that changed it, by learner id (sorted). */
    private static Map<String, LearnerSnapshot> lastStates(List<Prepared> pieces, List<Step> steps) {
        Map<String, LearnerSnapshot> last = new TreeMap<>();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).after() != null) {
                last.put(pieces.get(i).evidence().learnerId(), steps.get(i).after());
            }
        }
        return last;
    }

    /**
     * In the caller's transaction: locks the learners of the pieces (in learner id order, see
     * {@link LearnerRepository#lockAll}), reads the stored rows of their evidence ids in one query, takes the pieces in
     * order ({@link #run}), then inserts the evidence rows in one JDBC batch, in order, and writes each learner whose
     * state changed once, with its last state (at the version read, under the lock).
     * <p>
     * With a {@code speculation} (a batch), only the versions are locked and read; a learner whose version is what the
     * speculation read (and the policy the same) keeps the speculation's steps, as long as each of its pieces finds
     * the same stored row under its id as then. Any other learner is {@code optimistic}ally given up on (the
     * transaction is rolled back), or else read again, locked, and its pieces evaluated again here, on its current
     * state. Either way each piece is evaluated on its learner's state as it is when the transaction commits, exactly
     * as if the pieces were taken one after another under the lock.
     */
    private List<Step> evaluateAndStore(String tenantId, Curriculum curriculum, List<Prepared> pieces, Instant now,
                                        Speculation speculation, boolean optimistic) {
        SortedSet<String> learnerIds = learnerIds(pieces);
        Map<String, StoredLearner> locked;
        Set<String> stale;
        CompiledPolicy policy;
        if (speculation == null) {
            locked = learners.lockAll(tenantId, learnerIds);
            policy = policies.active(tenantId);
            stale = learnerIds;
        } else {
            Map<String, Long> versions = learners.lockVersions(tenantId, learnerIds);
            policy = policies.active(tenantId);
            locked = new HashMap<>();
            SortedSet<String> changed = new TreeSet<>();
            for (String learnerId : learnerIds) {
                StoredLearner read = speculation.learners().get(learnerId);
                Long version = versions.get(learnerId);
                if (policy != speculation.policy()
                        || (read == null ? version != null : version == null || read.version() != version)) {
                    changed.add(learnerId);
                } else if (read != null) {
                    locked.put(learnerId, read);
                }
            }
            if (optimistic && !changed.isEmpty()) {
                throw new StaleSpeculation(changed);
            }
            locked.putAll(learners.lockAll(tenantId, changed));
            stale = changed;
        }
        Map<String, StoredRow> stored = storedRows(tenantId, evidenceIds(pieces));
        List<Step> earlier = speculation == null ? null : speculation.steps();
        List<Step> steps = run(curriculum, policy, pieces, locked, stored, now, earlier, stale);
        if (optimistic && earlier != null) {
            Set<String> retaken = new TreeSet<>();
            for (int i = 0; i < steps.size(); i++) {
                if (steps.get(i) != earlier.get(i)) {
                    retaken.add(pieces.get(i).evidence().learnerId());
                }
            }
            if (!retaken.isEmpty()) {
                throw new StaleSpeculation(retaken);
            }
        }
        List<Object[]> rows = new ArrayList<>(pieces.size());
        for (Step step : steps) {
            if (step.row() != null) {
                rows.add(step.row());
            }
        }
        insert(rows);
        List<LearnerRepository.Change> changes = new ArrayList<>();
        lastStates(pieces, steps).forEach((learnerId, next) ->
                changes.add(change(speculation, locked.get(learnerId), next)));
        learners.updateAll(changes, now);
        return steps;
    }

    /**
     * Takes the pieces in order, each on its learner's state as the pieces before it left it: an unknown learner is
     * 404; an id already stored (or taken by an earlier piece) is its stored result again, or 409 with other content;
     * an evaluation cut off by a rule loop is stored with its error and leaves the learner as it was (422).
     * <p>
     * With {@code earlier} steps (the speculation), the step of a piece is kept when its learner is not in
     * {@code stale}, none of that learner's pieces before it was taken again, and it finds the same stored row under
     * its id as then: its inputs are the same, so is its result.
     *
     * @param stored the stored rows of the pieces' ids; the rows of the pieces taken are added to it
     */
    private List<Step> run(Curriculum curriculum, CompiledPolicy policy, List<Prepared> pieces,
                           Map<String, StoredLearner> learnerStates, Map<String, StoredRow> stored, Instant now,
                           List<Step> earlier, Set<String> stale) {
        Map<String, LearnerSnapshot> state = new HashMap<>();
        Set<String> retaken = new HashSet<>(stale);
        List<Step> steps = new ArrayList<>(pieces.size());
        for (int i = 0; i < pieces.size(); i++) {
            Prepared piece = pieces.get(i);
            Evidence evidence = piece.evidence();
            String learnerId = evidence.learnerId();
            StoredLearner learner = learnerStates.get(learnerId);
            if (learner == null) {
                steps.add(Step.answered(null, new Outcome(null, LearnerRepository.unknown(learnerId))));
                continue;
            }
            StoredRow seen = stored.get(evidence.id());
            Step before = earlier == null ? null : earlier.get(i);
            Step step;
            if (before != null && !retaken.contains(learnerId) && Objects.equals(before.seen(), seen)) {
                step = before;
            } else {
                retaken.add(learnerId);
                step = seen != null
                        ? Step.answered(seen, Outcome.of(() -> answer(seen, evidence.id(), piece.contentHash())))
                        : evaluate(curriculum, policy, state.getOrDefault(learnerId, learner.snapshot()), piece, now);
            }
            if (step.stored() != null) {
                stored.put(evidence.id(), step.stored());
            }
            if (step.after() != null) {
                state.put(learnerId, step.after());
            }
            steps.add(step);
        }
        return steps;
    }

    /** Evaluates one piece that is not stored yet on the learner's state; nothing is written here. */
    private Step evaluate(Curriculum curriculum, CompiledPolicy policy, LearnerSnapshot learner, Prepared piece,
                          Instant now) {
        Evidence evidence = piece.evidence();
        long start = System.nanoTime();
        Evaluation evaluation;
        try {
            evaluation = evaluator.evaluate(policy, curriculum, learner, evidence, now);
        } catch (RulesStoppedException loop) {
            // Kept (evidence is append-only, and a fixed policy can replay it); the learner's state is not touched.
            StoredRow row = new StoredRow(piece.contentHash(), write(Map.of("rules", loop.rules(), "type",
                    loop.problemType())), loop.getMessage());
            return new Step(null, new Outcome(null, loopProblem(evidence.id(), loop.problemType(), loop.rules(),
                    loop.getMessage())), row,
                    row.insert(piece.tenantId(), evidence, write(EvidencePayload.of(evidence)), policy, now), null,
                    0, 0, true);
        } catch (IllegalArgumentException refused) {
            return Step.answered(null, Outcome.refused(refused));
        }
        long nanos = System.nanoTime() - start;
        PathUpdateJson update = PathUpdateJson.of(evaluation.update());
        StoredRow row = new StoredRow(piece.contentHash(), write(update), null);
        return new Step(null, new Outcome(new EvidenceResult(update, false), null), row,
                row.insert(piece.tenantId(), evidence, write(EvidencePayload.of(evidence)), policy, now),
                evaluation.learner(), nanos, evaluation.update().trace().size(), false);
    }

    private static SortedSet<String> learnerIds(List<Prepared> pieces) {
        SortedSet<String> ids = new TreeSet<>();
        pieces.forEach(piece -> ids.add(piece.evidence().learnerId()));
        return ids;
    }

    private static List<String> evidenceIds(List<Prepared> pieces) {
        return pieces.stream().map(piece -> piece.evidence().id()).toList();
    }

    /** Evidence rows (see {@link StoredRow#insert}) in one JDBC batch, in order. */
    private void insert(List<Object[]> rows) {
        if (!rows.isEmpty()) {
            batches.batchUpdate(INSERT, rows, rows.size(), (ps, row) -> {
                for (int i = 0; i < row.length; i++) {
                    if (row[i] instanceof OffsetDateTime at) {
                        ps.setObject(i + 1, at, Types.TIMESTAMP_WITH_TIMEZONE);
                    } else {
                        ps.setString(i + 1, (String) row[i]);
                    }
                }
            });
        }
    }

    /** What is stored under an evidence id: the hash of its content, its result and the error that cut it off. */
    private record StoredRow(String contentHash, String result, String error) {

        /** The values of {@link #INSERT} for this row. */
        Object[] insert(String tenantId, Evidence evidence, String payload, CompiledPolicy policy, Instant now) {
            return new Object[] {tenantId, evidence.id(), evidence.learnerId(), contentHash, payload, result,
                    policy.versionLabel(), now.atOffset(ZoneOffset.UTC), error};
        }
    }

    /**
     * Evidence sent again under a stored id: the stored result (replayed) if the content is the same; 409 if it is
     * other content; 422 again if its evaluation was cut off.
     */
    private EvidenceResult answer(StoredRow stored, String evidenceId, String sentHash) {
        if (!stored.contentHash().equals(sentHash)) {
            throw ApiProblem.conflict("evidence-id-reused", "id", evidenceId, "id: evidence '"
                    + evidenceId + "' was already received with different content; an evidence id is"
                    + " an idempotency key, so send new evidence under a new id");
        }
        if (stored.error() != null) {
            throw loopProblem(evidenceId, stoppedType(stored.result()), loopRules(stored.result()), stored.error());
        }
        return new EvidenceResult(read(stored.result()), true);
    }

    /** The stored result of this evidence id, if stored with the same content; 409 if stored with other content. */
    private Optional<EvidenceResult> stored(String tenantId, Prepared piece) {
        String evidenceId = piece.evidence().id();
        return Optional.ofNullable(storedRows(tenantId, List.of(evidenceId)).get(evidenceId))
                .map(row -> answer(row, evidenceId, piece.contentHash()));
    }

    /**
     * The stored rows of these evidence ids, by id, in one query. The keys are compared as (tenant, id) pairs: H2
     * looks an IN list up in an index only on the index's first column, and would otherwise scan the tenant's
     * evidence.
     */
    private Map<String, StoredRow> storedRows(String tenantId, Collection<String> evidenceIds) {
        Map<String, StoredRow> rows = new HashMap<>();
        List<Object[]> keys = new LinkedHashSet<>(evidenceIds).stream().map(id -> new Object[] {tenantId, id})
                .toList();
        jdbc.sql("select evidence_id, content_hash, result, evaluation_error from evidence"
                        + " where (tenant_id, evidence_id) in (:keys)")
                .param("keys", keys)
                .query(rs -> {
                    rows.put(rs.getString(1), new StoredRow(rs.getString(2), rs.getString(3), rs.getString(4)));
                });
        return rows;
    }

    /** 422: the evaluation was cut off; the evidence is stored, the learner's state unchanged. */
    private static ApiProblem loopProblem(String evidenceId, String type, List<String> rules, String message) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, type, "rules", rules, "evidence '"
                + evidenceId + "' is stored but was not applied: " + message, rules.stream()
                .map(rule -> "rule \"" + rule + "\" " + (type.equals("rule-loop") ? "kept firing"
                        : "passed the limits of one evaluation")).toList(), java.util.Map.of("evidenceId", evidenceId,
                "rules", rules));
    }

    /** The problem type of a stored cut-off evaluation: rule-loop, or rule-limit. */
    private String stoppedType(String stored) {
        try {
            return json.readTree(stored).path("type").asText("rule-loop");
        } catch (JsonProcessingException e) {
            return "rule-loop";
        }
    }

    private List<String> loopRules(String stored) {
        try {
            List<String> rules = new ArrayList<>();
            json.readTree(stored).path("rules").forEach(rule -> rules.add(rule.asText()));
            return rules;
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private PathUpdateJson read(String text) {
        try {
            return json.readValue(text, PathUpdateJson.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored evidence result is not valid JSON", e);
        }
    }
}
