package dev.pathwise.engine.policy.compiler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rule sets compiled before, kept on disk so that a restart (or another node on the same disk) does not compile them
 * again: the Java bytecode Drools' executable model generated for a set of rule files, one file per set under
 * {@code <directory>/<key>.jar}, where the key is the SHA-256 of the rule files' text, the Drools version and the
 * engine's own classes (so a rule set compiled against other fact classes or another Drools is never taken). Rule
 * sets compiled when the application was built (the default pack's) are found on the class path under {@link #SEED}.
 *
 * <p>What is read back is code, so it is trusted no more than a fresh compile: {@link PolicyCompiler} checks it with
 * the same allow-list ({@link dev.pathwise.engine.policy.sandbox.RuleCodeCheck}) before loading any of it, and a file
 * that fails the check, or cannot be read, is deleted and the rule set compiled anew. Writes go to a temporary file
 * that is then moved into place, so a reader never sees half a file. The directory keeps the
 * {@value #KEPT} most recently used sets.
 */
public final class CompiledRuleStore {

    private static final Logger LOG = LoggerFactory.getLogger(CompiledRuleStore.class);
    private static final String FORMAT = "pathwise-compiled-rules/1";
    private static final String MODELS = "META-INF/pathwise/models";

    /**
     * Where rule sets compiled when the application was built are found on the class path (the default policy pack's,
     * written by the rules module's build), under the same keys.
     */
    public static final String SEED = "META-INF/pathwise/compiled-rules/";

    static final int KEPT = 64;

    private final Path directory;
    private final String environment;
    private final AtomicLong reused = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private volatile String lastRefusal;

    /** A rule set as kept: its generated classes (file name to bytecode) and the names of its model classes. */
    public record Stored(Map<String, byte[]> classes, List<String> models) {}

    public CompiledRuleStore(Path directory) {
        this.directory = directory;
        this.environment = FORMAT + "\n" + droolsVersion() + "\n" + engineFingerprint();
    }

    /** The key of a rule set: its files' paths and text, in order, with the Drools version and the engine's code. */
    String key(List<RuleText> files) {
        MessageDigest digest = sha256();
        digest.update(environment.getBytes(StandardCharsets.UTF_8));
        for (RuleText file : files) {
            digest.update(("\n" + file.drlPath() + "\n" + file.drl().length() + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(file.drl().getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * The rule set kept under this key, if there is one that can be read: in the directory, or else among those
     * compiled when the application was built ({@link #SEED} on the class path), which is then copied into the
     * directory.
     */
    Optional<Stored> find(String key) {
        Path file = directory.resolve(key + ".jar");
        byte[] bytes;
        boolean seeded = false;
        try {
            if (Files.isRegularFile(file)) {
                bytes = Files.readAllBytes(file);
                Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
            } else {
                ClassLoader loader = CompiledRuleStore.class.getClassLoader();
                try (InputStream in = loader.getResourceAsStream(SEED + key + ".jar")) {
                    if (in == null) {
                        return Optional.empty();
                    }
                    bytes = in.readAllBytes();
                    seeded = true;
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            refuse(key, "it cannot be read (" + unreadable + ")");
            return Optional.empty();
        }
        Optional<Stored> stored = read(key, bytes);
        if (stored.isPresent() && seeded) {
            keep(key, bytes);
        }
        return stored;
    }

    private Optional<Stored> read(String key, byte[] bytes) {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        List<String> models = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals(MODELS)) {
                    new String(content, StandardCharsets.UTF_8)
                            .lines()
                            .filter(line -> !line.isBlank())
                            .forEach(models::add);
                } else if (entry.getName().endsWith(".class")) {
                    classes.put(entry.getName(), content);
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            refuse(key, "it cannot be read (" + unreadable + ")");
            return Optional.empty();
        }
        if (models.isEmpty() || classes.isEmpty()) {
            refuse(key, "it cannot be read (it holds no model classes)");
            return Optional.empty();
        }
        return Optional.of(new Stored(classes, models));
    }

    /** Keeps a rule set just compiled and checked; a failure to write is logged, never thrown. */
    void save(String key, Stored stored) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry(MODELS));
            out.write(String.join("\n", stored.models()).getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            for (Map.Entry<String, byte[]> entry : new TreeMap<>(stored.classes()).entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        keep(key, bytes.toByteArray());
    }

    /** Writes a rule set's file: to a temporary file first, then moved into place. */
    private void keep(String key, byte[] bytes) {
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, key, ".tmp");
            Files.write(temporary, bytes);
            Path target = directory.resolve(key + ".jar");
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException notAtomic) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            prune();
        } catch (IOException | UncheckedIOException e) {
            LOG.warn(
                    "Could not keep a compiled rule set in {} ({}); it will be compiled again at the next start",
                    directory,
                    e.toString());
        }
    }

    /** Drops a kept rule set that failed the checks when read back, and counts it. */
    void refuse(String key, String why) {
        refused.incrementAndGet();
        lastRefusal = key + ": " + why;
        LOG.warn("The compiled rule set {} in {} is not used: {}; compiling the rule files again", key, directory, why);
        try {
            Files.deleteIfExists(directory.resolve(key + ".jar"));
        } catch (IOException e) {
            LOG.warn("Could not delete {} ({})", directory.resolve(key + ".jar"), e.toString());
        }
    }

    void reused() {
        reused.incrementAndGet();
    }

    /** How many rule sets were taken from this store instead of being compiled. */
    public long reusedCount() {
        return reused.get();
    }

    /** How many kept rule sets were found unreadable or failing the checks, and compiled again. */
    public long refusedCount() {
        return refused.get();
    }

    /** Why the last kept rule set refused was not used, or null. */
    public String lastRefusal() {
        return lastRefusal;
    }

    public Path directory() {
        return directory;
    }

    private void prune() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> kept = files.filter(f -> f.getFileName().toString().endsWith(".jar"))
                    .sorted(Comparator.comparing(CompiledRuleStore::lastModified)
                            .reversed())
                    .toList();
            for (Path old : kept.subList(Math.min(KEPT, kept.size()), kept.size())) {
                Files.deleteIfExists(old);
            }
        }
    }

    private static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static String droolsVersion() {
        String version = org.kie.api.KieServices.class.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }

    /**
     * The SHA-256 of the engine's own classes (each class file's name and bytes, in name order), which the generated
     * rule code is compiled against: a rebuilt engine never takes rule sets compiled for another one. The same classes
     * give the same fingerprint in a directory, a jar or a jar inside the application's jar, so rule sets compiled
     * when the application is built ({@link #SEED}) are found at run time.
     */
    static String engineFingerprint() {
        MessageDigest digest = sha256();
        try {
            URL location = CompiledRuleStore.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation();
            if ("file".equals(location.getProtocol())) {
                Path code = Path.of(location.toURI());
                if (Files.isDirectory(code)) {
                    Map<String, Path> classes = new TreeMap<>();
                    try (Stream<Path> files = Files.walk(code)) {
                        files.filter(f -> f.toString().endsWith(".class"))
                                .forEach(f -> classes.put(
                                        code.relativize(f).toString().replace(java.io.File.separatorChar, '/'), f));
                    }
                    for (Map.Entry<String, Path> entry : classes.entrySet()) {
                        digest.update(entry.getKey().getBytes(StandardCharsets.UTF_8));
                        digest.update(Files.readAllBytes(entry.getValue()));
                    }
                } else {
                    try (JarFile jar = new JarFile(code.toFile())) {
                        digestClasses(jar, digest);
                    }
                }
            } else if (location.openConnection() instanceof JarURLConnection nested) {
                digestClasses(nested.getJarFile(), digest);
            } else {
                return fingerprintOfClassPath(digest);
            }
        } catch (IOException | URISyntaxException | RuntimeException notReadable) {
            return fingerprintOfClassPath(digest);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void digestClasses(JarFile jar, MessageDigest digest) throws IOException {
        List<JarEntry> classes = jar.stream()
                .filter(e -> !e.isDirectory() && e.getName().endsWith(".class"))
                .sorted(Comparator.comparing(JarEntry::getName))
                .toList();
        for (JarEntry entry : classes) {
            digest.update(entry.getName().getBytes(StandardCharsets.UTF_8));
            try (InputStream in = jar.getInputStream(entry)) {
                digest.update(in.readAllBytes());
            }
        }
    }

    /**
     * The fingerprint when the engine's code is not a plain file (a Spring Boot fat jar run without unpacking): the
     * class path's files with their sizes and times, which change whenever the application is rebuilt.
     */
    private static String fingerprintOfClassPath(MessageDigest digest) {
        digest.reset();
        digest.update(FORMAT.getBytes(StandardCharsets.UTF_8));
        for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            Path file = Path.of(entry);
            try {
                digest.update((entry + "\n" + Files.size(file) + "\n" + Files.getLastModifiedTime(file) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException missing) {
                digest.update((entry + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
