package dev.pathwise.api.school;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code schools} table, always by tenant. */
@Repository
public class SchoolRepository {

    private final JdbcClient jdbc;

    public SchoolRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A school row with what refers to it. */
    public record School(String id, String name, long learners, long classes) {}

    private static final String SELECT = "select s.school_id, s.name,"
            + " (select count(*) from learners l where l.tenant_id = s.tenant_id and l.school_id = s.school_id),"
            + " (select count(*) from classes c where c.tenant_id = s.tenant_id and c.school_id = s.school_id)"
            + " from schools s where s.tenant_id = :t";

    public List<School> all(String tenantId) {
        return jdbc.sql(SELECT + " order by s.school_id")
                .param("t", tenantId)
                .query((rs, n) -> row(rs))
                .list();
    }

    public Optional<School> find(String tenantId, String schoolId) {
        return jdbc.sql(SELECT + " and s.school_id = :s")
                .param("t", tenantId)
                .param("s", schoolId)
                .query((rs, n) -> row(rs))
                .optional();
    }

    public boolean exists(String tenantId, String schoolId) {
        return jdbc.sql("select count(*) from schools where tenant_id = :t and school_id = :s")
                        .param("t", tenantId)
                        .param("s", schoolId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public List<String> ids(String tenantId) {
        return jdbc.sql("select school_id from schools where tenant_id = :t order by school_id")
                .param("t", tenantId)
                .query(String.class)
                .list();
    }

    public void insert(String tenantId, String schoolId, String name) {
        jdbc.sql("insert into schools (tenant_id, school_id, name) values (:t, :s, :n)")
                .param("t", tenantId)
                .param("s", schoolId)
                .param("n", name)
                .update();
    }

    /** Renames the school; true when it exists. */
    public boolean rename(String tenantId, String schoolId, String name) {
        return jdbc.sql("update schools set name = :n where tenant_id = :t and school_id = :s")
                        .param("n", name)
                        .param("t", tenantId)
                        .param("s", schoolId)
                        .update()
                == 1;
    }

    public void delete(String tenantId, String schoolId) {
        jdbc.sql("delete from schools where tenant_id = :t and school_id = :s")
                .param("t", tenantId)
                .param("s", schoolId)
                .update();
    }

    private static School row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new School(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4));
    }
}
