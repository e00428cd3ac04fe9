package dev.pathwise.engine.evidence;

/** What sort of observation a piece of evidence is. */
public enum EvidenceKind {
    PRE_ASSESSMENT,
    FORMATIVE,
    SUMMATIVE,
    OBSERVATION,
    SELF_REFLECTION
}
