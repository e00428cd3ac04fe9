package dev.pathwise.engine.policy.parameters;

import dev.pathwise.engine.learner.GradeBand;
import dev.pathwise.engine.policy.CompileProblem;
import dev.pathwise.engine.policy.ParameterFile;
import dev.pathwise.engine.spelling.Suggestions;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The parameters one layer of a policy sets, read from its YAML file with the line of every value.
 * Reading never throws: problems are collected with file, line and column.
 */
public final class ParameterLayer {

    private static final List<String> SECTIONS = List.of("defaults", "bands");

    private final String layer;
    private final String file;
    private final Map<Parameter, ParameterValue> defaults;
    private final Map<GradeBand, Map<Parameter, ParameterValue>> bands;
    private final List<CompileProblem> problems;

    private ParameterLayer(
            String layer,
            String file,
            Map<Parameter, ParameterValue> defaults,
            Map<GradeBand, Map<Parameter, ParameterValue>> bands,
            List<CompileProblem> problems) {
        this.layer = layer;
        this.file = file;
        this.defaults = defaults;
        this.bands = bands;
        this.problems = List.copyOf(problems);
    }

    /** A layer that sets nothing. */
    public static ParameterLayer empty(String layer) {
        return new ParameterLayer(layer, null, Map.of(), Map.of(), List.of());
    }

    /** Reads a parameter file; the problems found are in {@link #problems()}. */
    public static ParameterLayer read(String layer, ParameterFile file) {
        return new Reader(layer, file).read();
    }

    public String layer() {
        return layer;
    }

    /** The parameter file's path, or the layer's name when the layer has no parameter file. */
    public String file() {
        return file != null ? file : layer;
    }

    public List<CompileProblem> problems() {
        return problems;
    }

    /** What this layer sets for a band: its defaults overlaid by its section for the band. */
    public Map<Parameter, ParameterValue> forBand(GradeBand band) {
        Map<Parameter, ParameterValue> result = new EnumMap<>(Parameter.class);
        result.putAll(defaults);
        result.putAll(bands.getOrDefault(band, Map.of()));
        return result;
    }

    private static final class Reader {
        private final String layer;
        private final ParameterFile file;
        private final List<CompileProblem> problems = new ArrayList<>();
        private final Map<Parameter, ParameterValue> defaults = new EnumMap<>(Parameter.class);
        private final Map<GradeBand, Map<Parameter, ParameterValue>> bands = new EnumMap<>(GradeBand.class);

        Reader(String layer, ParameterFile file) {
            this.layer = layer;
            this.file = file;
        }

        ParameterLayer read() {
            Node root;
            try {
                LoaderOptions options = new LoaderOptions();
                options.setAllowDuplicateKeys(false);
                options.setMaxAliasesForCollections(10);
                root = new Yaml(new SafeConstructor(options)).compose(new StringReader(file.yaml()));
            } catch (MarkedYAMLException e) {
                var mark = e.getProblemMark();
                problems.add(new CompileProblem(
                        file.path(),
                        mark == null ? 0 : mark.getLine() + 1,
                        mark == null ? 0 : mark.getColumn() + 1,
                        "YAML does not parse: " + e.getProblem()));
                return result();
            } catch (RuntimeException e) {
                problems.add(new CompileProblem(file.path(), 0, 0, "YAML does not parse: " + e.getMessage()));
                return result();
            }
            if (root == null) {
                return result();
            }
            if (!(root instanceof MappingNode mapping)) {
                problem(root, "expected a mapping with 'defaults' and/or 'bands' at the top");
                return result();
            }
            for (NodeTuple tuple : unique(mapping, "section")) {
                String section = scalar(tuple.getKeyNode());
                if ("defaults".equals(section)) {
                    readParameters(tuple.getValueNode(), defaults);
                } else if ("bands".equals(section)) {
                    readBands(tuple.getValueNode());
                } else {
                    problem(
                            tuple.getKeyNode(),
                            "unknown section '" + section + "'; use 'defaults' or 'bands'."
                                    + Suggestions.nameHint(String.valueOf(section), SECTIONS));
                }
            }
            return result();
        }

        private ParameterLayer result() {
            return new ParameterLayer(layer, file.path(), defaults, bands, problems);
        }

        private void readBands(Node node) {
            if (!(node instanceof MappingNode mapping)) {
                problem(node, "'bands' must map a grade band (K-2, 3-5, 6-8, 9-12) to its parameters");
                return;
            }
            for (NodeTuple tuple : unique(mapping, "grade band")) {
                String name = scalar(tuple.getKeyNode());
                GradeBand band;
                try {
                    band = GradeBand.parse(name);
                } catch (IllegalArgumentException e) {
                    problem(
                            tuple.getKeyNode(),
                            e.getMessage()
                                    + Suggestions.nameHint(
                                            String.valueOf(name),
                                            Arrays.stream(GradeBand.values())
                                                    .map(GradeBand::label)
                                                    .toList()));
                    continue;
                }
                readParameters(tuple.getValueNode(), bands.computeIfAbsent(band, b -> new EnumMap<>(Parameter.class)));
            }
        }

