/**
 * The tenant's audit trail: who created, changed, exported or erased what (people, classes, keys, rosters,
 * learners), named by the person behind the call or the label of the key. A learner's erasure leaves a tombstone
 * that holds no personal data.
 */
package dev.pathwise.api.audit;
