package dev.pathwise.api.roster;

import java.util.List;

/**
 * OneRoster grade codes (the CEDS grade levels: IT, PR, PK, TK, KG, 01-12, 13, PS, UG, Other) as the grades Pathwise
 * serves, 0 (kindergarten) to 12.
 */
final class RosterGrades {

    /** Codes that are a grade level outside K-12: a learner of such a grade is skipped, not refused. */
    static final List<String> OUTSIDE_K12 = List.of("IT", "PR", "PK", "TK", "13", "PS", "UG", "Other");

    private RosterGrades() {}

    /** The grade 0-12 of a code ("KG", "06", "6"), or null when the code is not a grade K-12. */
    static Integer kTo12(String code) {
        if (code == null) {
            return null;
        }
        String c = code.strip();
        if (c.equalsIgnoreCase("KG")) {
            return 0;
        }
        if (c.matches("\\d{1,2}")) {
            int grade = Integer.parseInt(c);
            return grade >= 1 && grade <= 12 ? grade : null;
        }
        return null;
    }

    /** True for a code that names a grade level Pathwise does not serve (pre-K, post-secondary, ungraded). */
    static boolean outsideK12(String code) {
        return code != null && OUTSIDE_K12.stream().anyMatch(c -> c.equalsIgnoreCase(code.strip()));
    }
}
