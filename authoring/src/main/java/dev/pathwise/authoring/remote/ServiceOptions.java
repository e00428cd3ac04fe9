package dev.pathwise.authoring.remote;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line of a command that talks to the service: its positional arguments and options, with the
 * service's address ({@code --url}, else {@code PATHWISE_URL}, else {@code http://localhost:8080}) and the API key,
 * read from the environment variable {@code PATHWISE_API_KEY} or the one {@code --key-env} names. A key given on
 * the command line itself is refused.
 */
record ServiceOptions(String url, String apiKey, String policyId, List<String> arguments, Map<String, String> options) {

    static final String DEFAULT_URL = "http://localhost:8080";
    static final String URL_VARIABLE = "PATHWISE_URL";
    static final String KEY_VARIABLE = "PATHWISE_API_KEY";

    private static final Set<String> KEY_OPTIONS = Set.of("--key", "--api-key", "--apikey", "-k");

    /**
     * Reads the command line of one command; {@code known} are the options of that command that take a value.
     *
     * @throws IllegalArgumentException with the sentence to print, when the command line is wrong
     */
    static ServiceOptions parse(List<String> args, Set<String> known, Map<String, String> environment) {
        List<String> arguments = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") && arg.startsWith("-") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (KEY_OPTIONS.contains(name)) {
                throw new IllegalArgumentException(name + ": an API key is never taken on the command line, because"
                        + " it would land in your shell history and in the list of running processes; put it in"
                        + " the environment variable " + KEY_VARIABLE + " (or the one --key-env NAME names)");
            }
            if (!arg.startsWith("--")) {
                arguments.add(arg);
                continue;
            }
            if (!name.equals("--url")
                    && !name.equals("--key-env")
                    && !name.equals("--policy")
                    && !known.contains(name)) {
                List<String> all = new ArrayList<>(List.of("--url", "--key-env", "--policy"));
                all.addAll(known);
                throw new IllegalArgumentException(
                        "unknown option '" + name + "'; this command takes " + String.join(", ", all));
            }
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new IllegalArgumentException(name + " needs a value");
            }
            options.put(name, value);
        }
        String url = options.getOrDefault("--url", blankToNull(environment.get(URL_VARIABLE)));
        if (url == null) {
            url = DEFAULT_URL;
        }
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new IllegalArgumentException(
                    "--url: '" + url + "' is not an http:// or https:// address, such as " + DEFAULT_URL);
        }
        String variable = options.getOrDefault("--key-env", KEY_VARIABLE);
        String key = blankToNull(environment.get(variable));
        if (key == null) {
            throw new IllegalArgumentException("no API key: the environment variable " + variable + " is not set;"
                    + " export " + variable + "=<your curriculum key> first"
                    + (options.containsKey("--key-env") ? "" : " (or name another variable with --key-env NAME)"));
        }
        return new ServiceOptions(
                url, key.strip(), options.get("--policy"), List.copyOf(arguments), Map.copyOf(options));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
