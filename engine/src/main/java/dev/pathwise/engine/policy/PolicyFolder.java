package dev.pathwise.engine.policy;

import dev.pathwise.engine.learner.GradeBand;
import dev.pathwise.engine.spelling.Suggestions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A policy as a curriculum team keeps it in version control:
 * <pre>
 * policy/
 *   mastery.drl, pacing.drl, choice.drl, ...   district rule files (and .csv decision tables)
 *   parameters.yaml                             district parameters
 *   grade-bands/3-5/                            grade-band overlay: rule files + parameters.yaml
 *   schools/lincoln/                            school overlay: rule files + parameters.yaml
 *   scenarios/                                  scenario tests (read by the scenario runner, not compiled)
 * </pre>
 * Resolution for a learner is district, then grade band, then school; a rule file of the same name replaces the
 * earlier one. Loading never throws for the folder's content: problems come back with the path.
 *
 * @param root     the folder
 * @param source   the policy it holds
 * @param problems what is wrong with the layout (an unknown grade band folder, a parameter file misnamed)
 */
public record PolicyFolder(Path root, PolicySource source, List<CompileProblem> problems) {

    public static final String PARAMETERS = "parameters.yaml";
    public static final String GRADE_BANDS = "grade-bands";
    public static final String SCHOOLS = "schools";
    public static final String SCENARIOS = "scenarios";

    private static final List<String> FOLDERS = List.of(GRADE_BANDS, SCHOOLS, SCENARIOS);

    public PolicyFolder {
        problems = List.copyOf(problems);
    }

    /**
     * Reads a policy folder.
     *
     * @throws UncheckedIOException     when the folder cannot be read
     * @throws IllegalArgumentException when {@code folder} is not a folder
     */
    public static PolicyFolder load(Path folder, String policyId, String version) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("policy folder: '" + folder + "' is not a folder; pass the folder that "
                    + "holds the district's .drl files and " + PARAMETERS);
        }
        List<CompileProblem> problems = new ArrayList<>();
        PolicyLayer district = layer(folder, "", "district", problems);
        Map<GradeBand, PolicyLayer> bands = new EnumMap<>(GradeBand.class);
        Map<String, PolicyLayer> schools = new LinkedHashMap<>();
        for (Path child : list(folder)) {
            String name = child.getFileName().toString();
            if (!Files.isDirectory(child) || name.startsWith(".") || name.equals(SCENARIOS)) {
                continue;
            }
            if (name.equals(GRADE_BANDS)) {
                for (Path bandFolder : folders(child)) {
                    String label = bandFolder.getFileName().toString();
                    try {
                        GradeBand band = GradeBand.parse(label);
                        String layerName = GRADE_BANDS + "/" + band.label();
                        bands.put(band, layer(bandFolder, GRADE_BANDS + "/" + label + "/", layerName, problems));
                    } catch (IllegalArgumentException e) {
                        problems.add(new CompileProblem(
                                GRADE_BANDS + "/" + label,
                                0,
                                0,
                                "'" + label
                                        + "' is not a grade band; name the folder K-2, 3-5, 6-8 or 9-12."
                                        + Suggestions.nameHint(
                                                label,
                                                Arrays.stream(GradeBand.values())
                                                        .map(GradeBand::label)
                                                        .toList())));
                    }
                }
            } else if (name.equals(SCHOOLS)) {
                for (Path schoolFolder : folders(child)) {
                    String school = schoolFolder.getFileName().toString();
                    schools.put(
                            school,
                            layer(schoolFolder, SCHOOLS + "/" + school + "/", SCHOOLS + "/" + school, problems));
                }
            } else {
                problems.add(new CompileProblem(
                        name,
                        0,
                        0,
                        "folder '" + name + "' is not part of a policy; use "
                                + "grade-bands/<band>/, schools/<school>/ or scenarios/."
                                + Suggestions.nameHint(name, FOLDERS)));
            }
        }
        return new PolicyFolder(folder, new PolicySource(policyId, version, district, bands, schools), problems);
    }

    private static PolicyLayer layer(Path folder, String prefix, String name, List<CompileProblem> problems) {
        List<RuleFile> ruleFiles = new ArrayList<>();
        ParameterFile parameters = null;
        for (Path file : list(folder)) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            String fileName = file.getFileName().toString();
            String path = prefix + fileName;
            if (fileName.endsWith(".drl") || fileName.endsWith(".csv")) {
                ruleFiles.add(new RuleFile(path, read(file)));
            } else if (fileName.equals(PARAMETERS)) {
                parameters = new ParameterFile(path, read(file));
            } else if (fileName.endsWith(".xls") || fileName.endsWith(".xlsx")) {
                problems.add(new CompileProblem(
                        path,
                        0,
                        0,
                        "spreadsheet decision tables are read as CSV; save '" + fileName + "' as "
                                + fileName.substring(0, fileName.lastIndexOf('.')) + ".csv"));
            } else if (fileName.endsWith(".yaml") || fileName.endsWith(".yml")) {
                problems.add(new CompileProblem(
                        path,
                        0,
                        0,
                        "'" + fileName + "' is not read: a layer's parameters " + "live in " + PARAMETERS + "."
                                + Suggestions.nameHint(fileName, List.of(PARAMETERS))));
            }
        }
        return new PolicyLayer(name, ruleFiles, parameters);
    }

    private static List<Path> folders(Path folder) {
        return list(folder).stream()
                .filter(Files::isDirectory)
                .filter(p -> !p.getFileName().toString().startsWith("."))
                .toList();
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            return children.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list policy folder " + folder, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read policy file " + file, e);
        }
    }
}
