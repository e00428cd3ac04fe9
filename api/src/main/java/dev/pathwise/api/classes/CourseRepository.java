package dev.pathwise.api.classes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pathwise.api.storage.JsonColumn;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code courses} table: the courses a roster names, each class being a section of one. */
@Repository
public class CourseRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public CourseRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A course as stored. */
    public record Course(
            String id, String title, String courseCode, String schoolId, List<Integer> grades, List<String> subjects) {}

    public Optional<Course> find(String tenantId, String courseId) {
        return jdbc.sql("select course_id, title, course_code, school_id, grades, subjects from courses"
                        + " where tenant_id = :t and course_id = :c")
                .param("t", tenantId)
                .param("c", courseId)
                .query((rs, n) -> new Course(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        read(rs.getString(5), new TypeReference<List<Integer>>() {}),
                        read(rs.getString(6), new TypeReference<List<String>>() {})))
                .optional();
    }

    /** Inserts or replaces the course; true when it was new. */
    public boolean save(String tenantId, Course c, Instant at) {
        MapSqlParameterSource values = new MapSqlParameterSource()
                .addValue("t", tenantId)
                .addValue("c", c.id())
                .addValue("title", c.title())
                .addValue("code", c.courseCode())
                .addValue("s", c.schoolId())
                .addValue("g", write(c.grades()))
                .addValue("sub", write(c.subjects()))
                .addValue("at", at.atOffset(ZoneOffset.UTC));
        int updated = jdbc.sql("update courses set title = :title, course_code = :code, school_id = :s,"
                        + " grades = :g, subjects = :sub, updated_at = :at where tenant_id = :t and course_id = :c")
                .paramSource(values)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into courses (tenant_id, course_id, title, course_code, school_id, grades, subjects,"
                            + " updated_at) values (:t, :c, :title, :code, :s, :g, :sub, :at)")
                    .paramSource(values)
                    .update();
        }
        return updated == 0;
    }

    /** How many classes are sections of the course. */
    public long classes(String tenantId, String courseId) {
        return jdbc.sql("select count(*) from classes where tenant_id = :t and course_id = :c")
                .param("t", tenantId)
                .param("c", courseId)
                .query(Long.class)
                .single();
    }

    public void delete(String tenantId, String courseId) {
        jdbc.sql("delete from courses where tenant_id = :t and course_id = :c")
                .param("t", tenantId)
                .param("c", courseId)
                .update();
    }

    private String write(List<?> values) {
        return values == null || values.isEmpty() ? null : JsonColumn.write(json, values);
    }

    private <T> List<T> read(String text, TypeReference<List<T>> type) {
        if (text == null) {
            return List.of();
        }
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored course list is not valid JSON", e);
        }
    }
}
