package dev.pathwise.api.demo;

import dev.pathwise.api.activity.ActivityJson;
import dev.pathwise.api.framework.CompetencyJson;
import dev.pathwise.api.framework.FrameworkJson;
import dev.pathwise.api.tenant.Role;
import dev.pathwise.engine.activity.ActivityKind;
import dev.pathwise.engine.activity.Grouping;
import dev.pathwise.engine.activity.Modality;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The demo district's data: tenant, keys, schools, framework and activities. */
final class DemoDistrict {

    static final String TENANT = "demo-district";

    /** Fixed demo keys, one per role; stored hashed like any other key. */
    static final Map<Role, String> KEYS = WellKnownKeys.DEMO;

    static final Map<String, String> SCHOOLS = schools();

    private DemoDistrict() {}

    private static Map<String, String> schools() {
        Map<String, String> schools = new LinkedHashMap<>();
        schools.put("river-elementary", "Riverside Elementary (K-5)");
        schools.put("north-middle", "North Middle School (6-8)");
        schools.put("summit-high", "Summit High School (9-12)");
        return schools;
    }

    static FrameworkJson framework() {
        List<CompetencyJson> c = new ArrayList<>();
        parent(c, "rp.ratio", "Understand ratio concepts and use ratio reasoning", 6, "6.RP.A");
        leaf(c, "rp.ratio.language", "Use ratio language to describe a relationship", "rp.ratio", 6, "6.RP.A.1");
        leaf(
                c,
                "rp.ratio.unit-rate-concept",
                "Understand the concept of a unit rate",
                "rp.ratio",
                6,
                "6.RP.A.2",
                "rp.ratio.language");
        leaf(c, "rp.ratio.tables", "Make tables of equivalent ratios", "rp.ratio", 6, "6.RP.A.3a", "rp.ratio.language");
        leaf(
                c,
                "rp.ratio.double-number-lines",
                "Reason with tape diagrams and double number lines",
                "rp.ratio",
                6,
                "6.RP.A.3",
                "rp.ratio.tables");
        parent(c, "rp.rates", "Solve unit rate and percent problems", 6, "6.RP.A.3b-d", "rp.ratio");
        leaf(
                c,
                "rp.rates.unit-rate",
                "Solve unit rate problems, including unit pricing and constant speed",
                "rp.rates",
                6,
                "6.RP.A.3b");
        leaf(
                c,
                "rp.rates.percent",
                "Find a percent of a quantity as a rate per 100",
                "rp.rates",
                6,
                "6.RP.A.3c",
                "rp.rates.unit-rate");
        leaf(
                c,
                "rp.rates.conversion",
                "Convert measurement units with ratio reasoning",
                "rp.rates",
                6,
                "6.RP.A.3d",
                "rp.rates.unit-rate");
        parent(c, "rp.prop", "Analyze proportional relationships", 7, "7.RP.A", "rp.rates");
        leaf(c, "rp.prop.complex-unit-rate", "Compute unit rates with fractions", "rp.prop", 7, "7.RP.A.1");
        leaf(c, "rp.prop.recognize", "Decide whether two quantities are proportional", "rp.prop", 7, "7.RP.A.2a");
        leaf(
                c,
                "rp.prop.constant",
                "Identify the constant of proportionality",
                "rp.prop",
                7,
                "7.RP.A.2b",
                "rp.prop.recognize");
        leaf(
                c,
                "rp.prop.equations",
                "Represent proportional relationships by equations",
                "rp.prop",
                7,
                "7.RP.A.2c",
                "rp.prop.constant");
        leaf(
                c,
                "rp.prop.graphs",
                "Explain points on the graph of a proportional relationship",
                "rp.prop",
                7,
                "7.RP.A.2d",
                "rp.prop.constant");
        parent(c, "rp.apply", "Solve multistep ratio and percent problems", 7, "7.RP.A.3", "rp.rates");
        leaf(c, "rp.apply.tax-tip", "Solve tax, tip and markup problems", "rp.apply", 7, "7.RP.A.3-1");
        leaf(
                c,
                "rp.apply.percent-change",
                "Find percent increase and decrease",
                "rp.apply",
                7,
                "7.RP.A.3-2",
                "rp.apply.tax-tip");
        leaf(
                c,
                "rp.apply.scale-drawings",
                "Compute lengths and areas from scale drawings",
                "rp.apply",
                7,
                "7.G.A.1",
                "rp.prop.constant");
        parent(c, "rp.linear", "Connect proportional relationships to lines", 8, "8.EE.B", "rp.prop");
        leaf(
                c,
                "rp.linear.slope",
                "Graph proportional relationships and interpret the unit rate as slope",
                "rp.linear",
                8,
                "8.EE.B.5");
        leaf(
                c,
                "rp.linear.compare",
                "Compare proportional relationships represented in different ways",
                "rp.linear",
                8,
                "8.EE.B.5-2",
                "rp.linear.slope");
        return new FrameworkJson("ratios-6-8", "Ratios and proportional reasoning, grades 6-8", CASE_DOCUMENT, c);
    }

