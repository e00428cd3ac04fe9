package dev.pathwise.api.classes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
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
        var when = at.atOffset(ZoneOffset.UTC);
        int updated = jdbc.sql("update courses set title = :title, course_code = :code, school_id = :s,"
                        + " grades = :g, subjects = :sub, updated_at = :at where tenant_id = :t and course_id = :c")
                .param("title", c.title())
                .param("code", c.courseCode())
                .param("s", c.schoolId())
                .param("g", write(c.grades()))
                .param("sub", write(c.subjects()))
                .param("at", when)
                .param("t", tenantId)
                .param("c", c.id())
                .update();
        if (updated == 0) {
            jdbc.sql("insert into courses (tenant_id, course_id, title, course_code, school_id, grades, subjects,"
                            + " updated_at) values (:t, :c, :title, :code, :s, :g, :sub, :at)")
                    .param("t", tenantId)
                    .param("c", c.id())
                    .param("title", c.title())
                    .param("code", c.courseCode())
                    .param("s", c.schoolId())
                    .param("g", write(c.grades()))
                    .param("sub", write(c.subjects()))
                    .param("at", when)
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
        try {
            return values == null || values.isEmpty() ? null : json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write a list as JSON", e);
        }
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
