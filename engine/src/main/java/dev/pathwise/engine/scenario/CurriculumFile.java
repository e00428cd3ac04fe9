package dev.pathwise.engine.scenario;

import dev.pathwise.engine.activity.Activity;
import dev.pathwise.engine.activity.ActivityKind;
import dev.pathwise.engine.activity.Curriculum;
import dev.pathwise.engine.activity.Grouping;
import dev.pathwise.engine.activity.Modality;
import dev.pathwise.engine.framework.Competency;
import dev.pathwise.engine.framework.Framework;
import dev.pathwise.engine.framework.FrameworkException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A framework with its activities, in YAML, shared by a policy's scenarios (and used by simulations):
 * <pre>
 * id: ratios-6
 * name: Ratios and expressions
 * competencies:
 *   - { id: RP.2, parent: RP, prerequisites: [RP.1], name: Unit rates }
 * activities:
 *   - { id: RP.2-lesson, competencies: [RP.2], kind: lesson, modality: video, grouping: individual,
 *       online: true, minutes: 20, tags: [sports] }
 * </pre>
 * The service's own JSON reads too, as it comes: a framework as {@code GET /v1/frameworks/{id}} serves it
 * ({@code parentId}, {@code prerequisiteIds}, {@code gradeLevel}; CASE details such as {@code statement} are left
 * aside), with or without {@code activities}, and activities as {@code GET /v1/activities} serves them
 * ({@code competencyIds}, {@code estimatedMinutes}).
 */
public final class CurriculumFile {

    /** The service's JSON names and the names of this file's layout they stand for. */
    private static final Map<String, String> SERVICE_NAMES = Map.of(
            "parentId",
            "parent",
            "prerequisiteIds",
            "prerequisites",
            "gradeLevel",
            "grade",
            "competencyIds",
            "competencies",
            "estimatedMinutes",
            "minutes");
    /** What the service serves that a simulation does not use. */
    private static final List<String> SERVICE_ONLY =
            List.of("caseDocumentIdentifier", "statement", "otherParentIds", "externalReferences", "iri");

    private CurriculumFile() {}

    /** Reads a curriculum file; a mistake is a {@link ScenarioException} naming the file and the entry. */
    public static Curriculum read(Path file) {
        String name = file.getFileName().toString();
        YamlFields fields = new YamlFields(name);
        Map<String, Object> root = layout(fields.map(load(file), ""));
        fields.onlyKeys(root, "", List.of("id", "name", "competencies", "activities"));
        List<Competency> competencies = new ArrayList<>();
        int index = 0;
        for (Object item : fields.list(root.get("competencies"), "competencies")) {
            String field = "competencies[" + index++ + "]";
            Map<String, Object> c = layout(fields.map(item, field));
            fields.onlyKeys(c, field, List.of("id", "name", "parent", "prerequisites", "grade", "externalId"));
            Object grade = c.get("grade");
            competencies.add(new Competency(
                    fields.text(c, "id", field, true),
                    fields.text(c, "name", field, false),
                    fields.text(c, "parent", field, false),
                    fields.strings(c.get("prerequisites"), field + ".prerequisites"),
                    grade == null ? null : (int) fields.number(grade, field + ".grade"),
                    fields.text(c, "externalId", field, false)));
        }
        Framework framework;
        try {
            framework = Framework.of(
                    String.valueOf(root.getOrDefault("id", name)), (String) root.get("name"), competencies);
        } catch (FrameworkException e) {
            throw fields.problem("competencies", e.getMessage());
        }
        List<Activity> activities = new ArrayList<>();
        index = 0;
        for (Object item : fields.list(root.get("activities"), "activities")) {
            String field = "activities[" + index++ + "]";
            Map<String, Object> a = layout(fields.map(item, field));
            fields.onlyKeys(
                    a,
                    field,
                    List.of(
                            "id",
                            "title",
                            "competencies",
                            "kind",
                            "modality",
                            "grouping",
                            "online",
                            "minutes",
                            "tags"));
            activities.add(new Activity(
                    fields.text(a, "id", field, true),
                    fields.text(a, "title", field, false),
                    fields.strings(a.get("competencies"), field + ".competencies"),
                    fields.constant(ActivityKind.class, a.getOrDefault("kind", "lesson"), field + ".kind"),
                    fields.constant(Modality.class, a.getOrDefault("modality", "text"), field + ".modality"),
                    fields.constant(Grouping.class, a.getOrDefault("grouping", "individual"), field + ".grouping"),
                    !Boolean.FALSE.equals(a.get("online")),
                    (int) fields.number(a.getOrDefault("minutes", 15), field + ".minutes"),
                    fields.strings(a.get("tags"), field + ".tags")));
        }
        try {
            return Curriculum.of(framework, activities);
        } catch (IllegalArgumentException e) {
            throw fields.problem("activities", e.getMessage());
        }
    }

    /** An entry with the service's names renamed to this layout's, and what the service alone serves left out. */
    private static Map<String, Object> layout(Map<String, Object> entry) {
        Map<String, Object> renamed = new LinkedHashMap<>();
        entry.forEach((key, value) -> {
            if (value != null && !SERVICE_ONLY.contains(key)) {
                renamed.put(SERVICE_NAMES.getOrDefault(key, key), value);
            }
        });
        return renamed;
    }

    static Object load(Path file) {
        try {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            throw new ScenarioException(file.getFileName() + ": not valid YAML: " + e.getMessage());
        }
    }
}