    static List<String> leaves() {
        return framework().competencies().stream()
                .filter(c -> c.parentId() != null)
                .map(CompetencyJson::id)
                .toList();
    }

    static List<ActivityJson> activities() {
        List<ActivityJson> activities = new ArrayList<>();
        Modality[] lessonModalities = {Modality.VIDEO, Modality.TEXT, Modality.INTERACTIVE, Modality.AUDIO};
        int i = 0;
        for (CompetencyJson competency : framework().competencies()) {
            if (competency.parentId() == null) {
                continue;
            }
            String id = competency.id().substring(3);
            String name = competency.name();
            Modality lesson = lessonModalities[i % lessonModalities.length];
            activities.add(activity(
                    id + ".lesson",
                    "Lesson: " + name,
                    competency.id(),
                    ActivityKind.LESSON,
                    lesson,
                    Grouping.INDIVIDUAL,
                    lesson != Modality.TEXT,
                    25,
                    "math"));
            activities.add(activity(
                    id + ".practice",
                    "Practice set: " + name,
                    competency.id(),
                    ActivityKind.PRACTICE,
                    i % 2 == 0 ? Modality.INTERACTIVE : Modality.TEXT,
                    Grouping.INDIVIDUAL,
                    i % 2 == 0,
                    20,
                    i % 3 == 0 ? "sports" : "cooking"));
            if (i % 2 == 0) {
                activities.add(activity(
                        id + ".mini-lesson",
                        "Mini-lesson: " + name,
                        competency.id(),
                        ActivityKind.MINI_LESSON,
                        Modality.DISCUSSION,
                        Grouping.SMALL_GROUP,
                        false,
                        15,
                        "math"));
            }
            if (i % 4 == 1) {
                activities.add(activity(
                        id + ".project",
                        "Project: " + name + " in the real world",
                        competency.id(),
                        ActivityKind.PROJECT,
                        Modality.HANDS_ON,
                        Grouping.SMALL_GROUP,
                        false,
                        90,
                        i % 8 == 1 ? "music" : "design"));
            }
            if (i % 4 == 3) {
                activities.add(activity(
                        id + ".check",
                        "Check-in: " + name,
                        competency.id(),
                        ActivityKind.ASSESSMENT,
                        Modality.INTERACTIVE,
                        Grouping.LARGE_GROUP,
                        true,
                        15,
                        "math"));
            }
            i++;
        }
        return activities;
    }

    private static ActivityJson activity(
            String id,
            String title,
            String competency,
            ActivityKind kind,
            Modality modality,
            Grouping grouping,
            boolean online,
            int minutes,
            String tag) {
        return new ActivityJson(
                id, title, List.of(competency), kind, modality, grouping, online, minutes, List.of(tag), null, null);
    }

    /**
     * The CASE identifier of a standard: a name-based UUID of "CCSS.MATH." + its code, the identifiers used by
     * {@code docs/examples/ratios-case.json}, so importing that package updates this framework in place.
     */
    /** The CASE document the demo framework is kept as: docs/examples/ratios-case.json updates it. */
    static final String CASE_DOCUMENT = "34d41f08-d3ef-3d23-aa13-ba102e8d125a";

    static String caseIdentifier(String code) {
        return java.util
                .UUID
                .nameUUIDFromBytes(("CCSS.MATH." + code).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }

    private static void parent(
            List<CompetencyJson> list, String id, String name, int grade, String code, String... prerequisites) {
        list.add(new CompetencyJson(id, name, null, List.of(prerequisites), grade, caseIdentifier(code)));
    }

    private static void leaf(
            List<CompetencyJson> list,
            String id,
            String name,
            String parent,
            int grade,
            String code,
            String... prerequisites) {
        list.add(new CompetencyJson(id, name, parent, List.of(prerequisites), grade, caseIdentifier(code)));
    }
}
