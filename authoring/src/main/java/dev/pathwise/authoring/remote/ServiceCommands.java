package dev.pathwise.authoring.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pathwise.engine.simulation.EvidenceFiles;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * {@code pathwise policy publish|versions|activate|diff|export-evidence}: the policy's round trip with a running
 * service. Exit 0 when the service did it, 1 when it refused (its problem detail printed), 2 when the command line
 * is wrong, 3 when the service cannot be reached (the URL printed).
 */
public final class ServiceCommands {

    public static final int OK = 0;
    public static final int REFUSED = 1;
    public static final int USAGE = 2;
    public static final int UNREACHABLE = 3;

    /** The commands this class runs. */
    public static final List<String> NAMES = List.of("publish", "versions", "activate", "diff", "export-evidence");

    public static final String USAGE_TEXT = """
              publish <folder> [--version <name>] [--message <text>]
                                           zip the folder, publish it as a new version (checked and its scenarios
                                           played by the service first), print the version, its content hash and
                                           whether it is active
              versions                     the history: every version, the active one, refused attempts
              activate <version>           make a stored version the active one (roll back or forward)
              diff <version> <version>     the files added, removed and changed from one version to the other
              export-evidence [--out evidence.ndjson|.csv] [--learners learners.ndjson|.csv]
                              [--framework framework.json [--framework-id <id>]]
                                           write the district's evidence export (and learners, framework),
                                           as simulate reads them
              options of these commands: --url <address> (default $PATHWISE_URL, else http://localhost:8080),
              --key-env <NAME> (the variable holding the API key, default PATHWISE_API_KEY), --policy <id>
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;

    public ServiceCommands(PrintStream out, PrintStream err, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    /** Runs one command; {@code args} are the words after the command's name. */
    public int run(String command, List<String> args) {
        ServiceOptions options;
        try {
            options = ServiceOptions.parse(
                    args,
                    switch (command) {
                        case "publish" -> Set.of("--version", "--message");
                        case "export-evidence" -> Set.of("--out", "--learners", "--framework", "--framework-id");
                        default -> Set.of();
                    },
                    environment);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return USAGE;
        }
        ServiceConnection service = new ServiceConnection(options.url(), options.apiKey());
        try {
            return switch (command) {
                case "publish" -> publish(service, options);
                case "versions" -> versions(service, options);
                case "activate" -> activate(service, options);
                case "diff" -> diff(service, options);
                case "export-evidence" -> exportEvidence(service, options);
                default -> throw new IllegalArgumentException("unknown command '" + command + "'");
            };
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return USAGE;
        } catch (ServiceRefusal refusal) {
            refusal.lines().forEach(err::println);
            return REFUSED;
        } catch (ServiceUnreachable unreachable) {
            err.println(unreachable.sentence());
            return UNREACHABLE;
        }
    }

    private int publish(ServiceConnection service, ServiceOptions options) {
        requireArguments(options, 1, "publish takes one policy folder: pathwise policy publish <folder>");
        byte[] zip = PolicyZip.of(Path.of(options.arguments().get(0)));
        String policy = policyId(service, options);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("version", options.options().get("--version"));
        query.put("message", options.options().get("--message"));
        JsonNode version = service.post(versionsPath(policy) + query(query), "application/zip", zip);
        String label = version.path("versionLabel").asText();
        if ("published".equals(version.path("outcome").asText())) {
            out.println("published " + label + " by " + version.path("author").asText());
        } else {
            out.println("unchanged " + label + ": this content was published before under this version");
        }
        out.println("content hash " + version.path("contentHash").asText());
        out.println(
                version.path("active").asBoolean()
                        ? "active: yes, since " + version.path("activatedAt").asText()
                        : "active: no; make it active with: pathwise policy activate "
                                + version.path("version").asText());
        return OK;
    }

    private int versions(ServiceConnection service, ServiceOptions options) {
        requireArguments(options, 0, "versions takes no argument: pathwise policy versions");
        String policy = policyId(service, options);
        JsonNode history = service.get(versionsPath(policy));
        out.println("policy " + policy + ", active version "
                + history.path("activeVersion").asText());
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("version", "status", "author", "created", "content hash", "message"));
        for (JsonNode v : history.path("versions")) {
            rows.add(List.of(
                    v.path("version").asText(),
                    v.path("status").asText(),
                    v.path("author").asText(),
                    v.path("createdAt").asText(),
                    shortHash(v),
                    v.path("message").asText("")));
        }
        print(rows);
        if (!history.path("refused").isEmpty()) {
            out.println("refused:");
            List<List<String>> refused = new ArrayList<>();
            for (JsonNode r : history.path("refused")) {
                refused.add(List.of(
                        r.path("version").asText(),
                        r.path("author").asText(),
                        r.path("createdAt").asText(),
                        r.path("report").path("summary").asText()));
            }
            print(refused);
        }
        return OK;
    }

    private int activate(ServiceConnection service, ServiceOptions options) {
        requireArguments(
                options,
                1,
                "activate takes the version to make active: pathwise policy activate"
                        + " <version> (pathwise policy versions lists them)");
        String policy = policyId(service, options);
        JsonNode version = service.post(
                versionsPath(policy) + "/" + segment(options.arguments().get(0)) + "/activate");
        out.println(
                "activated".equals(version.path("outcome").asText())
                        ? version.path("versionLabel").asText() + " is active, since "
                                + version.path("activatedAt").asText()
                        : version.path("versionLabel").asText() + " was already active; nothing changed");
        return OK;
    }

    private int diff(ServiceConnection service, ServiceOptions options) {
        requireArguments(options, 2, "diff takes two versions: pathwise policy diff <version> <version>");
        String policy = policyId(service, options);
        String from = options.arguments().get(0);
        String to = options.arguments().get(1);
        Map<String, String> before = files(service.get(versionsPath(policy) + "/" + segment(from)));
        Map<String, String> after = files(service.get(versionsPath(policy) + "/" + segment(to)));
        out.println(policy + " " + from + " -> " + to);
        Map<String, String> paths = new TreeMap<>();
        before.keySet().forEach(path -> paths.put(path, ""));
        after.keySet().forEach(path -> paths.put(path, ""));
        int differ = 0;
        for (String path : paths.keySet()) {
            String old = before.get(path);
            String now = after.get(path);
            if (old == null) {
                out.println("added    " + path + " (" + lines(LineDiff.lineCount(now)) + ")");
            } else if (now == null) {
                out.println("removed  " + path + " (" + lines(LineDiff.lineCount(old)) + ")");
            } else if (!old.equals(now)) {
                LineDiff lines = LineDiff.of(old, now);
                out.println("changed  " + path + " (+" + lines.added() + " -" + lines.removed() + " lines)");
            } else {
                continue;
            }
            differ++;
        }
        int same = paths.size() - differ;
        out.println(
                differ == 0
                        ? "no differences; " + same + (same == 1 ? " file" : " files") + " the same"
                        : differ + (differ == 1 ? " file differs, " : " files differ, ") + same + " the same");
        return OK;
    }

    private int exportEvidence(ServiceConnection service, ServiceOptions options) {
        requireArguments(
                options,
                0,
                "export-evidence takes no argument; name the files with --out, --learners" + " and --framework");
        Path evidence = Path.of(options.options().getOrDefault("--out", "evidence.ndjson"));
        service.download("/v1/exports/" + exportName("evidence", evidence), evidence);
        out.println("wrote " + EvidenceFiles.readEvidence(evidence).size() + " pieces of evidence to " + evidence);
        if (options.options().containsKey("--learners")) {
            Path learners = Path.of(options.options().get("--learners"));
            service.download("/v1/exports/" + exportName("learners", learners), learners);
            out.println("wrote " + EvidenceFiles.readLearners(learners).size() + " learners to " + learners);
        }
        if (options.options().containsKey("--framework")) {
            Path framework = Path.of(options.options().get("--framework"));
            String id = options.options().containsKey("--framework-id")
                    ? options.options().get("--framework-id")
                    : onlyFramework(service);
            service.download("/v1/frameworks/" + segment(id), framework);
            out.println("wrote framework " + id + " to " + framework);
        } else if (options.options().containsKey("--framework-id")) {
            throw new IllegalArgumentException("--framework-id goes with --framework <file>, the file to write");
        }
        return OK;
    }

    private static String onlyFramework(ServiceConnection service) {
        List<String> ids = new ArrayList<>();
        service.get("/v1/frameworks").forEach(f -> ids.add(f.path("id").asText()));
        if (ids.size() != 1) {
            throw new IllegalArgumentException("the tenant has " + ids.size() + " frameworks (" + String.join(", ", ids)
                    + "); name the one to write with --framework-id <id>");
        }
        return ids.get(0);
    }

    private static String exportName(String table, Path file) {
        return table + (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? ".csv" : ".ndjson");
    }

    /** The policy named by {@code --policy}, else the tenant's policy (a tenant has one). */
    private static String policyId(ServiceConnection service, ServiceOptions options) {
        if (options.policyId() != null) {
            return options.policyId();
        }
        JsonNode policies = service.get("/v1/policies");
        if (policies.isEmpty()) {
            throw new IllegalArgumentException("the service at " + service.url() + " lists no policy for this key's"
                    + " tenant; name it with --policy <id>");
        }
        return policies.get(0).path("id").asText();
    }

    private static Map<String, String> files(JsonNode version) {
        Map<String, String> files = new TreeMap<>();
        version.path("files")
                .forEach(f ->
                        files.put(f.path("path").asText(), f.path("content").asText()));
        return files;
    }

    private void print(List<List<String>> rows) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        rows.forEach(row -> {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(i == columns - 1 ? row.get(i) : String.format("%-" + widths[i] + "s  ", row.get(i)));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String shortHash(JsonNode version) {
        String hash = version.path("contentHash").asText();
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }

    private static String lines(int count) {
        return count + (count == 1 ? " line" : " lines");
    }

    private static void requireArguments(ServiceOptions options, int count, String usage) {
        if (options.arguments().size() != count) {
            throw new IllegalArgumentException(usage);
        }
    }

    private static String versionsPath(String policy) {
        return "/v1/policies/" + segment(policy) + "/versions";
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String query(Map<String, String> parameters) {
        Function<Map.Entry<String, String>, String> pair = e -> e.getKey() + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20");
        List<String> pairs = parameters.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(pair)
                .toList();
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }
}
