package dev.pathwise.benchmarks;

import dev.pathwise.engine.activity.Activity;
import dev.pathwise.engine.activity.ActivityKind;
import dev.pathwise.engine.activity.Curriculum;
import dev.pathwise.engine.activity.Grouping;
import dev.pathwise.engine.activity.Modality;
import dev.pathwise.engine.framework.Competency;
import dev.pathwise.engine.framework.Framework;
import java.util.ArrayList;
import java.util.List;

/**
 * A generated framework with its activities, shaped like a district's: domains of strands (parent competencies)
 * of leaves.
 *
 * <pre>
 * D0.S0 (parent)  D0.S0.0 → D0.S0.1 → D0.S0.2 → D0.S0.3     each leaf needs the one before
 * D0.S1 (parent, needs D0.S0, inherited by its leaves) ...
 * D1.S0 ...                                                  domains are independent of each other
 * </pre>
 * Every leaf has six activities (video lesson, text practice, interactive practice, hands-on small-group
 * mini-lesson, text assessment, discussion project); every strand has one project aligned to all its leaves.
 * The {@linkplain #standard() standard} size is 8 domains × 5 strands × (1 + 4) = 200 competencies and
 * 160 × 6 + 40 = 1,000 activities; a learner has one ready leaf per domain they have started.
 */
public final class SyntheticCurriculum {

    private SyntheticCurriculum() {}

    /** 200 competencies, 1,000 activities. */
    public static Curriculum standard() {
        return of(8, 5, 4);
    }

    public static Curriculum of(int domains, int strandsPerDomain, int leavesPerStrand) {
        List<Competency> competencies = new ArrayList<>();
        List<Activity> activities = new ArrayList<>();
        for (int d = 0; d < domains; d++) {
            for (int s = 0; s < strandsPerDomain; s++) {
                String strand = strand(d, s);
                competencies.add(new Competency(
                        strand, "Strand " + strand, null, s == 0 ? List.of() : List.of(strand(d, s - 1)), 6, null));
                List<String> leaves = new ArrayList<>();
                for (int l = 0; l < leavesPerStrand; l++) {
                    String leaf = leaf(d, s, l);
                    leaves.add(leaf);
                    competencies.add(new Competency(
                            leaf, "Leaf " + leaf, strand, l == 0 ? List.of() : List.of(leaf(d, s, l - 1)), 6, null));
                    activities.addAll(leafActivities(leaf));
                }
                activities.add(new Activity(
                        strand + "-project",
                        "Project " + strand,
                        leaves,
                        ActivityKind.PROJECT,
                        Modality.HANDS_ON,
                        Grouping.SMALL_GROUP,
                        false,
                        90,
                        List.of("art", "sports")));
            }
        }
        Framework framework = Framework.of("synthetic-" + competencies.size(), "Synthetic framework", competencies);
        return Curriculum.of(framework, activities);
    }

    private static List<Activity> leafActivities(String id) {
        return List.of(
                new Activity(
                        id + "-lesson",
                        "Lesson " + id,
                        List.of(id),
                        ActivityKind.LESSON,
                        Modality.VIDEO,
                        Grouping.INDIVIDUAL,
                        true,
                        20,
                        List.of("sports")),
                new Activity(
                        id + "-practice",
                        "Practice " + id,
                        List.of(id),
                        ActivityKind.PRACTICE,
                        Modality.TEXT,
                        Grouping.INDIVIDUAL,
                        true,
                        15,
                        List.of("music")),
                new Activity(
                        id + "-game",
                        "Game " + id,
                        List.of(id),
                        ActivityKind.PRACTICE,
                        Modality.INTERACTIVE,
                        Grouping.INDIVIDUAL,
                        true,
                        15,
                        List.of("games")),
                new Activity(
                        id + "-mini",
                        "Mini-lesson " + id,
                        List.of(id),
                        ActivityKind.MINI_LESSON,
                        Modality.HANDS_ON,
                        Grouping.SMALL_GROUP,
                        false,
                        15,
                        List.of()),
                new Activity(
                        id + "-check",
                        "Check " + id,
                        List.of(id),
                        ActivityKind.ASSESSMENT,
                        Modality.TEXT,
                        Grouping.INDIVIDUAL,
                        true,
                        10,
                        List.of()),
                new Activity(
                        id + "-talk",
                        "Discussion " + id,
                        List.of(id),
                        ActivityKind.PROJECT,
                        Modality.DISCUSSION,
                        Grouping.LARGE_GROUP,
                        false,
                        30,
                        List.of("music")));
    }

    public static String strand(int domain, int strand) {
        return "D" + domain + ".S" + strand;
    }

    public static String leaf(int domain, int strand, int leaf) {
        return strand(domain, strand) + "." + leaf;
    }
}
