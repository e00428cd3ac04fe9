/**
 * xAPI 1.0.3 statements as evidence: the statement id is the evidence id, the actor maps to a learner, the object
 * activity IRI to an activity or competency, the result to a score and the verb and context to an evidence kind.
 * What cannot be mapped is answered and parked for review; {@code voided} statements remove their evidence's effect.
 */
package dev.pathwise.api.interop.xapi;
