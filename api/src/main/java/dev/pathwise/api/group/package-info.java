/**
 * Small-group suggestions: learners who share a ready or struggling competency, split into groups of the size the
 * policy sets for their grade band, each with a suggested mini-lesson.
 */
package dev.pathwise.api.group;
