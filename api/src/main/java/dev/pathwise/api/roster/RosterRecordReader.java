package dev.pathwise.api.roster;

import dev.pathwise.engine.spelling.Suggestions;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads each file of a OneRoster set into records, checking every row on its own. Strict (an error, the import is
 * refused): {@code sourcedId} (present, unique in its file, at most 255 characters, no control characters), in a
 * delta file {@code status}, enumerations Pathwise acts on ({@code orgs.type}, {@code academicSessions.type}, roles),
 * dates ({@code startDate}, {@code endDate}), the names of schools, terms, courses and classes. Lenient (a warning,
 * the value is dropped or read as noted): {@code dateLastModified}, {@code enabledUser}, {@code email},
 * {@code schoolYear}, course grades, a case-different header or status; columns Pathwise does not use are ignored.
 *
 * <p>It stays one class on purpose: it is one reader per OneRoster file, each a short method over the same row checks
 * (strict and lenient), and the files' rules are compared side by side against the specification.
 */
final class RosterRecordReader {

    static final List<String> SESSION_TYPES = List.of("gradingPeriod", "semester", "schoolYear", "term");
    static final List<String> ORG_TYPES = List.of("department", "school", "district", "local", "state", "national");
    private static final List<String> STATUS = List.of("status", "dateLastModified");

    private final OneRosterArchive archive;
    private final RosterProblems problems;

    private RosterRecordReader(OneRosterArchive archive, RosterProblems problems) {
        this.archive = archive;
        this.problems = problems;
    }

    static RosterRecords.Set read(OneRosterArchive archive, RosterProblems problems) {
        RosterRecordReader reader = new RosterRecordReader(archive, problems);
        boolean v11 = "1.1".equals(archive.version());
        List<String> userColumns = new ArrayList<>(List.of(
                "sourcedId",
                "status",
                "dateLastModified",
                "enabledUser",
                "username",
                "userIds",
                "givenName",
                "familyName",
                "middleName",
                "identifier",
                "email",
                "sms",
                "phone",
                "agentSourcedIds",
                "grades",
                "password",
                "userMasterIdentifier",
                "resourceSourcedIds",
                "preferredGivenName",
                "preferredMiddleName",
                "preferredFamilyName",
                "primaryOrgSourcedId",
                "pronouns",
                "orgSourcedIds",
                "role"));
        int demographics = reader.rows(
                        "demographics.csv",
                        List.of("sourcedId"),
                        List.of(
                                "sourcedId",
                                "status",
                                "dateLastModified",
                                "birthDate",
                                "sex",
                                "americanIndianOrAlaskaNative",
                                "asian",
                                "blackOrAfricanAmerican",
                                "nativeHawaiianOrOtherPacificIslander",
                                "white",
                                "demographicRaceTwoOrMoreRaces",
                                "hispanicOrLatinoEthnicity",
                                "countryOfBirthCode",
                                "stateOfBirthAbbreviation",
                                "cityOfBirth",
                                "publicSchoolResidenceStatus"))
                .size();
        return new RosterRecords.Set(
                archive.version(),
                reader.records(
                        "orgs.csv",
                        List.of("sourcedId", "name", "type"),
                        List.of(
                                "sourcedId",
                                "status",
                                "dateLastModified",
                                "name",
                                "type",
                                "identifier",
                                "parentSourcedId"),
                        reader::org),
                reader.records(
                        "academicSessions.csv",
                        List.of("sourcedId", "title", "type", "startDate", "endDate"),
                        List.of(
                                "sourcedId",
                                "status",
                                "dateLastModified",
                                "title",
                                "type",
                                "startDate",
                                "endDate",
                                "parentSourcedId",
                                "schoolYear"),
                        reader::session),
                reader.records(
                        "courses.csv",
                        List.of("sourcedId", "title", "orgSourcedId"),
                        List.of(
                                "sourcedId",
                                "status",
                                "dateLastModified",
                                "schoolYearSourcedId",
                                "title",
                                "courseCode",
                                "grades",
                                "orgSourcedId",
                                "subjects",
                                "subjectCodes"),
                        reader::course),
                reader.records(
                        "users.csv",
                        v11
                                ? List.of("sourcedId", "orgSourcedIds", "role", "username", "givenName", "familyName")
                                : List.of("sourcedId", "username", "givenName", "familyName"),
                        userColumns,
                        reader::user),
                reader.records(
                        "roles.csv",
                        List.of("sourcedId", "userSourcedId", "roleType", "role", "orgSourcedId"),
                        List.of(
                                "sourcedId",
                                "status",
                                "dateLastModified",
                                "userSourcedId",
                                "roleType",
                                "role",
                                "beginDate",
                                "endDate",
                                "orgSourcedId",
                                "userProfileSourcedId"),
                        reader::role),
                reader.records(
                        "classes.csv",
                        List.of("sourcedId", "title", "courseSourcedId", "schoolSourcedId", "termSourcedIds"),
                        List.of(
                                "sourcedId",
                                "status",
                                "dateLastModified",
                                "title",
                                "grades",
                                "courseSourcedId",
                                "classCode",
                                "classType",
                                "location",
                                "schoolSourcedId",
                                "termSourcedIds",
                                "subjects",
                                "subjectCodes",
                                "periods"),
                        reader::schoolClass),
                reader.records(
                        "enrollments.csv",
                        List.of("sourcedId", "classSourcedId", "schoolSourcedId", "userSourcedId", "role"),
                        List.of(
                                "sourcedId",
                                "status",
                                "dateLastModified",
                                "classSourcedId",
                                "schoolSourcedId",
                                "userSourcedId",
                                "role",
                                "primary",
                                "beginDate",
                                "endDate"),
                        reader::enrollment),
                demographics);
    }

