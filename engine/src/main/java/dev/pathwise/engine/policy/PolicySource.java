package dev.pathwise.engine.policy;

import dev.pathwise.engine.learner.GradeBand;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a policy version is made of: the district layer, grade-band overlays and school overlays.
 * Resolution order for a learner is district, then their grade band, then their school (later wins).
 *
 * @param policyId   the policy, e.g. "district-default"
 * @param version    the version, e.g. "2026.11.1"
 * @param district   the base layer; it must set every parameter for every band
 * @param gradeBands overlays per grade band
 * @param schools    overlays per school id
 */
public record PolicySource(
        String policyId,
        String version,
        PolicyLayer district,
        Map<GradeBand, PolicyLayer> gradeBands,
        Map<String, PolicyLayer> schools) {

    public PolicySource {
        if (policyId == null || policyId.isBlank()) {
            throw new IllegalArgumentException("policyId: must not be blank");
        }
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("version: policy '" + policyId + "' needs a version");
        }
        if (district == null) {
            throw new IllegalArgumentException("district: policy '" + policyId + "' needs a district layer");
        }
        gradeBands = gradeBands == null || gradeBands.isEmpty() ? Map.of() : new EnumMap<>(gradeBands);
        schools = schools == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(schools));
    }

    /** A policy with only a district layer. */
    public static PolicySource district(
            String policyId, String version, List<RuleFile> ruleFiles, ParameterFile parameters) {
        return new PolicySource(
                policyId, version, new PolicyLayer("district", ruleFiles, parameters), Map.of(), Map.of());
    }

    /** The same policy under another version name. */
    public PolicySource withVersion(String nextVersion) {
        return new PolicySource(policyId, nextVersion, district, gradeBands, schools);
    }

    /** The same policy with one school overlay added or replaced. */
    public PolicySource withSchool(String schoolId, PolicyLayer layer) {
        Map<String, PolicyLayer> next = new LinkedHashMap<>(schools);
        next.put(schoolId, layer);
        return new PolicySource(policyId, version, district, gradeBands, next);
    }

    /** The same policy with one grade-band overlay added or replaced. */
    public PolicySource withGradeBand(GradeBand band, PolicyLayer layer) {
        Map<GradeBand, PolicyLayer> next = new EnumMap<>(GradeBand.class);
        next.putAll(gradeBands);
        next.put(band, layer);
        return new PolicySource(policyId, version, district, next, schools);
    }

    /** The layers that apply to a learner of this band and school, in resolution order. */
    public List<PolicyLayer> layersFor(GradeBand band, String schoolId) {
        List<PolicyLayer> layers = new ArrayList<>(3);
        layers.add(district);
        PolicyLayer bandLayer = gradeBands.get(band);
        if (bandLayer != null) {
            layers.add(bandLayer);
        }
        PolicyLayer schoolLayer = schoolId == null ? null : schools.get(schoolId);
        if (schoolLayer != null) {
            layers.add(schoolLayer);
        }
        return layers;
    }

    /** A SHA-256 over every file of every layer, to tell two contents of one version apart. */
    public String contentHash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            // every file once, by layer and path: the same files give the same hash, whatever order they were read in
            TreeMap<String, String> files = new TreeMap<>();
            List<PolicyLayer> all = new ArrayList<>();
            all.add(district);
            all.addAll(gradeBands.values());
            all.addAll(schools.values());
            for (PolicyLayer layer : all) {
                for (RuleFile file : layer.ruleFiles()) {
                    files.put(layer.name() + '\u0000' + file.path(), file.content());
                }
                if (layer.parameters() != null) {
                    files.put(
                            layer.name() + '\u0000' + layer.parameters().path(),
                            layer.parameters().yaml());
                }
            }
            for (Map.Entry<String, String> file : files.entrySet()) {
                update(digest, file.getKey());
                update(digest, file.getValue());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    private static void update(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update((byte) (bytes.length >>> 24));
        digest.update((byte) (bytes.length >>> 16));
        digest.update((byte) (bytes.length >>> 8));
        digest.update((byte) bytes.length);
        digest.update(bytes);
    }
}
