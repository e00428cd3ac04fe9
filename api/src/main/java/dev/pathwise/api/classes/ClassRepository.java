package dev.pathwise.api.classes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pathwise.api.storage.JsonColumn;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code classes} table and its {@code class_terms}, always by tenant. */
@Repository
public class ClassRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public ClassRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A class as stored. */
    public record SchoolClass(
            String id,
            String schoolId,
            String title,
            String classCode,
            String courseId,
            List<String> termIds,
            List<String> subjects) {}

    /** Which classes to list; null fields do not filter. {@code teacherId} keeps the classes that user teaches. */
    public record Selection(String schoolId, String termId, String teacherId) {}

    public Optional<SchoolClass> find(String tenantId, String classId) {
        return jdbc.sql("select class_id, school_id, title, class_code, course_id, subjects from classes"
                        + " where tenant_id = :t and class_id = :c")
                .param("t", tenantId)
                .param("c", classId)
                .query((rs, n) -> row(tenantId, rs))
                .optional();
    }

    public List<SchoolClass> all(String tenantId, Selection selection) {
        StringBuilder sql = new StringBuilder("select class_id, school_id, title, class_code, course_id, subjects"
                + " from classes c where c.tenant_id = :t");
        if (selection.schoolId() != null) {
            sql.append(" and c.school_id = :s");
        }
        if (selection.termId() != null) {
            sql.append(" and exists (select 1 from class_terms ct where ct.tenant_id = c.tenant_id"
                    + " and ct.class_id = c.class_id and ct.term_id = :term)");
        }
        if (selection.teacherId() != null) {
            sql.append(" and exists (select 1 from class_teachers ct where ct.tenant_id = c.tenant_id"
                    + " and ct.class_id = c.class_id and ct.user_id = :u)");
        }
        var query = jdbc.sql(sql + " order by class_id").param("t", tenantId);
        if (selection.schoolId() != null) {
            query = query.param("s", selection.schoolId());
        }
        if (selection.termId() != null) {
            query = query.param("term", selection.termId());
        }
        if (selection.teacherId() != null) {
            query = query.param("u", selection.teacherId());
        }
        return query.query((rs, n) -> row(tenantId, rs)).list();
    }

    public List<String> ids(String tenantId) {
        return jdbc.sql("select class_id from classes where tenant_id = :t order by class_id")
                .param("t", tenantId)
                .query(String.class)
                .list();
    }

    /** Inserts or replaces the class and its terms; true when it was new. */
    public boolean save(String tenantId, SchoolClass c, Instant at) {
        MapSqlParameterSource values = new MapSqlParameterSource()
                .addValue("t", tenantId)
                .addValue("c", c.id())
                .addValue("s", c.schoolId())
                .addValue("title", c.title())
                .addValue("code", c.classCode())
                .addValue("course", c.courseId())
                .addValue("subjects", write(c.subjects()))
                .addValue("at", at.atOffset(ZoneOffset.UTC));
        int updated = jdbc.sql("update classes set school_id = :s, title = :title, class_code = :code,"
                        + " course_id = :course, subjects = :subjects, updated_at = :at where tenant_id = :t"
                        + " and class_id = :c")
                .paramSource(values)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into classes (tenant_id, class_id, school_id, title, class_code, course_id, subjects,"
                            + " updated_at) values (:t, :c, :s, :title, :code, :course, :subjects, :at)")
                    .paramSource(values)
                    .update();
        }
        jdbc.sql("delete from class_terms where tenant_id = :t and class_id = :c")
                .param("t", tenantId)
                .param("c", c.id())
                .update();
        for (String term : c.termIds()) {
            jdbc.sql("insert into class_terms (tenant_id, class_id, term_id) values (:t, :c, :term)")
                    .param("t", tenantId)
                    .param("c", c.id())
                    .param("term", term)
                    .update();
        }
        return updated == 0;
    }

    /** Deletes the class and its terms (its teachers and enrollments must be removed first). */
    public void delete(String tenantId, String classId) {
        jdbc.sql("delete from class_terms where tenant_id = :t and class_id = :c")
                .param("t", tenantId)
                .param("c", classId)
                .update();
        jdbc.sql("delete from classes where tenant_id = :t and class_id = :c")
                .param("t", tenantId)
                .param("c", classId)
                .update();
    }

    private SchoolClass row(String tenantId, java.sql.ResultSet rs) throws java.sql.SQLException {
        String classId = rs.getString(1);
        return new SchoolClass(
                classId,
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                terms(tenantId, classId),
                read(rs.getString(6)));
    }

    private List<String> terms(String tenantId, String classId) {
        return jdbc.sql("select term_id from class_terms where tenant_id = :t and class_id = :c order by term_id")
                .param("t", tenantId)
                .param("c", classId)
                .query(String.class)
                .list();
    }

    private String write(List<String> values) {
        return values == null || values.isEmpty() ? null : JsonColumn.write(json, values);
    }

    private List<String> read(String text) {
        if (text == null) {
            return List.of();
        }
        try {
            return new ArrayList<>(json.readValue(text, new TypeReference<List<String>>() {}));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored class subjects are not valid JSON", e);
        }
    }
}