    /** The checked rows of a file (empty when absent); rows with a bad identifier or status are left out. */
    private List<RosterCsv.Row> rows(String file, List<String> required, List<String> known) {
        byte[] bytes = archive.file(file);
        if (bytes == null) {
            return List.of();
        }
        boolean delta = archive.mode(file) == OneRosterArchive.Mode.DELTA;
        List<String> needed = new ArrayList<>(required);
        if (delta) {
            needed.addAll(STATUS);
        }
        List<RosterCsv.Row> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean passwordNoted = false;
        for (RosterCsv.Row row : RosterCsv.read(file, bytes, needed, known, problems)) {
            String id = row.get("sourcedId");
            if (id == null) {
                problems.error(row, "sourcedId", "sourcedId: is required");
                continue;
            }
            if (id.length() > 255 || id.chars().anyMatch(Character::isISOControl)) {
                problems.error(row, "sourcedId", "sourcedId: at most 255 characters without control characters");
                continue;
            }
            if (!seen.add(id)) {
                problems.error(row, "sourcedId", "sourcedId: '" + id + "' is given twice in " + file);
                continue;
            }
            if (!passwordNoted && row.get("password") != null) {
                passwordNoted = true;
                problems.warning(
                        row.file(),
                        row.line(),
                        row.column("password"),
                        "password",
                        null,
                        "password: not"
                                + " read, and not repeated here; Pathwise never takes passwords from a roster (people sign in"
                                + " with their own password or the district's OpenID Connect)");
            }
            String modified = row.get("dateLastModified");
            if (modified != null && !dateTime(modified)) {
                problems.warning(
                        row,
                        "dateLastModified",
                        "dateLastModified: '" + modified + "' is not an ISO 8601" + " date-time; not used by Pathwise");
            }
            rows.add(row);
        }
        return rows;
    }

    private <T extends RosterRecords.Record> List<T> records(
            String file, List<String> required, List<String> known, Function<RosterCsv.Row, T> reader) {
        List<T> records = new ArrayList<>();
        for (RosterCsv.Row row : rows(file, required, known)) {
            T record = reader.apply(row);
            if (record != null) {
                records.add(record);
            } else {
                problems.refused(file, row.get("sourcedId"));
            }
        }
        return records;
    }

    /** True when the row asks for removal; null (an error) when its status is not usable. */
    private Boolean toBeDeleted(RosterCsv.Row row) {
        String status = row.get("status");
        boolean delta = archive.mode(row.file()) == OneRosterArchive.Mode.DELTA;
        if (status == null) {
            if (delta) {
                problems.error(row, "status", "status: required in a delta file; use active or tobedeleted");
                return null;
            }
            return false;
        }
        String lower = status.toLowerCase(Locale.ROOT);
        if (!lower.equals("active") && !lower.equals("tobedeleted")) {
            problems.error(
                    row,
                    "status",
                    "status: '" + status + "' is not a status; use active or tobedeleted"
                            + Suggestions.nameHint(status, List.of("active", "tobedeleted")));
            return null;
        }
        if (!lower.equals(status)) {
            problems.warning(row, "status", "status: '" + status + "' read as '" + lower + "'");
        }
        if (!delta && lower.equals("tobedeleted")) {
            problems.warning(
                    row,
                    "status",
                    "status: tobedeleted in a bulk file; the record is removed as in a delta"
                            + " file (a bulk file usually leaves status blank and omits the record)");
        }
        return lower.equals("tobedeleted");
    }

