/**
 * Classes (sections of a course, in a school, over one or more terms) with their teachers and enrolled learners. A
 * person who is only a teacher reads and overrides the learners of the classes they teach, and nobody else: any
 * other learner is answered 404, exactly as a learner that does not exist ({@link ClassScopeInterceptor}).
 */
package dev.pathwise.api.classes;
