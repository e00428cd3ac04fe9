package dev.pathwise.engine.policy;

import dev.pathwise.engine.learner.GradeBand;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.drools.compiler.kie.builder.impl.DrlProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * Compiles a {@link PolicySource}: reads every layer's parameters, resolves every grade band for the district and
 * for each school, and compiles each distinct set of rule files once. Decision tables are compiled to DRL first.
 * Before Drools sees a file, its guard rails ({@link GuardRails}) and its patterns ({@link FactModel}) are checked,
 * and every combination is checked for two rules of one name ({@link DuplicateRuleNames}). Every problem is
 * collected with its file, line and column (a table's row) before anything is thrown.
 */
final class PolicyCompiler {

    private static final String RESOURCES = "src/main/resources/";
    private static final AtomicLong BUILDS = new AtomicLong();

    private final int maxIdleSessions;

    PolicyCompiler(int maxIdleSessions) {
        this.maxIdleSessions = maxIdleSessions;
    }

    CompiledPolicy compile(PolicySource source) {
        long started = System.nanoTime();
        List<CompileProblem> problems = new ArrayList<>();

        Map<String, ParameterLayer> parameterLayers = new HashMap<>();
        for (PolicyLayer layer : allLayers(source)) {
            ParameterLayer read = layer.readParameters();
            problems.addAll(read.problems());
            parameterLayers.put(layer.name(), read);
        }

        List<String> scopes = new ArrayList<>();
        scopes.add(null);
        scopes.addAll(source.schools().keySet());

        Map<String, List<EffectiveRuleFile>> fileSets = new LinkedHashMap<>();
        Map<String, Map<GradeBand, String>> fileSetKeys = new HashMap<>();
        Map<String, Map<GradeBand, BandParameters>> parameters = new HashMap<>();
        LinkedHashSet<CompileProblem> parameterProblems = new LinkedHashSet<>();
        for (String school : scopes) {
            for (GradeBand band : GradeBand.values()) {
                List<PolicyLayer> layers = source.layersFor(band, school);
                List<EffectiveRuleFile> files = effectiveFiles(layers);
                String key = fingerprint(files);
                fileSets.putIfAbsent(key, files);
                fileSetKeys.computeIfAbsent(scopeKey(school), s -> new EnumMap<>(GradeBand.class)).put(band, key);
                List<CompileProblem> found = new ArrayList<>();
                BandParameters resolved = BandParameters.resolve(band,
                        layers.stream().map(l -> parameterLayers.get(l.name())).toList(), found);
                parameterProblems.addAll(found);
                if (resolved != null) {
                    parameters.computeIfAbsent(scopeKey(school), s -> new EnumMap<>(GradeBand.class))
                            .put(band, resolved);
                }
            }
        }
        if (problems.isEmpty()) {
            problems.addAll(parameterProblems);
        }

        Map<RuleFile, RuleText> texts = new HashMap<>();
        LinkedHashSet<CompileProblem> ruleProblems = new LinkedHashSet<>();
        for (List<EffectiveRuleFile> files : fileSets.values()) {
            for (EffectiveRuleFile file : files) {
                texts.computeIfAbsent(file.file(), f -> {
                    RuleText text = RuleText.of(f);
                    ruleProblems.addAll(text.problems());
                    ruleProblems.addAll(GuardRails.check(text));
                    ruleProblems.addAll(FactModel.checkFields(text));
                    return text;
                });
            }
        }

        Map<String, RuleSessionPool> pools = new HashMap<>();
        for (Map.Entry<String, List<EffectiveRuleFile>> set : fileSets.entrySet()) {
            List<RuleText> setTexts = set.getValue().stream().map(f -> texts.get(f.file())).toList();
            KieBase kieBase = build(source, setTexts, ruleProblems);
            if (kieBase != null) {
                pools.put(set.getKey(), new RuleSessionPool(kieBase, maxIdleSessions));
            }
        }
        problems.addAll(ruleProblems);
        if (!problems.isEmpty()) {
            throw new PolicyCompilationException(source.policyId(), source.version(), problems);
        }

        Map<String, Map<GradeBand, EffectivePolicy>> resolved = new HashMap<>();
        for (String school : scopes) {
            Map<GradeBand, EffectivePolicy> byBand = new EnumMap<>(GradeBand.class);
            for (GradeBand band : GradeBand.values()) {
                String key = fileSetKeys.get(scopeKey(school)).get(band);
                byBand.put(band, new EffectivePolicy(source.policyId(), source.version(), band, school,
                        parameters.get(scopeKey(school)).get(band), fileSets.get(key), pools.get(key)));
            }
            resolved.put(scopeKey(school), byBand);
        }
        return new CompiledPolicy(source, resolved, pools.size(), (System.nanoTime() - started) / 1_000_000);
    }

    static String scopeKey(String school) {
        return school == null ? "" : school;
    }

    private static List<PolicyLayer> allLayers(PolicySource source) {
        List<PolicyLayer> layers = new ArrayList<>();
        layers.add(source.district());
        layers.addAll(source.gradeBands().values());
        layers.addAll(source.schools().values());
        return layers;
    }

    /** District files, then each overlay's: a file of the same name replaces the earlier one. */
    static List<EffectiveRuleFile> effectiveFiles(List<PolicyLayer> layers) {
        Map<String, EffectiveRuleFile> byName = new LinkedHashMap<>();
        for (PolicyLayer layer : layers) {
            for (RuleFile file : layer.ruleFiles()) {
                EffectiveRuleFile previous = byName.get(file.fileName());
                byName.put(file.fileName(), new EffectiveRuleFile(file, layer.name(),
                        previous == null ? null : previous.layer()));
            }
        }
        return List.copyOf(byName.values());
    }

    private static String fingerprint(List<EffectiveRuleFile> files) {
        StringBuilder key = new StringBuilder();
        for (EffectiveRuleFile file : files) {
            key.append(file.file().path()).append('#').append(file.file().content().hashCode())
                    .append('#').append(file.file().content().length()).append('|');
        }
        return key.toString();
    }

    private static KieBase build(PolicySource source, List<RuleText> files,
                                 LinkedHashSet<CompileProblem> problems) {
        if (files.isEmpty()) {
            problems.add(new CompileProblem("(policy)", 0, 0, "policy '" + source.policyId()
                    + "' has no rule files; add at least one .drl file to the district layer"));
            return null;
        }
        List<CompileProblem> duplicates = DuplicateRuleNames.check(files);
        problems.addAll(duplicates);
        KieServices services = KieServices.get();
        KieFileSystem fileSystem = services.newKieFileSystem();
        ReleaseId releaseId = services.newReleaseId("dev.pathwise.policy",
                sanitize(source.policyId()), sanitize(source.version()) + "-" + BUILDS.incrementAndGet());
        fileSystem.generateAndWritePomXML(releaseId);
        Map<String, RuleText> byDrlPath = new HashMap<>();
        for (RuleText file : files) {
            if (!file.drl().isEmpty()) {
                fileSystem.write(RESOURCES + file.drlPath(), file.drl());
                byDrlPath.put(file.drlPath(), file);
            }
        }
        KieBuilder builder = services.newKieBuilder(fileSystem).buildAll(DrlProject.class);
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty() || problems.stream().anyMatch(p -> files.stream()
                .anyMatch(f -> f.path().equals(p.file())))) {
            List<CompileProblem> found = new ArrayList<>();
            for (Message error : errors) {
                String text = clean(error.getText());
                if (!duplicates.isEmpty() && DuplicateRuleNames.isDroolsDuplicate(text)) {
                    continue;
                }
                RuleText file = byDrlPath.get(pathOf(error));
                int line = Math.max(error.getLine(), 0);
                int column = Math.max(error.getColumn(), 0);
                CompileProblem problem = file == null
                        ? new CompileProblem(pathOf(error), line, column, FactModel.explainUnknownType(text))
                        : file.at(line, column, FactModel.explainUnknownType(text));
                boolean alreadyReported = problems.stream().anyMatch(p -> p.file().equals(problem.file())
                        && p.line() == problem.line() && p.line() > 0);
                if (!alreadyReported) {
                    found.add(problem);
                }
            }
            found.removeIf(p -> p.message().equals("Parser returned a null Package")
                    && (found.stream().anyMatch(other -> other != p && other.file().equals(p.file()))
                    || problems.stream().anyMatch(other -> other.file().equals(p.file()))));
            problems.addAll(found);
            services.getRepository().removeKieModule(releaseId);
            return null;
        }
        try {
            return services.newKieContainer(releaseId).getKieBase();
        } finally {
            services.getRepository().removeKieModule(releaseId);
        }
    }

    private static String pathOf(Message message) {
        String path = message.getPath();
        if (path == null) {
            return "(policy)";
        }
        return path.startsWith(RESOURCES) ? path.substring(RESOURCES.length()) : path;
    }

    private static String clean(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    private static String sanitize(String text) {
        return text.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