        private void readParameters(Node node, Map<Parameter, ParameterValue> into) {
            if (node instanceof ScalarNode scalar && scalar.getValue().isEmpty()) {
                return;
            }
            if (!(node instanceof MappingNode mapping)) {
                problem(node, "expected parameter names with their values");
                return;
            }
            for (NodeTuple tuple : unique(mapping, "parameter")) {
                String key = scalar(tuple.getKeyNode());
                var parameter = Parameter.byKey(key);
                if (parameter.isEmpty()) {
                    problem(
                            tuple.getKeyNode(),
                            "unknown parameter '" + key + "'."
                                    + Suggestions.nameHint(String.valueOf(key), Parameter.keys()));
                    continue;
                }
                Object value = convert(parameter.get(), tuple.getValueNode());
                if (value != null) {
                    into.put(
                            parameter.get(),
                            new ParameterValue(
                                    value,
                                    file.path(),
                                    tuple.getKeyNode().getStartMark().getLine() + 1,
                                    layer));
                }
            }
        }

        private Object convert(Parameter parameter, Node node) {
            if (parameter.type() == Parameter.Type.NUMBER_MAP) {
                if (!(node instanceof MappingNode mapping)) {
                    problem(node, "'" + parameter.key() + "' must map parameter names to numbers, e.g. { w: 0.65 }");
                    return null;
                }
                Map<String, Double> numbers = new LinkedHashMap<>();
                for (NodeTuple tuple : unique(mapping, "method parameter")) {
                    String name = scalar(tuple.getKeyNode());
                    Double number = number(parameter.key() + "." + name, tuple.getValueNode());
                    if (number != null) {
                        numbers.put(name, number);
                    }
                }
                return Map.copyOf(numbers);
            }
            if (!(node instanceof ScalarNode scalar)) {
                problem(node, "'" + parameter.key() + "' takes a single " + describe(parameter.type()));
                return null;
            }
            String text = scalar.getValue().trim();
            switch (parameter.type()) {
                case TEXT -> {
                    return text;
                }
                case BOOLEAN -> {
                    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                        return Boolean.parseBoolean(text);
                    }
                    problem(node, "'" + parameter.key() + "' is '" + text + "'; use true or false");
                    return null;
                }
                case INTEGER -> {
                    Double number = number(parameter.key(), node);
                    if (number == null) {
                        return null;
                    }
                    if (number != Math.rint(number)) {
                        problem(node, "'" + parameter.key() + "' is " + text + "; it takes a whole number");
                        return null;
                    }
                    return inRange(parameter, node, number) ? (Object) number.intValue() : null;
                }
                default -> {
                    Double number = number(parameter.key(), node);
                    return number != null && inRange(parameter, node, number) ? number : null;
                }
            }
        }

        private boolean inRange(Parameter parameter, Node node, double value) {
            if (value < parameter.min() || value > parameter.max()) {
                problem(
                        node,
                        "'" + parameter.key() + "' is " + format(value) + ", outside its range "
                                + format(parameter.min()) + ".." + format(parameter.max()) + " (" + parameter.meaning()
                                + ")");
                return false;
            }
            return true;
        }

        private Double number(String name, Node node) {
            String text = node instanceof ScalarNode scalar ? scalar.getValue().trim() : "";
            try {
                double value = Double.parseDouble(text);
                if (Double.isFinite(value)) {
                    return value;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            problem(node, "'" + name + "' is '" + text + "'; it takes a number such as 0.8");
            return null;
        }

        /**
         * The entries of a mapping, each key once: composing the YAML does not apply the loader's duplicate-key check,
         * so a key written twice would otherwise silently take its last value.
         */
        private List<NodeTuple> unique(MappingNode mapping, String what) {
            Map<String, Node> seen = new LinkedHashMap<>();
            List<NodeTuple> unique = new ArrayList<>(mapping.getValue().size());
            for (NodeTuple tuple : mapping.getValue()) {
                String key = scalar(tuple.getKeyNode());
                Node first = seen.putIfAbsent(key, tuple.getKeyNode());
                if (first != null) {
                    problem(
                            tuple.getKeyNode(),
                            what + " '" + key + "' appears twice in this mapping (first on line "
                                    + (first.getStartMark().getLine() + 1) + "); keep one");
                } else {
                    unique.add(tuple);
                }
            }
            return unique;
        }

        private void problem(Node node, String message) {
            var mark = node.getStartMark();
            problems.add(new CompileProblem(file.path(), mark.getLine() + 1, mark.getColumn() + 1, message));
        }

        private static String scalar(Node node) {
            return node instanceof ScalarNode scalar ? scalar.getValue() : String.valueOf(node);
        }

        private static String describe(Parameter.Type type) {
            return switch (type) {
                case TEXT -> "text value";
                case NUMBER -> "number";
                case INTEGER -> "whole number";
                case BOOLEAN -> "true or false";
                case NUMBER_MAP -> "map of numbers";
            };
        }
    }

    public static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
