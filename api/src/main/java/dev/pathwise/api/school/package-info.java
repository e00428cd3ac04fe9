/**
 * Schools of the tenant, a first-class resource: created, renamed and removed by admins, read by everyone. Every
 * reference to a school (a learner's profile, a class, a policy overlay's {@code schools/<id>/} folder, a query's
 * {@code school=}) must name an existing school; an unknown id is refused with the closest known one.
 */
package dev.pathwise.api.school;
