package dev.pathwise.engine.policy;

/**
 * A rule file as it applies to one grade band and school, with the layer it came from.
 *
 * @param file     the file
 * @param layer    the layer that supplied it
 * @param replaces the layer whose file of the same name it replaces, or {@code null} when nothing was replaced
 */
public record EffectiveRuleFile(RuleFile file, String layer, String replaces) {}
