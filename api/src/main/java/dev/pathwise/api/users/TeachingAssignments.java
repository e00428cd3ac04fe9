package dev.pathwise.api.users;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code class_teachers} table: which users teach which classes. */
@Repository
public class TeachingAssignments {

    private final JdbcClient jdbc;

    public TeachingAssignments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<String> teachersOf(String tenantId, String classId) {
        return jdbc.sql("select user_id from class_teachers where tenant_id = :t and class_id = :c order by user_id")
                .param("t", tenantId)
                .param("c", classId)
                .query(String.class)
                .list();
    }

    public List<String> classesOf(String tenantId, String userId) {
        return jdbc.sql("select class_id from class_teachers where tenant_id = :t and user_id = :u order by class_id")
                .param("t", tenantId)
                .param("u", userId)
                .query(String.class)
                .list();
    }

    public boolean teaches(String tenantId, String userId, String classId) {
        return jdbc.sql("select count(*) from class_teachers where tenant_id = :t and user_id = :u and class_id = :c")
                        .param("t", tenantId)
                        .param("u", userId)
                        .param("c", classId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Makes {@code userIds} the teachers of the class, exactly. */
    public void replace(String tenantId, String classId, Collection<String> userIds) {
        removeClass(tenantId, classId);
        for (String userId : userIds) {
            add(tenantId, classId, userId);
        }
    }

    public void add(String tenantId, String classId, String userId) {
        if (!teaches(tenantId, userId, classId)) {
            jdbc.sql("insert into class_teachers (tenant_id, class_id, user_id) values (:t, :c, :u)")
                    .param("t", tenantId)
                    .param("c", classId)
                    .param("u", userId)
                    .update();
        }
    }

    /** Removes one assignment; true when there was one. */
    public boolean remove(String tenantId, String classId, String userId) {
        return jdbc.sql("delete from class_teachers where tenant_id = :t and class_id = :c and user_id = :u")
                        .param("t", tenantId)
                        .param("c", classId)
                        .param("u", userId)
                        .update()
                > 0;
    }

    public void removeClass(String tenantId, String classId) {
        jdbc.sql("delete from class_teachers where tenant_id = :t and class_id = :c")
                .param("t", tenantId)
                .param("c", classId)
                .update();
    }

    public void removeUser(String tenantId, String userId) {
        jdbc.sql("delete from class_teachers where tenant_id = :t and user_id = :u")
                .param("t", tenantId)
                .param("u", userId)
                .update();
    }
}
