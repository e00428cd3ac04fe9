package dev.pathwise.api.interop.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * xAPI 1.0.3 Data 2.4.4.1: an Activity ({@code id} an IRI) and its definition: name and description language maps,
 * {@code type} IRI, {@code moreInfo} IRL, extensions, and the interaction properties (an {@code interactionType} from
 * the specification's list whenever a response pattern or a component list is given; component ids distinct).
 */
final class ActivityRules {

    private static final Set<String> ACTIVITY_KEYS = Set.of("objectType", "id", "definition");
    private static final Set<String> DEFINITION_KEYS = Set.of(
            "name",
            "description",
            "type",
            "moreInfo",
            "extensions",
            "interactionType",
            "correctResponsesPattern",
            "choices",
            "scale",
            "source",
            "target",
            "steps");
    static final List<String> INTERACTION_TYPES = List.of(
            "true-false",
            "choice",
            "fill-in",
            "long-fill-in",
            "matching",
            "performance",
            "sequencing",
            "likert",
            "numeric",
            "other");
    private static final List<String> COMPONENT_LISTS = List.of("choices", "scale", "source", "target", "steps");
    private static final Set<String> COMPONENT_KEYS = Set.of("id", "description");

    private final StatementChecks checks;

    ActivityRules(StatementChecks checks) {
        this.checks = checks;
    }

    void activity(JsonNode node, String path) {
        if (!checks.object(node, path, "an Activity {id, definition}", "Data 2.4.4.1")) {
            return;
        }
        checks.keys(node, path, ACTIVITY_KEYS, "an Activity", "Data 2.4.4.1");
        String type = checks.string(node, "objectType", path, "Data 2.4.4.1");
        if (type != null && !type.equals("Activity")) {
            checks.add(
                    StatementChecks.at(path, "objectType"),
                    "object-type-enum",
                    "Data 2.4.4.1.s1.table1.row1",
                    type,
                    "'" + type + "' is not \"Activity\"; only Activities may stand here (the case matters)");
        }
        if (!node.has("id")) {
            checks.add(
                    StatementChecks.at(path, "id"),
                    "activity-id-required",
                    "Data 2.4.4.1.s1.table1.row2",
                    null,
                    "is missing; an Activity is named by its IRI, such as https://lms.example.org/quizzes/1");
        } else {
            checks.formatted(node, "id", path, "activity-id-iri", "Data 2.4.4.1.s1.table1.row2", XapiFormats::iri);
        }
        JsonNode definition = node.get("definition");
        if (definition != null && !definition.isNull()) {
            definition(definition, StatementChecks.at(path, "definition"));
        }
    }

    private void definition(JsonNode node, String path) {
        if (!checks.object(node, path, "an Activity Definition", "Data 2.4.4.1.s2")) {
            return;
        }
        checks.keys(node, path, DEFINITION_KEYS, "an Activity Definition", "Data 2.4.4.1.s2");
        checks.languageMap(node, "name", path, "Data 2.4.4.1.s2.table1.row1");
        checks.languageMap(node, "description", path, "Data 2.4.4.1.s2.table1.row2");
        checks.formatted(node, "type", path, "activity-type-iri", "Data 2.4.4.1.s2.table1.row3", XapiFormats::iri);
        checks.formatted(node, "moreInfo", path, "more-info-irl", "Data 2.4.4.1.s2.table1.row4", XapiFormats::iri);
        checks.extensions(node, path);
        String interactionType = checks.string(node, "interactionType", path, "Data 2.4.4.1.s8");
        if (interactionType != null && !INTERACTION_TYPES.contains(interactionType)) {
            checks.add(
                    StatementChecks.at(path, "interactionType"),
                    "interaction-type-enum",
                    "Data 2.4.4.1.s13.b1",
                    interactionType,
                    "'" + interactionType + "' is not an interactionType; use one of " + INTERACTION_TYPES
                            + " exactly (the case matters)");
        }
        boolean interaction =
                node.has("correctResponsesPattern") || COMPONENT_LISTS.stream().anyMatch(node::has);
        if (interaction && !node.has("interactionType")) {
            checks.add(
                    StatementChecks.at(path, "interactionType"),
                    "interaction-type-required",
                    "Data 2.4.4.1.s13.b1",
                    null,
                    "is missing; a definition with correctResponsesPattern or a component"
                            + " list (choices, scale, source, target, steps) is an interaction and needs one of "
                            + INTERACTION_TYPES);
        }
        JsonNode patterns = node.get("correctResponsesPattern");
        if (patterns != null && !patterns.isNull()) {
            String here = StatementChecks.at(path, "correctResponsesPattern");
            if (!patterns.isArray()) {
                checks.add(
                        here,
                        "type-array",
                        "Data 2.4.4.1.s8.table1.row2",
                        StatementChecks.shownValue(patterns),
                        "is " + StatementChecks.describe(patterns) + "; it must be an array of strings");
            } else {
                for (int i = 0; i < patterns.size(); i++) {
                    if (!patterns.get(i).isTextual()) {
                        checks.add(
                                here + "[" + i + "]",
                                patterns.get(i).isNull() ? "no-null-values" : "type-string",
                                "Data 2.4.4.1.s8.table1.row2",
                                StatementChecks.shownValue(patterns.get(i)),
                                "is " + StatementChecks.describe(patterns.get(i)) + "; a response pattern is a string");
                    }
                }
            }
        }
        for (String list : COMPONENT_LISTS) {
            JsonNode components = node.get(list);
            if (components != null && !components.isNull()) {
                components(components, StatementChecks.at(path, list));
            }
        }
    }

    private void components(JsonNode components, String path) {
        if (!components.isArray()) {
            checks.add(
                    path,
                    "type-array",
                    "Data 2.4.4.1.s15",
                    StatementChecks.shownValue(components),
                    "is " + StatementChecks.describe(components) + "; it must be an array of interaction components");
            return;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < components.size(); i++) {
            JsonNode component = components.get(i);
            String here = path + "[" + i + "]";
            if (!checks.object(component, here, "an interaction component {id, description}", "Data 2.4.4.1.s15")) {
                continue;
            }
            checks.keys(component, here, COMPONENT_KEYS, "an interaction component", "Data 2.4.4.1.s15");
            String id = checks.requiredString(
                    component, "id", here, "Data 2.4.4.1.s15.table1.row1", "every interaction component has an id");
            if (id != null && !ids.add(id)) {
                checks.add(
                        StatementChecks.at(here, "id"),
                        "interaction-component-ids-distinct",
                        "Data 2.4.4.1.s16.b1",
                        id,
                        "'" + id + "' is already the id of another component of this list; ids are distinct");
            }
            checks.languageMap(component, "description", here, "Data 2.4.4.1.s15");
        }
    }
}
