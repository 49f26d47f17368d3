package io.agentd.testkit.claude;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One finished run of the real CLI in print mode: exit code, stdout events, stderr. */
record ClaudeRun(int exitCode, List<JsonNode> events, String stderr) {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    ClaudeRun {
        events = List.copyOf(requireNonNull(events, "events is null"));
        requireNonNull(stderr, "stderr is null");
    }

    /** Runs {@code claude <args> --output-format stream-json --verbose} in {@code cwd} and waits. */
    static ClaudeRun run(ClaudeEnvironment env, Path cwd, String... args) throws IOException, InterruptedException {
        return start(env, cwd, args).await();
    }

    /** Starts {@code claude <args> --output-format stream-json --verbose} in {@code cwd}. */
    static Started start(ClaudeEnvironment env, Path cwd, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ClaudeCli.require().toString());
        command.addAll(List.of(args));
        command.addAll(List.of("--output-format", "stream-json", "--verbose"));
        Path stdout = Files.createTempFile(env.home(), "stdout", ".jsonl");
        Path stderr = Files.createTempFile(env.home(), "stderr", ".txt");
        Process process = env.applyTo(new ProcessBuilder(command))
                .directory(cwd.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        // print mode reads no prompt from stdin, but an open pipe must not keep it waiting
        process.getOutputStream().close();
        return new Started(process, stdout, stderr);
    }

    /** A run in progress; stdout and stderr go to files. */
    record Started(Process process, Path stdout, Path stderr) {
        /** The stdout lines written so far. */
        List<String> lines() throws IOException {
            return Files.readAllLines(stdout, UTF_8);
        }

        ClaudeRun await() throws IOException, InterruptedException {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("claude did not finish within 60 s; stderr: " + Files.readString(stderr, UTF_8));
            }
            List<JsonNode> events = new ArrayList<>();
            for (String line : lines()) {
                if (!line.isBlank()) {
                    events.add(MAPPER.readTree(line));
                }
            }
            return new ClaudeRun(process.exitValue(), events, Files.readString(stderr, UTF_8));
        }
    }

    List<JsonNode> ofType(String type) {
        return events.stream().filter(e -> type.equals(e.path("type").asString(""))).toList();
    }

    List<JsonNode> ofType(String type, String subtype) {
        return ofType(type).stream().filter(e -> subtype.equals(e.path("subtype").asString(""))).toList();
    }

    /** The last event, which is the {@code result}. */
    JsonNode result() {
        List<JsonNode> results = ofType("result");
        if (results.isEmpty()) {
            throw new AssertionError("no result event; exit " + exitCode + ", stderr: " + stderr + ", events: " + events);
        }
        return results.getLast();
    }

    /** All content blocks of all assistant events, in order. */
    List<JsonNode> assistantBlocks() {
        List<JsonNode> blocks = new ArrayList<>();
        ofType("assistant").forEach(e -> e.path("message").path("content").forEach(blocks::add));
        return blocks;
    }

    /** All tool_result blocks of all user events, in order. */
    List<JsonNode> toolResults() {
        List<JsonNode> blocks = new ArrayList<>();
        ofType("user").forEach(e -> e.path("message").path("content").forEach(b -> {
            if ("tool_result".equals(b.path("type").asString(""))) {
                blocks.add(b);
            }
        }));
        return blocks;
    }

    String sessionId() {
        return result().path("session_id").asString();
    }

    @Override
    public String toString() {
        return "exit " + exitCode + ", stderr: " + stderr + "\n" + String.join("\n", events.stream().map(JsonNode::toString).toList());
    }
}
