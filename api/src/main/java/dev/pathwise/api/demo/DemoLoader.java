package dev.pathwise.api.demo;

import dev.pathwise.api.activity.ActivityService;
import dev.pathwise.api.evidence.BatchItem;
import dev.pathwise.api.evidence.BatchItemResult;
import dev.pathwise.api.evidence.EvidenceRequest;
import dev.pathwise.api.evidence.EvidenceService;
import dev.pathwise.api.framework.FrameworkService;
import dev.pathwise.api.learner.LearnerService;
import dev.pathwise.api.learner.ProfileJson;
import dev.pathwise.api.tenant.TenantService;
import dev.pathwise.engine.activity.Grouping;
import dev.pathwise.engine.activity.Modality;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the demo district on the first start: only when no tenant exists yet, so it never touches real data, and
 * never in production mode ({@code pathwise.production=true}).
 * Evidence goes through the same service as the API's, so every learner's state comes from the real evaluator.
 */
@Component
@Order(0)
@ConditionalOnExpression("${pathwise.demo.enabled:true} and !${pathwise.production:false}")
public class DemoLoader implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoLoader.class);

    private static final String[] NAMES = {
        "ada", "ben", "caro", "dev", "eli", "fay", "gus", "hana", "ivo", "jun", "kai", "lena", "milo", "nia", "omar",
        "pia", "quinn", "rosa", "sami", "tess", "uma", "vic", "wren", "xavi", "yara", "zeke", "arlo", "bea", "cruz",
        "dina"
    };
    private static final int[] GRADES = {
        1, 2, 2, 1, 0, 2, 3, 4, 5, 3, 4, 5, 5, 6, 6, 6, 7, 7, 7, 7, 8, 8, 8, 6, 9, 10, 11, 12, 9, 10
    };

    private final TenantService tenants;
    private final FrameworkService frameworks;
    private final ActivityService activities;
    private final LearnerService learners;
    private final EvidenceService evidence;
    private final Clock clock;
    private final DemoClasses demoClasses;
    private final int learnerCount;

    public DemoLoader(
            TenantService tenants,
            FrameworkService frameworks,
            ActivityService activities,
            LearnerService learners,
            EvidenceService evidence,
            Clock clock,
            DemoClasses demoClasses,
            @Value("${pathwise.demo.learners:30}") int learnerCount) {
        this.demoClasses = demoClasses;
        this.tenants = tenants;
        this.frameworks = frameworks;
        this.activities = activities;
        this.learners = learners;
        this.evidence = evidence;
        this.clock = clock;
        if (learnerCount < NAMES.length) {
            throw new IllegalArgumentException("pathwise.demo.learners: " + learnerCount + " is below " + NAMES.length
                    + ", the named demo learners");
        }
        this.learnerCount = learnerCount;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (tenants.anyTenant()) {
            return;
        }
        long start = System.nanoTime();
        String tenant = DemoDistrict.TENANT;
        tenants.create(tenant, "Demo District", DemoDistrict.KEYS);
        DemoDistrict.SCHOOLS.forEach((id, name) -> tenants.addSchool(tenant, id, name));
        frameworks.save(tenant, DemoDistrict.framework());
        activities.save(tenant, DemoDistrict.activities());
        List<String> leaves = DemoDistrict.leaves();
        Random random = new Random(20_26);
        Instant now = clock.instant();
        List<EvidenceRequest> history = new ArrayList<>();
        for (int i = 0; i < NAMES.length; i++) {
            String learnerId = NAMES[i];
            learners.putProfile(tenant, learnerId, profile(i, GRADES[i], LocalDate.ofInstant(now, ZoneOffset.UTC)));
            double ability = 0.35 + random.nextDouble() * 0.63;
            int competencies = 1 + random.nextInt(4);
            for (int c = 0; c < competencies && c < leaves.size(); c++) {
                for (int k = 0; k < 4; k++) {
                    double score = Math.max(
                            0, Math.min(10, Math.round((ability + random.nextGaussian() * 0.08) * 100) / 10.0));
                    Instant observed =
                            now.minus(Duration.ofDays(28L - c * 6L - k)).minus(Duration.ofHours(i));
                    history.add(new EvidenceRequest(
                            "demo-" + learnerId + "-" + c + "-" + k,
                            learnerId,
                            leaves.get(c),
                            null,
                            new EvidenceRequest.ScoreJson(score, 0.0, 10.0),
                            k == 3 ? "SUMMATIVE" : "FORMATIVE",
                            "demo-lms",
                            observed));
                }
            }
        }
        scaledLearners(tenant, leaves, now, history);
        int sent = send(tenant, history);
        demoClasses.create(tenant, LocalDate.ofInstant(now, ZoneOffset.UTC));
        LOG.info(
                "Demo district '{}' loaded: {} learners, {} pieces of evidence evaluated in {} ms",
                tenant,
                learnerCount,
                sent,
                Duration.ofNanos(System.nanoTime() - start).toMillis());
    }

    /**
     * The profile of the demo's {@code i}-th learner: the school of the grade, an interest, a modality and a grouping
     * in turn, a plan started 4 to 9 weeks before {@code today}.
     */
    private static ProfileJson profile(int i, int grade, LocalDate today) {
        String school = grade <= 5 ? "river-elementary" : grade <= 8 ? "north-middle" : "summit-high";
        return new ProfileJson(
                grade,
                school,
                List.of(i % 3 == 0 ? "sports" : i % 3 == 1 ? "cooking" : "music"),
                List.of(),
                List.of(),
                List.of(Modality.values()[i % Modality.values().length]),
                Grouping.values()[i % 3],
                List.of(),
                today.minusWeeks(4 + i % 6),
                null,
                null);
    }

    /**
     * Load testing ({@code pathwise.demo.learners} above 30): learners {@code demo-00030} to {@code demo-<N-1>},
     * spread over grades K-12 (and so over the three schools), modalities, groupings and interests. Only every
     * tenth gets evidence (two formative pieces on the first leaf), so that setting up 10,000 learners takes seconds,
     * not an evaluation per piece of history. Their evidence is added to {@code history}.
     */
    private void scaledLearners(String tenant, List<String> leaves, Instant now, List<EvidenceRequest> history) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (int i = NAMES.length; i < learnerCount; i++) {
            String learnerId = String.format("demo-%05d", i);
            learners.putProfile(tenant, learnerId, profile(i, i % 13, today));
            if (i % 10 == 0) {
                for (int k = 0; k < 2; k++) {
                    history.add(new EvidenceRequest(
                            "demo-" + learnerId + "-" + k,
                            learnerId,
                            leaves.get(0),
                            null,
                            new EvidenceRequest.ScoreJson(5.0 + (i + k) % 5, 0.0, 10.0),
                            "FORMATIVE",
                            "demo-lms",
                            now.minus(Duration.ofDays(2L - k))));
                }
            }
        }
    }

    /**
     * Sends the demo's evidence in batches as large as the service takes (one transaction each, as a platform's
     * batch); every piece must be accepted. Returns how many were sent.
     */
    private int send(String tenant, List<EvidenceRequest> history) {
        int size = evidence.batchLimit();
        for (int from = 0; from < history.size(); from += size) {
            List<EvidenceRequest> chunk = history.subList(from, Math.min(history.size(), from + size));
            List<BatchItem> items = new ArrayList<>(chunk.size());
            for (int i = 0; i < chunk.size(); i++) {
                items.add(new BatchItem(i, chunk.get(i).id(), chunk.get(i), null));
            }
            for (BatchItemResult result : evidence.ingestBatch(tenant, items)) {
                if (result.status() != 200) {
                    throw new IllegalStateException("demo evidence " + result.evidenceId() + " was refused: " + result);
                }
            }
        }
        return history.size();
    }
}
