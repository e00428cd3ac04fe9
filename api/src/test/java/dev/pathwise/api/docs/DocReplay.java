package dev.pathwise.api.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replays one Markdown document against a running service, in the document's order, and holds its real outputs
 * next to the printed ones. What it runs:
 * <ul>
 * <li>a {@code ```bash} block, as one shell script; the plain {@code ```} block that follows it (before any other
 * block) is its printed output;</li>
 * <li>a plain block whose first line starts with {@code $ }: a terminal session, each {@code $ command} followed by
 * its printed output ({@code echo $?} prints the previous command's exit code);</li>
 * <li>directives in HTML comments, unseen by readers: {@code <!-- replay: write PATH -->} before a block writes the
 * block to PATH, {@code <!-- replay: run COMMAND -->} runs COMMAND (a step the prose describes), and
 * {@code <!-- replay: skip -->} leaves the next block (and its output) out.</li>
 * </ul>
 * A bash block that starts the service ({@code ./pathwise serve}) is left out with its output. Commands run in
 * {@code work} with the service's address put in place of {@code http://localhost:8080}; outputs are compared with
 * ids ({@link #UUID}) and trailing spaces set aside, and a line of JSON longer than {@value #CUT} characters is cut
 * as the documents cut it.
 */
final class DocReplay {

    static final int CUT = 1500;
    static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern DIRECTIVE = Pattern.compile("^<!-- replay: (write|run|skip)\\s*(.*?)\\s*-->$");
    private static final Pattern DOCUMENTED_URL = Pattern.compile("http://localhost:80[89][0-9]");
    private static final String DOCUMENTED_ADDRESS = "http://localhost:8080";

    /** One printed output that differs from the real one: where (its first line, from 1), the command, both texts. */
    record Difference(String document, int line, String command, String printed, String real) {
        @Override
        public String toString() {
            return document + ":" + line + ": " + command + "\n--- printed\n" + printed + "\n+++ real\n" + real;
        }
    }

    private final Path document;
    private final Path work;
    private final String serviceUrl;
    private final Map<String, String> environment;
    private final List<String> lines;
    /** Replacements of printed outputs: first line index (inclusive) to last (exclusive) and the real text. */
    private final TreeMap<Integer, Map.Entry<Integer, List<String>>> rewrites = new TreeMap<>();

    private final List<Difference> differences = new ArrayList<>();
    private int lastExit;

    DocReplay(Path document, Path work, String serviceUrl, Map<String, String> environment) {
        this.document = document;
        this.work = work;
        this.serviceUrl = serviceUrl;
        this.environment = environment;
        try {
            this.lines = Files.readAllLines(document, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Difference> differences() {
        return differences;
    }

    /** Runs every step of the document in order. */
    DocReplay run() {
        boolean skipOutput = false;
        String directive = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher d = DIRECTIVE.matcher(line.strip());
            if (d.matches()) {
                if (d.group(1).equals("run")) {
                    shell(d.group(2), i);
                } else {
                    directive = d.group(1) + " " + d.group(2);
                }
                continue;
            }
            if (!line.startsWith("```")) {
                if (!line.isBlank()) {
                    directive = null;
                }
                continue;
            }
            String language = line.substring(3).strip();
            int end = close(i);
            List<String> block = lines.subList(i + 1, end);
            if (directive != null && directive.startsWith("skip")) {
                skipOutput = language.equals("bash");
            } else if (directive != null && directive.startsWith("write ")) {
                write(directive.substring("write ".length()).strip(), block);
            } else if (language.equals("bash")) {
                String script = String.join("\n", block);
                boolean serve = script.contains("./pathwise serve");
                int output = serve ? -1 : outputBlock(end + 1);
                String real = serve ? null : shell(script, i);
                if (output >= 0) {
                    compare(script, lines.subList(output + 1, close(output)), real, output + 1);
                }
                skipOutput = serve;
            } else if (language.isEmpty() && !block.isEmpty() && block.get(0).startsWith("$ ")) {
                session(block, i + 1);
            } else if (language.isEmpty() && skipOutput) {
                skipOutput = false;
            }
            directive = null;
            i = end;
        }
        return this;
    }

    /** The document with every printed output that differs replaced by the real one (an equal one is kept as is). */
    String rewritten() {
        List<String> text = new ArrayList<>();
        int i = 0;
        for (var rewrite : rewrites.entrySet()) {
            text.addAll(lines.subList(i, rewrite.getKey()));
            text.addAll(rewrite.getValue().getValue());
            i = rewrite.getValue().getKey();
        }
        text.addAll(lines.subList(i, lines.size()));
        return String.join("\n", text) + "\n";
    }

    private void session(List<String> block, int first) {
        int i = 0;
        while (i < block.size()) {
            String command = block.get(i).substring(2);
            int start = ++i;
            while (i < block.size() && !block.get(i).startsWith("$ ")) {
                i++;
            }
            String real = command.strip().equals("echo $?") ? lastExit + "\n" : shell(command, first + start - 1);
            compare(command, block.subList(start, i), real, first + start);
        }
    }

    private void compare(String command, List<String> printed, String real, int firstLine) {
        List<String> realLines = cut(real).lines().toList();
        if (!normalized(printed).equals(normalized(realLines))) {
            differences.add(new Difference(
                    document.getFileName().toString(),
                    firstLine + 1,
                    command,
                    String.join("\n", printed),
                    String.join("\n", realLines)));
            rewrites.put(firstLine, Map.entry(firstLine + printed.size(), realLines));
        }
    }

    private static List<String> normalized(List<String> text) {
        List<String> lines = new ArrayList<>(text.stream()
                .map(l -> UUID.matcher(l.stripTrailing()).replaceAll("<id>"))
                .toList());
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** Each line of JSON longer than {@value #CUT} characters cut there, followed by a line saying so. */
    private static String cut(String output) {
        StringBuilder text = new StringBuilder();
        output.lines().forEach(line -> {
            if (line.length() > CUT && (line.startsWith("{") || line.startsWith("[{"))) {
                text.append(line, 0, CUT)
                        .append("\n... (cut: ")
                        .append(line.length())
                        .append(" characters in all)\n");
            } else {
                text.append(line).append('\n');
            }
        });
        return text.toString();
    }

    /** The index of the plain block right after {@code from} (blank lines and prose between), or -1. */
    private int outputBlock(int from) {
        for (int i = from; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("```")) {
                boolean plain = line.strip().equals("```")
                        && i + 1 < lines.size()
                        && !lines.get(i + 1).startsWith("$ ")
                        && !(i > 0
                                && DIRECTIVE.matcher(lines.get(i - 1).strip()).matches());
                return plain ? i : -1;
            }
            if (line.startsWith("#")) {
                return -1;
            }
        }
        return -1;
    }

    private int close(int open) {
        for (int i = open + 1; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("```")) {
                return i;
            }
        }
        throw new IllegalStateException(document + ":" + (open + 1) + ": code block never closed");
    }

    private void write(String path, List<String> block) {
        try {
            Path target = work.resolve(path);
            Files.createDirectories(target.getParent());
            Files.writeString(target, String.join("\n", block) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a script with bash in the work folder; its output (standard output and error, as a terminal shows). */
    private String shell(String script, int line) {
        String command = DOCUMENTED_URL.matcher(script).replaceAll(serviceUrl);
        try {
            ProcessBuilder builder = new ProcessBuilder("bash", "-c", command)
                    .directory(work.toFile())
                    .redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(document + ":" + (line + 1) + ": did not finish: " + script);
            }
            lastExit = process.exitValue();
            return new String(output, StandardCharsets.UTF_8).replace(serviceUrl, DOCUMENTED_ADDRESS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
