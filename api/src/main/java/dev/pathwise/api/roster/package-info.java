/**
 * Rosters from the district's SIS: OneRoster 1.2 CSV (and 1.1 bulk where its columns allow), bulk and delta, as a
 * zip with {@code manifest.csv}. Schools, terms, courses, classes, teachers, learners and enrollments are created,
 * updated or removed; every roster record stays linked to what it became, so the same file again changes nothing.
 * Strict on identifiers and references (a problem refuses the whole import, named by file, line and column),
 * lenient on cosmetic columns (a warning).
 */
package dev.pathwise.api.roster;
