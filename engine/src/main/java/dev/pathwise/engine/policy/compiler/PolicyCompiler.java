package dev.pathwise.engine.policy.compiler;

import dev.pathwise.engine.learner.GradeBand;
import dev.pathwise.engine.policy.BandParameters;
import dev.pathwise.engine.policy.CompileProblem;
import dev.pathwise.engine.policy.CompiledPolicy;
import dev.pathwise.engine.policy.EffectivePolicy;
import dev.pathwise.engine.policy.EffectiveRuleFile;
import dev.pathwise.engine.policy.PolicyCompilationException;
import dev.pathwise.engine.policy.PolicyLayer;
import dev.pathwise.engine.policy.PolicySource;
import dev.pathwise.engine.policy.RuleFile;
import dev.pathwise.engine.policy.parameters.ParameterLayer;
import dev.pathwise.engine.policy.sandbox.EvaluationLimits;
import dev.pathwise.engine.policy.sandbox.RuleCodeCheck;
import dev.pathwise.engine.policy.sandbox.RuleCodeViolation;
import dev.pathwise.engine.policy.sandbox.RuleFileStructure;
import dev.pathwise.engine.policy.session.RuleSessionPool;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.Model;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * Compiles a {@link PolicySource}: reads every layer's parameters, resolves every grade band for the district and
 * for each school, and compiles each distinct set of rule files once. Decision tables are compiled to DRL first.
 *
 * <p>Rules are compiled with Drools' executable model, so that every expression of a rule (constraints, bindings,
 * consequences) is Java bytecode, and that bytecode is checked against an allow-list ({@link RuleCodeCheck}) before
 * any of it is loaded. Before Drools sees a file, its structure ({@link RuleFileStructure}: no functions, type
 * declarations, queries, timers or MVEL) and its patterns ({@link FactModel}) are checked, and every combination is
 * checked for two rules of one name ({@link DuplicateRuleNames}). Every problem is collected with its file, line and
 * column (a table's row) before anything is thrown.
 */
public final class PolicyCompiler {

    static final String RESOURCES = "src/main/resources/";
    private static final AtomicLong BUILDS = new AtomicLong();

    private final int maxIdleSessions;
    private final EvaluationLimits limits;
    private final CompiledRuleStore store;

    public PolicyCompiler(int maxIdleSessions, EvaluationLimits limits) {
        this(maxIdleSessions, limits, null);
    }

    /**
     * @param store where rule sets compiled before are kept and taken from (checked again before use), or null to
     *              compile every rule set
     */
    public PolicyCompiler(int maxIdleSessions, EvaluationLimits limits, CompiledRuleStore store) {
        this.maxIdleSessions = maxIdleSessions;
        this.limits = limits;
        this.store = store;
    }

    /** A rule set compiled and checked: its KieBase and the rule each generated class belongs to. */
    private record Built(KieBase kieBase, Map<String, String> ruleOfClass) {}

    public CompiledPolicy compile(PolicySource source) {
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
                fileSetKeys
                        .computeIfAbsent(scopeKey(school), s -> new EnumMap<>(GradeBand.class))
                        .put(band, key);
                List<CompileProblem> found = new ArrayList<>();
                BandParameters resolved = BandParameters.resolve(
                        band,
                        layers.stream().map(l -> parameterLayers.get(l.name())).toList(),
                        found);
                parameterProblems.addAll(found);
                if (resolved != null) {
                    parameters
                            .computeIfAbsent(scopeKey(school), s -> new EnumMap<>(GradeBand.class))
                            .put(band, resolved);
                }
            }
        }
        if (problems.isEmpty()) {
            problems.addAll(parameterProblems);
        }

        Map<RuleFile, RuleText> texts = new HashMap<>();
        LinkedHashSet<CompileProblem> ruleProblems = new LinkedHashSet<>();
        // problems after which a file is not compiled: syntax, structure that must not reach the compiler, patterns
        // that would only make Drools repeat the problem
        List<CompileProblem> blocked = new ArrayList<>();
        for (List<EffectiveRuleFile> files : fileSets.values()) {
            for (EffectiveRuleFile file : files) {
                texts.computeIfAbsent(file.file(), f -> {
                    RuleText text = RuleText.of(f);
                    ruleProblems.addAll(text.problems());
                    if (text.parsed() != null) {
                        for (RuleFileStructure.Finding found : RuleFileStructure.check(text.parsed(), text.drl())) {
                            CompileProblem problem = text.at(found.line(), found.column(), found.message());
                            ruleProblems.add(problem);
                            if (found.blocking()) {
                                blocked.add(problem);
                            }
                        }
                        List<CompileProblem> factProblems = new ArrayList<>(FactModel.checkFields(text));
                        factProblems.addAll(FactModel.checkTypes(text));
                        factProblems.addAll(FactModel.checkPhases(text));
                        ruleProblems.addAll(factProblems);
                        blocked.addAll(factProblems);
                    } else {
                        blocked.addAll(text.problems());
                    }
                    return text;
                });
            }
        }

        Map<String, RuleSessionPool> pools = new HashMap<>();
        for (Map.Entry<String, List<EffectiveRuleFile>> set : fileSets.entrySet()) {
            List<RuleText> setTexts =
                    set.getValue().stream().map(f -> texts.get(f.file())).toList();
            Built built = build(source, setTexts, ruleProblems, blocked, store);
            if (built != null) {
                pools.put(
                        set.getKey(),
                        new RuleSessionPool(built.kieBase(), maxIdleSessions, limits, built.ruleOfClass()));
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
                byBand.put(
                        band,
                        new EffectivePolicy(
                                source.policyId(),
                                source.version(),
                                band,
                                school,
                                parameters.get(scopeKey(school)).get(band),
                                fileSets.get(key),
                                pools.get(key)));
            }
            resolved.put(scopeKey(school), byBand);
        }
        return new CompiledPolicy(source, resolved, pools.size(), (System.nanoTime() - started) / 1_000_000);
    }

    public static String scopeKey(String school) {
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
                byName.put(
                        file.fileName(),
                        new EffectiveRuleFile(file, layer.name(), previous == null ? null : previous.layer()));
            }
        }
        return List.copyOf(byName.values());
    }

    private static String fingerprint(List<EffectiveRuleFile> files) {
        StringBuilder key = new StringBuilder();
        for (EffectiveRuleFile file : files) {
            key.append(file.file().path())
                    .append('#')
                    .append(file.file().content().hashCode())
                    .append('#')
                    .append(file.file().content().length())
                    .append('|');
        }
        return key.toString();
    }

    private static Built build(
            PolicySource source,
            List<RuleText> files,
            LinkedHashSet<CompileProblem> problems,
            List<CompileProblem> blocked,
            CompiledRuleStore store) {
        if (files.isEmpty()) {
            problems.add(new CompileProblem(
                    "(policy)",
                    0,
                    0,
                    "policy '" + source.policyId()
                            + "' has no rule files; add at least one .drl file to the district layer"));
            return null;
        }
        List<CompileProblem> duplicates = DuplicateRuleNames.check(files);
        problems.addAll(duplicates);
        blocked.addAll(duplicates);
        if (blocked.stream().anyMatch(p -> files.stream().anyMatch(f -> f.path().equals(p.file())))) {
            // a file of this set must not be compiled: Drools would only repeat its problems, or the file holds
            // constructs that never reach the compiler
            return null;
        }
        boolean clean = problems.stream()
                .noneMatch(p -> files.stream().anyMatch(f -> f.path().equals(p.file())));
        String key = store == null || !clean ? null : store.key(files);
        if (key != null) {
            Built kept = store.find(key).map(stored -> load(store, key, stored)).orElse(null);
            if (kept != null) {
                store.reused();
                return kept;
            }
        }
        KieServices services = KieServices.get();
        KieFileSystem fileSystem = services.newKieFileSystem();
        ReleaseId releaseId = services.newReleaseId(
                "dev.pathwise.policy",
                sanitize(source.policyId()),
                sanitize(source.version()) + "-" + BUILDS.incrementAndGet());
        fileSystem.generateAndWritePomXML(releaseId);
        Map<String, RuleText> byDrlPath = new HashMap<>();
        for (RuleText file : files) {
            if (!file.drl().isEmpty()) {
                fileSystem.write(RESOURCES + file.drlPath(), file.drl());
                byDrlPath.put(file.drlPath(), file);
            }
        }
        try {
            KieBuilder builder = services.newKieBuilder(fileSystem).buildAll(ExecutableModelProject.class);
            List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
            if (!errors.isEmpty()) {
                List<Message> inGeneratedCode = errors.stream()
                        .filter(e -> e.getPath() != null && e.getPath().endsWith(".java"))
                        .toList();
                List<Message> inRuleFiles = errors.stream()
                        .filter(e -> !inGeneratedCode.contains(e))
                        .toList();
                problems.addAll(DroolsMessages.problems(inRuleFiles, byDrlPath, problems));
                if (!inGeneratedCode.isEmpty()) {
                    problems.addAll(GeneratedCodeErrors.place(inGeneratedCode, files));
                }
                return null;
            }
            InternalKieModule module = (InternalKieModule) builder.getKieModule();
            Map<String, byte[]> classes = classesOf(module);
            RuleCodeCheck.Result checked = RuleCodeCheck.check(classes, PolicyCompiler.class.getClassLoader());
            if (!checked.passed()) {
                RuleLocations locations = RuleLocations.of(files);
                for (RuleCodeViolation violation : checked.violations()) {
                    CompileProblem placed = locations.place(violation);
                    if (placed.line() == 0
                            || problems.stream()
                                    .noneMatch(p -> p.file().equals(placed.file()) && p.line() == placed.line())) {
                        problems.add(placed); // one problem a line: the first thing on it that rules may not do
                    }
                }
                return null;
            }
            if (problems.stream()
                    .anyMatch(p -> files.stream().anyMatch(f -> f.path().equals(p.file())))) {
                return null; // nothing is loaded from a policy with a problem
            }
            Built built = new Built(services.newKieContainer(releaseId).getKieBase(), checked.ruleOfClass());
            if (key != null) {
                store.save(key, new CompiledRuleStore.Stored(classes, modelNames(module)));
            }
            return built;
        } finally {
            services.getRepository().removeKieModule(releaseId);
        }
    }

    /**
     * A rule set taken from the store: its code checked with the same allow-list as a fresh compile's, then loaded
     * in a class loader of its own and built into a KieBase from its models, without compiling anything. Null (and
     * the stored set dropped) when the check fails or the classes cannot be loaded.
     */
    private static Built load(CompiledRuleStore store, String key, CompiledRuleStore.Stored stored) {
        ClassLoader parent = PolicyCompiler.class.getClassLoader();
        RuleCodeCheck.Result checked = RuleCodeCheck.check(stored.classes(), parent);
        if (!checked.passed()) {
            store.refuse(
                    key,
                    "its code fails the rule sandbox's check ("
                            + checked.violations().get(0) + ")");
            return null;
        }
        try {
            ClassLoader loader = new StoredRules(stored.classes(), parent);
            List<Model> models = new ArrayList<>();
            for (String name : stored.models()) {
                models.add(
                        (Model) loader.loadClass(name).getDeclaredConstructor().newInstance());
            }
            return new Built(KieBaseBuilder.createKieBaseFromModel(models), checked.ruleOfClass());
        } catch (ReflectiveOperationException | LinkageError | RuntimeException unusable) {
            store.refuse(key, "its classes cannot be loaded (" + unusable + ")");
            return null;
        }
    }

    /** The classes of a stored rule set, defined from their checked bytecode. */
    private static final class StoredRules extends ClassLoader {
        private final Map<String, byte[]> classes;

        StoredRules(Map<String, byte[]> classes, ClassLoader parent) {
            super(parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] code = classes.get(name.replace('.', '/') + ".class");
            if (code == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, code, 0, code.length);
        }
    }

    /** The model classes Drools generated for a module (one per package), as its model file lists them. */
    private static List<String> modelNames(InternalKieModule module) {
        List<String> names = new ArrayList<>();
        for (String file : module.getFileNames()) {
            if (file.endsWith("/drools-model")) {
                new String(module.getBytes(file), java.nio.charset.StandardCharsets.UTF_8)
                        .lines()
                        .map(String::trim)
                        .filter(line -> !line.isEmpty() && !line.startsWith("Drools-Model-Version"))
                        .forEach(names::add);
            }
        }
        return names;
    }

    private static Map<String, byte[]> classesOf(InternalKieModule module) {
        Map<String, byte[]> classes = new HashMap<>();
        for (String name : module.getFileNames()) {
            if (name.endsWith(".class")) {
                classes.put(name, module.getBytes(name));
            }
        }
        return classes;
    }

    private static String sanitize(String text) {
        return text.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
