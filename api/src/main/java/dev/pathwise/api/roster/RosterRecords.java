package dev.pathwise.api.roster;

import java.time.LocalDate;
import java.util.List;

/**
 * The records of a OneRoster set once each row was read and checked on its own (identifiers, enumerations, dates);
 * references between records are checked when they are applied. Each keeps its row, for the file and line of any
 * later problem, and says whether the row asks for removal ({@code tobedeleted}).
 */
final class RosterRecords {

    private RosterRecords() {}

    /** Something read from one row of a roster file. */
    interface Record {
        RosterCsv.Row row();

        String sourcedId();

        boolean toBeDeleted();

        /** The content that matters to Pathwise, to tell whether a record changed since the last import. */
        String fingerprint();
    }

    record Org(
            RosterCsv.Row row,
            String sourcedId,
            boolean toBeDeleted,
            String name,
            String type,
            String identifier,
            String parentSourcedId)
            implements Record {
        public String fingerprint() {
            return String.join("|", String.valueOf(name), String.valueOf(type), String.valueOf(identifier));
        }

        boolean school() {
            return "school".equals(type);
        }
    }

    record Session(
            RosterCsv.Row row,
            String sourcedId,
            boolean toBeDeleted,
            String title,
            String type,
            LocalDate startDate,
            LocalDate endDate,
            String parentSourcedId,
            Integer schoolYear)
            implements Record {
        public String fingerprint() {
            return String.join(
                    "|",
                    title,
                    type,
                    startDate.toString(),
                    endDate.toString(),
                    String.valueOf(parentSourcedId),
                    String.valueOf(schoolYear));
        }
    }

    record Course(
            RosterCsv.Row row,
            String sourcedId,
            boolean toBeDeleted,
            String title,
            String courseCode,
            List<Integer> grades,
            String orgSourcedId,
            List<String> subjects)
            implements Record {
        public String fingerprint() {
            return String.join(
                    "|", title, String.valueOf(courseCode), grades.toString(), orgSourcedId, subjects.toString());
        }
    }

    record SchoolClass(
            RosterCsv.Row row,
            String sourcedId,
            boolean toBeDeleted,
            String title,
            String classCode,
            String courseSourcedId,
            String schoolSourcedId,
            List<String> termSourcedIds,
            List<String> subjects)
            implements Record {
        public String fingerprint() {
            return String.join(
                    "|",
                    title,
                    String.valueOf(classCode),
                    courseSourcedId,
                    schoolSourcedId,
                    termSourcedIds.toString(),
                    subjects.toString());
        }
    }

    /**
     * A user row. {@code role} is the 1.1 column (null in 1.2, where roles.csv holds roles); {@code grade} is the
     * first of {@code grades} as 0 (kindergarten) to 12, or null.
     */
    record User(
            RosterCsv.Row row,
            String sourcedId,
            boolean toBeDeleted,
            boolean enabled,
            String username,
            String givenName,
            String familyName,
            String identifier,
            String email,
            List<String> grades,
            List<String> orgSourcedIds,
            String primaryOrgSourcedId,
            String role)
            implements Record {
        public String fingerprint() {
            return String.join(
                    "|",
                    String.valueOf(enabled),
                    String.valueOf(username),
                    String.valueOf(givenName),
                    String.valueOf(familyName),
                    String.valueOf(identifier),
                    String.valueOf(email),
                    grades.toString(),
                    orgSourcedIds.toString(),
                    String.valueOf(primaryOrgSourcedId),
                    String.valueOf(role));
        }
    }

    /** A role of a user at an org (OneRoster 1.2 roles.csv). */
    record Role(
            RosterCsv.Row row,
            String sourcedId,
            boolean toBeDeleted,
            String userSourcedId,
            boolean primary,
            String role,
            String orgSourcedId)
            implements Record {
        public String fingerprint() {
            return String.join("|", userSourcedId, String.valueOf(primary), role, orgSourcedId);
        }
    }

    record Enrollment(
            RosterCsv.Row row,
            String sourcedId,
            boolean toBeDeleted,
            String classSourcedId,
            String schoolSourcedId,
            String userSourcedId,
            String role,
            LocalDate beginDate,
            LocalDate endDate)
            implements Record {
        public String fingerprint() {
            return String.join(
                    "|",
                    classSourcedId,
                    schoolSourcedId,
                    userSourcedId,
                    role,
                    String.valueOf(beginDate),
                    String.valueOf(endDate));
        }
    }

    /** Everything read from a set, by file. */
    record Set(
            String version,
            List<Org> orgs,
            List<Session> sessions,
            List<Course> courses,
            List<User> users,
            List<Role> roles,
            List<SchoolClass> classes,
            List<Enrollment> enrollments,
            int demographics) {}
}
