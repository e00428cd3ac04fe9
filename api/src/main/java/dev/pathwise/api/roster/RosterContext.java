package dev.pathwise.api.roster;

import dev.pathwise.api.tenant.Caller;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One import in progress: the tenant, what the files declare, the links of earlier imports, what each roster record
 * of this import resolved to (so that later files can refer to it), what to remove at the end, and the counts.
 */
final class RosterContext {

    /** What a roster record became: a target type (school, district, term, learner, teacher, ...) and its id. */
    record Target(String type, String id, RosterCsv.Row row) {

        boolean skipped() {
            return "skipped".equals(type);
        }
    }

    /** The outcome of one record, counted per entity. */
    enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED,
        REMOVED,
        SKIPPED
    }

    /** A removal to carry out once everything else is applied (dependents first). */
    record Removal(String kind, RosterLinks.Link link, RosterCsv.Row row) {}

    final Caller caller;
    final String tenantId;
    final Instant now;
    final OneRosterArchive archive;
    final RosterProblems problems;
    private final RosterLinks links;
    private final Map<String, Map<String, RosterLinks.Link>> linksByKind = new HashMap<>();
    private final Map<String, Map<String, Target>> targets = new HashMap<>();
    private final Map<String, Set<String>> deletedInFile = new HashMap<>();
    private final Map<String, Set<String>> seen = new HashMap<>();
    private final Map<String, Map<Outcome, Integer>> counts = new LinkedHashMap<>();
    private final List<Removal> removals = new ArrayList<>();

    RosterContext(Caller caller, Instant now, OneRosterArchive archive, RosterProblems problems, RosterLinks links) {
        this.caller = caller;
        this.tenantId = caller.tenantId();
        this.now = now;
        this.archive = archive;
        this.problems = problems;
        this.links = links;
        for (String entity : List.of(
                "schools",
                "terms",
                "courses",
                "classes",
                "teachers",
                "learners",
                "otherUsers",
                "enrollments",
                "classTeachers",
                "demographics")) {
            Map<Outcome, Integer> zero = new LinkedHashMap<>();
            for (Outcome outcome : Outcome.values()) {
                zero.put(outcome, 0);
            }
            counts.put(entity, zero);
        }
    }

    /** The link of an earlier import (active or removed), or null. */
    RosterLinks.Link link(String kind, String sourceId) {
        return linksByKind.computeIfAbsent(kind, k -> links.all(tenantId, k)).get(sourceId);
    }

    /** Every link of a kind, for the removals of a bulk file. */
    Map<String, RosterLinks.Link> links(String kind) {
        return linksByKind.computeIfAbsent(kind, k -> links.all(tenantId, k));
    }

    void saveLink(
            String kind, String sourceId, String targetId, String targetType, String fingerprint, boolean active) {
        RosterLinks.Link link = new RosterLinks.Link(kind, sourceId, targetId, targetType, hash(fingerprint), active);
        links.save(tenantId, link, now);
        links(kind).put(sourceId, link);
    }

    /** True when the record is linked, active, and its content is what was imported last time. */
    boolean unchanged(String kind, RosterRecords.Record record) {
        RosterLinks.Link link = link(kind, record.sourcedId());
        return link != null && link.active() && link.contentHash().equals(hash(record.fingerprint()));
    }

    void resolve(String kind, String sourceId, Target target) {
        targets.computeIfAbsent(kind, k -> new HashMap<>()).put(sourceId, target);
    }

    /** What a sourcedId of this import resolved to, or null. */
    Target resolved(String kind, String sourceId) {
        return targets.getOrDefault(kind, Map.of()).get(sourceId);
    }

    /**
     * What a reference in a row points to: a record of this import, or one imported before and not removed. An
     * unknown or removed record is an error naming the row's column, with the closest known sourcedId; null then.
     */
    Target reference(String kind, String sourceId, RosterCsv.Row row, String column, String file) {
        Target target = resolved(kind, sourceId);
        if (target != null) {
            return target;
        }
        if (isDeletedInFile(kind, sourceId)) {
            problems.error(
                    row,
                    column,
                    column + ": '" + sourceId + "' is tobedeleted in " + file
                            + "; a record that stays cannot refer to it");
            return null;
        }
        if (wasSeen(kind, sourceId) || problems.isRefused(file, sourceId)) {
            problems.error(
                    row,
                    column,
                    column + ": '" + sourceId + "' is refused in " + file + " (see its error);"
                            + " this row cannot be imported without it");
            return null;
        }
        RosterLinks.Link link = link(kind, sourceId);
        if (link != null && link.active()) {
            return new Target(link.targetType(), link.targetId(), null);
        }
        List<String> known =
                new ArrayList<>(targets.getOrDefault(kind, Map.of()).keySet());
        links(kind).values().stream()
                .filter(RosterLinks.Link::active)
                .map(RosterLinks.Link::sourceId)
                .forEach(known::add);
        problems.error(
                row,
                column,
                column + ": '" + sourceId + "' is neither in " + file + " nor imported before"
                        + (link != null ? " (it was removed by an earlier roster)" : "") + "."
                        + dev.pathwise.engine.spelling.Suggestions.idHint(sourceId, known));
        return null;
    }

    void deletedInFile(String kind, String sourceId) {
        deletedInFile.computeIfAbsent(kind, k -> new HashSet<>()).add(sourceId);
    }

    boolean isDeletedInFile(String kind, String sourceId) {
        return deletedInFile.getOrDefault(kind, Set.of()).contains(sourceId);
    }

    void seen(String kind, String sourceId) {
        seen.computeIfAbsent(kind, k -> new HashSet<>()).add(sourceId);
    }

    boolean wasSeen(String kind, String sourceId) {
        return seen.getOrDefault(kind, Set.of()).contains(sourceId);
    }

    /**
     * Marks removed the active enrollment links that point to a class or a person that is gone ({@code byClass}:
     * the class id, else the person id, of {@code targetType} enrollment or teaching), so that a later file does not
     * count them again.
     */
    void enrollmentsGone(String id, boolean byClass, String targetType) {
        links("enrollment").values().stream()
                .filter(RosterLinks.Link::active)
                .filter(link -> targetType == null || targetType.equals(link.targetType()))
                .filter(link -> (byClass
                                ? RosterLinks.classOf(link.targetId())
                                : RosterLinks.learnerOf(link.targetId()))
                        .equals(id))
                .toList()
                .forEach(link ->
                        saveLink("enrollment", link.sourceId(), link.targetId(), link.targetType(), "removed", false));
    }

    void remove(String kind, RosterLinks.Link link, RosterCsv.Row row) {
        removals.add(new Removal(kind, link, row));
    }

    List<Removal> removals(String kind) {
        return removals.stream().filter(r -> r.kind().equals(kind)).toList();
    }

    void count(String entity, Outcome outcome) {
        counts.get(entity).merge(outcome, 1, Integer::sum);
    }

    void skip(String entity, RosterCsv.Row row, String reason) {
        count(entity, Outcome.SKIPPED);
        problems.skip(row, reason);
    }

    Map<String, Map<Outcome, Integer>> counts() {
        return counts;
    }

    boolean bulk(String file) {
        return archive.mode(file) == OneRosterArchive.Mode.BULK;
    }

    static String hash(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
