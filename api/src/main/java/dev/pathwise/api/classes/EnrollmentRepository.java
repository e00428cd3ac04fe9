package dev.pathwise.api.classes;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code enrollments} table: which learners are enrolled in which classes. */
@Repository
public class EnrollmentRepository {

    private final JdbcClient jdbc;

    public EnrollmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One enrollment, with its optional dates. */
    public record Enrollment(String classId, String learnerId, LocalDate beginDate, LocalDate endDate) {}

    public List<String> learnersOf(String tenantId, String classId) {
        return jdbc.sql("select learner_id from enrollments where tenant_id = :t and class_id = :c"
                        + " order by learner_id")
                .param("t", tenantId)
                .param("c", classId)
                .query(String.class)
                .list();
    }

    public List<Enrollment> ofLearner(String tenantId, String learnerId) {
        return jdbc.sql("select class_id, learner_id, begin_date, end_date from enrollments where tenant_id = :t"
                        + " and learner_id = :l order by class_id")
                .param("t", tenantId)
                .param("l", learnerId)
                .query((rs, n) -> new Enrollment(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class)))
                .list();
    }

    public boolean enrolled(String tenantId, String classId, String learnerId) {
        return jdbc.sql("select count(*) from enrollments where tenant_id = :t and class_id = :c"
                                + " and learner_id = :l")
                        .param("t", tenantId)
                        .param("c", classId)
                        .param("l", learnerId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Inserts or replaces the enrollment; true when it was new. */
    public boolean save(String tenantId, Enrollment e) {
        int updated = jdbc.sql("update enrollments set begin_date = :b, end_date = :e where tenant_id = :t"
                        + " and class_id = :c and learner_id = :l")
                .param("b", e.beginDate())
                .param("e", e.endDate())
                .param("t", tenantId)
                .param("c", e.classId())
                .param("l", e.learnerId())
                .update();
        if (updated == 0) {
            jdbc.sql("insert into enrollments (tenant_id, class_id, learner_id, begin_date, end_date)"
                            + " values (:t, :c, :l, :b, :e)")
                    .param("t", tenantId)
                    .param("c", e.classId())
                    .param("l", e.learnerId())
                    .param("b", e.beginDate())
                    .param("e", e.endDate())
                    .update();
        }
        return updated == 0;
    }

    /** Makes {@code learnerIds} the learners of the class, exactly (dates of kept enrollments stay). */
    public void replace(String tenantId, String classId, List<String> learnerIds) {
        for (String current : learnersOf(tenantId, classId)) {
            if (!learnerIds.contains(current)) {
                remove(tenantId, classId, current);
            }
        }
        for (String learnerId : learnerIds) {
            if (!enrolled(tenantId, classId, learnerId)) {
                save(tenantId, new Enrollment(classId, learnerId, null, null));
            }
        }
    }

    public boolean remove(String tenantId, String classId, String learnerId) {
        return jdbc.sql("delete from enrollments where tenant_id = :t and class_id = :c and learner_id = :l")
                        .param("t", tenantId)
                        .param("c", classId)
                        .param("l", learnerId)
                        .update()
                > 0;
    }

    public void removeClass(String tenantId, String classId) {
        jdbc.sql("delete from enrollments where tenant_id = :t and class_id = :c")
                .param("t", tenantId)
                .param("c", classId)
                .update();
    }

    /** Removes every enrollment of the learner; returns how many. */
    public int removeLearner(String tenantId, String learnerId) {
        return jdbc.sql("delete from enrollments where tenant_id = :t and learner_id = :l")
                .param("t", tenantId)
                .param("l", learnerId)
                .update();
    }

    /** True when the user teaches a class the learner is enrolled in. */
    public boolean teacherSees(String tenantId, String userId, String learnerId) {
        return jdbc.sql("select count(*) from enrollments e join class_teachers ct on ct.tenant_id = e.tenant_id"
                                + " and ct.class_id = e.class_id where e.tenant_id = :t and e.learner_id = :l"
                                + " and ct.user_id = :u")
                        .param("t", tenantId)
                        .param("l", learnerId)
                        .param("u", userId)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
