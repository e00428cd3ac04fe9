package dev.pathwise.api.term;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code terms} table, always by tenant. */
@Repository
public class TermRepository {

    private final JdbcClient jdbc;

    public TermRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A term as stored. */
    public record Term(
            String id,
            String title,
            String type,
            LocalDate startDate,
            LocalDate endDate,
            String parentId,
            Integer schoolYear) {}

    private static final String SELECT = "select term_id, title, type, start_date, end_date, parent_id, school_year"
            + " from terms where tenant_id = :t";

    public List<Term> all(String tenantId) {
        return jdbc.sql(SELECT + " order by start_date, term_id")
                .param("t", tenantId)
                .query((rs, n) -> row(rs))
                .list();
    }

    public Optional<Term> find(String tenantId, String termId) {
        return jdbc.sql(SELECT + " and term_id = :id")
                .param("t", tenantId)
                .param("id", termId)
                .query((rs, n) -> row(rs))
                .optional();
    }

    public List<String> ids(String tenantId) {
        return jdbc.sql("select term_id from terms where tenant_id = :t order by term_id")
                .param("t", tenantId)
                .query(String.class)
                .list();
    }

    /** Inserts or replaces the term; true when it was new. */
    public boolean save(String tenantId, Term term, Instant at) {
        MapSqlParameterSource values = new MapSqlParameterSource()
                .addValue("t", tenantId)
                .addValue("id", term.id())
                .addValue("title", term.title())
                .addValue("type", term.type())
                .addValue("s", term.startDate())
                .addValue("e", term.endDate())
                .addValue("p", term.parentId())
                .addValue("y", term.schoolYear())
                .addValue("at", at.atOffset(ZoneOffset.UTC));
        int updated = jdbc.sql("update terms set title = :title, type = :type, start_date = :s, end_date = :e,"
                        + " parent_id = :p, school_year = :y, updated_at = :at where tenant_id = :t and term_id = :id")
                .paramSource(values)
                .update();
        if (updated == 1) {
            return false;
        }
        jdbc.sql("insert into terms (tenant_id, term_id, title, type, start_date, end_date, parent_id, school_year,"
                        + " updated_at) values (:t, :id, :title, :type, :s, :e, :p, :y, :at)")
                .paramSource(values)
                .update();
        return true;
    }

    /** How many terms name this one as their parent. */
    public long children(String tenantId, String termId) {
        return jdbc.sql("select count(*) from terms where tenant_id = :t and parent_id = :id")
                .param("t", tenantId)
                .param("id", termId)
                .query(Long.class)
                .single();
    }

    /** How many classes run in this term. */
    public long classes(String tenantId, String termId) {
        return jdbc.sql("select count(*) from class_terms where tenant_id = :t and term_id = :id")
                .param("t", tenantId)
                .param("id", termId)
                .query(Long.class)
                .single();
    }

    public void delete(String tenantId, String termId) {
        jdbc.sql("delete from terms where tenant_id = :t and term_id = :id")
                .param("t", tenantId)
                .param("id", termId)
                .update();
    }

    private static Term row(java.sql.ResultSet rs) throws java.sql.SQLException {
        int year = rs.getInt(7);
        Integer schoolYear = rs.wasNull() ? null : year;
        return new Term(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getObject(4, LocalDate.class),
                rs.getObject(5, LocalDate.class),
                rs.getString(6),
                schoolYear);
    }
}
