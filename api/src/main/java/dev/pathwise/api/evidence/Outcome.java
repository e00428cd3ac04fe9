package dev.pathwise.api.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.problem.ProblemAdvice;
import dev.pathwise.api.problem.Problems;
import java.util.function.Supplier;

/** What became of one valid piece: its result, or the problem it is answered with. */
record Outcome(EvidenceResult result, ApiProblem problem) {

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
                : new BatchItemResult(index, evidenceId, problem.status().value(), false, null, Problems.of(problem));
    }
}