    private RosterRecords.Org org(RosterCsv.Row row) {
        Boolean deleted = toBeDeleted(row);
        String type = enumeration(row, "type", ORG_TYPES, !Boolean.TRUE.equals(deleted), true);
        String name = row.get("name");
        if (name == null && !Boolean.TRUE.equals(deleted)) {
            problems.error(row, "name", "name: is required");
            return null;
        }
        return deleted == null
                ? null
                : new RosterRecords.Org(
                        row,
                        row.get("sourcedId"),
                        deleted,
                        name,
                        type,
                        row.get("identifier"),
                        row.get("parentSourcedId"));
    }

    private RosterRecords.Session session(RosterCsv.Row row) {
        Boolean deleted = toBeDeleted(row);
        if (deleted == null) {
            return null;
        }
        if (deleted) {
            return new RosterRecords.Session(
                    row, row.get("sourcedId"), true, "", "", LocalDate.MIN, LocalDate.MIN, null, null);
        }
        String title = required(row, "title");
        String type = enumeration(row, "type", SESSION_TYPES, true);
        LocalDate start = date(row, "startDate", true);
        LocalDate end = date(row, "endDate", true);
        if (start != null && end != null && end.isBefore(start)) {
            problems.error(row, "endDate", "endDate: " + end + " is before startDate " + start);
            return null;
        }
        Integer year = null;
        String schoolYear = row.get("schoolYear");
        if (schoolYear != null) {
            try {
                year = Integer.parseInt(schoolYear);
            } catch (NumberFormatException e) {
                problems.warning(
                        row,
                        "schoolYear",
                        "schoolYear: '" + schoolYear + "' is not a year such as 2027;" + " left out");
            }
        }
        if (title == null || type == null || start == null || end == null) {
            return null;
        }
        return new RosterRecords.Session(
                row, row.get("sourcedId"), false, title, type, start, end, row.get("parentSourcedId"), year);
    }

    private RosterRecords.Course course(RosterCsv.Row row) {
        Boolean deleted = toBeDeleted(row);
        if (deleted == null) {
            return null;
        }
        String title = deleted ? "" : required(row, "title");
        String org = deleted ? "" : required(row, "orgSourcedId");
        List<Integer> grades = new ArrayList<>();
        for (String code : row.list("grades")) {
            Integer grade = RosterGrades.kTo12(code);
            if (grade == null) {
                problems.warning(row, "grades", "grades: '" + code + "' is not a grade K-12; left out of the course");
            } else {
                grades.add(grade);
            }
        }
        return title == null || org == null
                ? null
                : new RosterRecords.Course(
                        row,
                        row.get("sourcedId"),
                        deleted,
                        title,
                        row.get("courseCode"),
                        grades,
                        org,
                        row.list("subjects"));
    }

    private RosterRecords.SchoolClass schoolClass(RosterCsv.Row row) {
        Boolean deleted = toBeDeleted(row);
        if (deleted == null) {
            return null;
        }
        if (deleted) {
            return new RosterRecords.SchoolClass(
                    row, row.get("sourcedId"), true, "", null, "", "", List.of(), List.of());
        }
        String title = required(row, "title");
        String course = required(row, "courseSourcedId");
        String school = required(row, "schoolSourcedId");
        List<String> terms = row.list("termSourcedIds");
        if (terms.isEmpty()) {
            problems.error(row, "termSourcedIds", "termSourcedIds: a class needs at least one term");
            return null;
        }
        return title == null || course == null || school == null
                ? null
                : new RosterRecords.SchoolClass(
                        row,
                        row.get("sourcedId"),
                        false,
                        title,
                        row.get("classCode"),
                        course,
                        school,
                        terms,
                        row.list("subjects"));
    }

