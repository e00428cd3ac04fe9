/**
 * xAPI 1.0.3 statements as evidence. Every statement is first validated as an LRS validates it (the whole Data
 * section: actors and their identifiers, verbs, the five kinds of object, results, contexts, formats); one invalid
 * statement refuses the request with a 400 naming its path and rule. A valid statement is kept as received (read back
 * by {@code statementId}) and becomes evidence (id = statement id, actor → learner, object IRI → activity or
 * competency), voids the evidence it names, or is parked for review with its reason — never dropped.
 */
package dev.pathwise.api.interop.xapi;
