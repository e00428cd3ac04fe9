/**
 * Rule sessions: pooled stateful Drools sessions over one compiled rule set, borrowed by one evaluation on one thread,
 * recording the rules that fire and running every call into Drools under the sandbox's evaluation limits.
 */
package dev.pathwise.engine.policy.session;