    private RosterRecords.User user(RosterCsv.Row row) {
        Boolean deleted = toBeDeleted(row);
        if (deleted == null) {
            return null;
        }
        boolean enabled = true;
        String enabledUser = row.get("enabledUser");
        if (enabledUser != null) {
            if (enabledUser.equalsIgnoreCase("false")) {
                enabled = false;
            } else if (!enabledUser.equalsIgnoreCase("true")) {
                problems.warning(
                        row,
                        "enabledUser",
                        "enabledUser: '" + enabledUser + "' is neither true nor false;" + " read as true");
            }
        }
        String email = row.get("email");
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            problems.warning(row, "email", "email: '" + email + "' is not an e-mail address; left out");
            email = null;
        }
        String role = row.get("role");
        if (role != null && !deleted) {
            role = enumeration(row, "role", RosterPeople.USER_ROLES, true, true);
            if (role == null) {
                return null;
            }
        }
        return new RosterRecords.User(
                row,
                row.get("sourcedId"),
                deleted,
                enabled,
                row.get("username"),
                row.get("givenName"),
                row.get("familyName"),
                row.get("identifier"),
                email,
                row.list("grades"),
                row.list("orgSourcedIds"),
                row.get("primaryOrgSourcedId"),
                role);
    }

    private RosterRecords.Role role(RosterCsv.Row row) {
        Boolean deleted = toBeDeleted(row);
        if (deleted == null) {
            return null;
        }
        String user = required(row, "userSourcedId");
        String roleType = enumeration(row, "roleType", List.of("primary", "secondary"), !deleted);
        String role = enumeration(row, "role", RosterPeople.USER_ROLES, !deleted, true);
        String org = required(row, "orgSourcedId");
        if (user == null || org == null || (!deleted && (roleType == null || role == null))) {
            return null;
        }
        return new RosterRecords.Role(
                row, row.get("sourcedId"), deleted, user, "primary".equals(roleType), String.valueOf(role), org);
    }

    private RosterRecords.Enrollment enrollment(RosterCsv.Row row) {
        Boolean deleted = toBeDeleted(row);
        if (deleted == null) {
            return null;
        }
        if (deleted) {
            return new RosterRecords.Enrollment(row, row.get("sourcedId"), true, "", "", "", "", null, null);
        }
        String clazz = required(row, "classSourcedId");
        String school = required(row, "schoolSourcedId");
        String user = required(row, "userSourcedId");
        String role = enumeration(row, "role", RosterPeople.ENROLLMENT_ROLES, true, true);
        LocalDate begin = date(row, "beginDate", false);
        LocalDate end = date(row, "endDate", false);
        if (clazz == null || school == null || user == null || role == null) {
            return null;
        }
        return new RosterRecords.Enrollment(row, row.get("sourcedId"), false, clazz, school, user, role, begin, end);
    }

    private String required(RosterCsv.Row row, String column) {
        String value = row.get(column);
        if (value == null) {
            problems.error(row, column, column + ": is required");
        }
        return value;
    }

    /** A closed enumeration: a value outside it is an error. */
    private String enumeration(RosterCsv.Row row, String column, List<String> allowed, boolean required) {
        return enumeration(row, column, allowed, required, false);
    }

    /**
     * The value as the specification spells it (read without case, with a warning), or null after an error. In an
     * open enumeration (roles, org types) another value is passed on as given: what Pathwise does not keep is then
     * skipped with the reason.
     */
    private String enumeration(RosterCsv.Row row, String column, List<String> allowed, boolean required, boolean open) {
        String value = row.get(column);
        if (value == null) {
            if (required) {
                problems.error(row, column, column + ": is required; use one of " + allowed);
            }
            return null;
        }
        for (String token : allowed) {
            if (token.equals(value)) {
                return token;
            }
        }
        for (String token : allowed) {
            if (token.equalsIgnoreCase(value)) {
                problems.warning(row, column, column + ": '" + value + "' read as '" + token + "'");
                return token;
            }
        }
        if (open) {
            return value;
        }
        problems.error(
                row,
                column,
                column + ": '" + value + "' is not one of " + allowed + Suggestions.nameHint(value, allowed));
        return null;
    }

    private LocalDate date(RosterCsv.Row row, String column, boolean required) {
        String value = row.get(column);
        if (value == null) {
            if (required) {
                problems.error(row, column, column + ": is required (YYYY-MM-DD)");
            }
            return null;
        }
        try {
            return LocalDate.parse(value.length() > 10 && value.charAt(10) == 'T' ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            problems.error(row, column, column + ": '" + value + "' is not a date (YYYY-MM-DD)");
            return null;
        }
    }

    private static boolean dateTime(String value) {
        try {
            OffsetDateTime.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            try {
                LocalDate.parse(value);
                return true;
            } catch (DateTimeParseException e2) {
                return false;
            }
        }
    }
}
