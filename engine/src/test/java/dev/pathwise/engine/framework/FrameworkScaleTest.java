package dev.pathwise.engine.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A framework the size of a real K-5 math framework: correctness at scale, not speed (that is for JMH). */
class FrameworkScaleTest {

    /**
     * 20 topics of 9 skills plus one root per topic (200 competencies), given in reverse so nothing is in order:
     * each skill requires the previous skill of its topic, and each topic requires the last skill of the topic
     * before it, which all of its skills inherit.
     */
    @Test
    void buildsAndOrdersTwoHundredCompetencies() {
        List<Competency> competencies = new ArrayList<>();
        for (int topic = 19; topic >= 0; topic--) {
            String topicId = "t" + topic;
            competencies.add(
                    topic == 0
                            ? Competency.of(topicId, null)
                            : Competency.of(topicId, null, "t" + (topic - 1) + ".s9"));
            for (int skill = 9; skill >= 1; skill--) {
                String skillId = topicId + ".s" + skill;
                competencies.add(
                        skill == 1
                                ? Competency.of(skillId, topicId)
                                : Competency.of(skillId, topicId, topicId + ".s" + (skill - 1)));
            }
        }

        Framework framework = Framework.of("big", "Big", competencies);

        assertThat(framework.size()).isEqualTo(200);
        assertThat(framework.leaves()).hasSize(180);
        assertThat(framework.prerequisites("t19.s5")).containsExactly("t19.s4", "t18.s9");
        assertThat(framework.dependents("t0.s9")).hasSize(10).contains("t1", "t1.s1", "t1.s9");
        FrameworkPrerequisitesTest.assertRespectsEveryPrerequisite(framework);
        assertThat(framework.topologicalOrder().subList(0, 3)).containsExactly("t0", "t0.s1", "t0.s2");
        assertThat(framework.topologicalOrder().get(199)).isEqualTo("t19.s9");
    }
}
