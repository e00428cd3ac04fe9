package dev.pathwise.api.operator;

import dev.pathwise.api.problem.ApiProblem;
import dev.pathwise.api.tenant.KeyService;
import dev.pathwise.api.tenant.TenantService;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code pathwise admin}: the operator's command line. Without {@code --url} it works on the database itself (the
 * service's data directory or {@code SPRING_DATASOURCE_*}, schema migrated first); with {@code --url} (or
 * {@code PATHWISE_URL}) it calls a running service's {@code /v1/operator} endpoints with the operator key in
 * {@code PATHWISE_OPERATOR_KEY}. Exit 0 when done, 1 when refused, 2 when the command line is wrong.
 */
public final class AdminCommand {

    static final int OK = 0;
    static final int REFUSED = 1;
    static final int USAGE = 2;

    static final String USAGE_TEXT = """
            usage: pathwise admin [--url <service-url>] <command> ...
              tenant create <id> --name <name>   create a district; prints its first admin key (shown once)
              tenant list                        the districts with their status, schools, learners and users
              tenant disable <id>                refuse every key and sign-in of a district (its data stays)
              tenant enable <id>                 accept them again
              tenant key <id> [--label <label>]  a new admin key for a district (shown once)
              operator-key create [--scope operator|metrics] [--label <label>]   (on the database only)
              operator-key list                                                  (on the database only)
              operator-key revoke <key-id>                                       (on the database only)

            Without --url the commands work on the database: the service's H2 file (--pathwise.data-dir=<dir>,
            default ./data; stop the service first) or PostgreSQL (SPRING_DATASOURCE_URL, _USERNAME, _PASSWORD).
            With --url (or PATHWISE_URL) they go to a running service; the operator key is read from
            PATHWISE_OPERATOR_KEY.
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    public AdminCommand(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    public static int run(String[] args) {
        return new AdminCommand(System.out, System.err, System.getenv()).execute(args);
    }

    /** The parsed command line: positional words, options, and Spring options passed to the database context. */
    record Line(List<String> words, Map<String, String> options, List<String> springArgs) {

        String option(String name) {
            return options.get(name);
        }
    }

    public int execute(String[] args) {
        Line line;
        try {
            line = parse(args);
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        if (line.words().isEmpty() || line.words().get(0).equals("help")) {
            out.print(USAGE_TEXT);
            return line.words().isEmpty() ? USAGE : OK;
        }
        String url = line.option("url") != null ? line.option("url") : env.get("PATHWISE_URL");
        boolean operatorKeys = line.words().get(0).equals("operator-key");
        if (operatorKeys && url != null) {
            return usage("operator-key works on the database only: an operator key is created where the service"
                    + " keeps its data, before anyone can call it");
        }
        try (AdminOperations operations = url != null
                ? new HttpAdminOperations(url, env.get("PATHWISE_OPERATOR_KEY"))
                : DatabaseAdminOperations.open(line.springArgs())) {
            return operatorKeys ? operatorKey(line, operations) : tenant(line, operations);
        } catch (ApiProblem problem) {
            err.println(problem.getMessage());
            return REFUSED;
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        } catch (AdminOperations.Unavailable e) {
            err.println(e.getMessage());
            return REFUSED;
        }
    }

    private int tenant(Line line, AdminOperations operations) {
        List<String> words = line.words();
        if (words.size() < 2 || !words.get(0).equals("tenant")) {
            throw new IllegalArgumentException("unknown command '" + String.join(" ", words) + "'."
                    + dev.pathwise.engine.spelling.Suggestions.nameHint(
                            words.get(0), List.of("tenant", "operator-key")));
        }
        String action = words.get(1);
        switch (action) {
            case "create" -> {
                String id = argument(words, 2, "tenant create <id> --name <name>");
                String name = line.option("name");
                if (name == null) {
                    throw new IllegalArgumentException("tenant create needs --name \"<the district's name>\"");
                }
                TenantService.CreatedTenant created = operations.create(id, name);
                out.println("Created tenant '" + created.tenant().id() + "' ("
                        + created.tenant().name() + ").");
                printKey("First admin key", created.adminKey());
            }
            case "list" -> printTenants(operations.list());
            case "disable" -> printTenants(List.of(operations.disable(argument(words, 2, "tenant disable <id>"))));
            case "enable" -> printTenants(List.of(operations.enable(argument(words, 2, "tenant enable <id>"))));
            case "key" -> {
                String id = argument(words, 2, "tenant key <id> [--label <label>]");
                printKey("New admin key of '" + id + "'", operations.adminKey(id, line.option("label")));
            }
            default ->
                throw new IllegalArgumentException("unknown command 'tenant " + action + "'."
                        + dev.pathwise.engine.spelling.Suggestions.nameHint(
                                action, List.of("create", "list", "disable", "enable", "key")));
        }
        return OK;
    }

    private int operatorKey(Line line, AdminOperations operations) {
        List<String> words = line.words();
        String action = words.size() < 2 ? "" : words.get(1);
        switch (action) {
            case "create" -> {
                OperatorKeys.CreatedOperatorKey key = operations.createOperatorKey(
                        line.options().getOrDefault("scope", OperatorKeys.OPERATOR), line.option("label"));
                out.println("Operator key '" + key.id() + "' (scope " + key.scope() + ", label " + key.label()
                        + ") created. Its secret, shown once (only its hash is kept):");
                out.println("  " + key.key());
                out.println("Send it as X-Operator-Key (or 'Authorization: Bearer' for metrics).");
            }
            case "list" -> {
                out.println(String.format("%-24s %-9s %-24s %-22s %s", "ID", "SCOPE", "LABEL", "CREATED", "REVOKED"));
                for (OperatorKeys.OperatorKey key : operations.operatorKeys()) {
                    out.println(String.format(
                            "%-24s %-9s %-24s %-22s %s",
                            key.id(),
                            key.scope(),
                            key.label(),
                            key.createdAt(),
                            key.revokedAt() == null ? "" : key.revokedAt()));
                }
            }
            case "revoke" -> {
                OperatorKeys.OperatorKey key =
                        operations.revokeOperatorKey(argument(words, 2, "operator-key revoke <key-id>"));
                out.println("Operator key '" + key.id() + "' revoked at " + key.revokedAt() + ".");
            }
            default -> throw new IllegalArgumentException("operator-key takes create, list or revoke");
        }
        return OK;
    }

    private void printKey(String title, KeyService.CreatedKey key) {
        out.println(title + " (shown once; only its hash is kept, so store it now):");
        out.println("  " + key.key());
        out.println("Key id " + key.id() + " (label " + key.label() + "); send it as X-Api-Key. Revoke it with"
                + " DELETE /v1/keys/" + key.id() + ".");
    }

    private void printTenants(List<TenantService.TenantJson> tenants) {
        String format = "%-24s %-9s %8s %9s %6s  %-21s %s";
        out.println(String.format(format, "ID", "STATUS", "SCHOOLS", "LEARNERS", "USERS", "CREATED", "NAME"));
        for (TenantService.TenantJson t : tenants) {
            out.println(String.format(
                    format,
                    t.id(),
                    t.status(),
                    t.schools(),
                    t.learners(),
                    t.users(),
                    t.createdAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                    t.name()));
        }
    }

    private static String argument(List<String> words, int index, String usage) {
        if (words.size() <= index) {
            throw new IllegalArgumentException("usage: pathwise admin " + usage);
        }
        return words.get(index);
    }

    private int usage(String message) {
        err.println(message);
        err.print(USAGE_TEXT);
        return USAGE;
    }

    /** Words, {@code --name value} options of the command, and {@code --spring.x=y} options for the database. */
    static Line parse(String[] args) {
        List<String> words = new ArrayList<>();
        Map<String, String> options = new java.util.LinkedHashMap<>();
        List<String> springArgs = new ArrayList<>();
        List<String> known = List.of("url", "name", "label", "scope");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--")
                    && arg.contains("=")
                    && arg.substring(2, arg.indexOf('=')).contains(".")) {
                springArgs.add(arg);
            } else if (arg.startsWith("--")) {
                String name = arg.substring(2);
                String value = null;
                if (name.contains("=")) {
                    value = name.substring(name.indexOf('=') + 1);
                    name = name.substring(0, name.indexOf('='));
                }
                if (!known.contains(name)) {
                    throw new IllegalArgumentException("unknown option '--" + name + "'."
                            + dev.pathwise.engine.spelling.Suggestions.nameHint(name, known));
                }
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--" + name + " needs a value");
                    }
                    value = args[++i];
                }
                options.put(name, value);
            } else {
                words.add(arg);
            }
        }
        return new Line(words, options, springArgs);
    }
}
