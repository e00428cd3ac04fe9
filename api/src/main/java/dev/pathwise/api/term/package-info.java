/**
 * Academic sessions (terms): school years, semesters, terms and grading periods, with their dates and parent. A
 * class runs in one or more terms; rosters bring them in as OneRoster {@code academicSessions}.
 */
package dev.pathwise.api.term;
