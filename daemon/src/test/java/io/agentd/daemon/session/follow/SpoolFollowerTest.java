package io.agentd.daemon.session.follow;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The follower against real files, some written by another thread while it reads: every line arrives
 * once, whole, with the offset just past it, whatever the write boundaries.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SpoolFollowerTest {
    private static final int NO_LIMIT = 256 * 1024 * 1024;

    @TempDir
    Path dir;

    /** What a sink saw, in order. */
    private record Seen(String line, long endOffset) {
    }

    /** A sink that keeps lines and oversize notices; lines are copied since the follower reuses its buffers. */
    private static final class Recorder implements SpoolFollower.LineSink, SpoolFollower.OversizeSink {
        final List<Seen> lines = new CopyOnWriteArrayList<>();
        final List<long[]> oversized = new CopyOnWriteArrayList<>();

        @Override
        public void line(byte[] bytes, int offset, int length, long endOffset) {
            lines.add(new Seen(new String(bytes, offset, length, StandardCharsets.UTF_8), endOffset));
        }

        @Override
        public void oversized(long bytes, long endOffset) {
            oversized.add(new long[] {bytes, endOffset});
        }
    }

    @Test
    void linesWrittenInPiecesByAnotherThreadArriveWholeWithExactEndOffsets() throws Exception {
        Path file = dir.resolve("stdout");
        List<String> lines = List.of("{\"type\":\"system\"}", "", "second line", "x".repeat(3000), "{\"type\":\"result\"}");
        byte[] all = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        Wakeup wakeup = new Wakeup();
        AtomicBoolean finished = new AtomicBoolean();
        Recorder recorder = new Recorder();
        CompletableFuture<Long> end = followAsync(file, wakeup, finished, 0, recorder, NO_LIMIT);

        // Cut the bytes at awkward places: mid-line, right before and right after a newline.
        int[] cuts = {5, 17, 18, 19, 30, 1000, 2500, all.length - 3, all.length};
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            int from = 0;
            for (int cut : cuts) {
                out.write(all, from, cut - from);
                out.flush();
                from = cut;
                wakeup.signal();
                Thread.sleep(15);
            }
        }
        finished.set(true);
        wakeup.signal();

        assertThat(end.get(10, TimeUnit.SECONDS)).isEqualTo(all.length);
        assertThat(recorder.lines).extracting(Seen::line).containsExactlyElementsOf(lines);
        assertThat(recorder.lines).extracting(Seen::endOffset).containsExactlyElementsOf(expectedEnds(lines, 0));
        assertThat(recorder.oversized).isEmpty();
    }

    @Test
    void aPartialLineWaitsForItsNewlineWhileTheWriterRuns() throws Exception {
        Path file = Files.writeString(dir.resolve("stdout"), "first\nsec");
        Wakeup wakeup = new Wakeup();
        AtomicBoolean finished = new AtomicBoolean();
        Recorder recorder = new Recorder();
        CompletableFuture<Long> end = followAsync(file, wakeup, finished, 0, recorder, NO_LIMIT);
        awaitLines(recorder, 1);

        // Had "sec" been delivered early, the rest would arrive as a second, separate line.
        Files.writeString(file, "ond\n", StandardOpenOption.APPEND);
        finished.set(true);
        wakeup.signal();

        assertThat(end.get(10, TimeUnit.SECONDS)).isEqualTo(13);
        assertThat(recorder.lines).containsExactly(new Seen("first", 6), new Seen("second", 13));
    }

    @Test
    void resumesFromAnOffsetMidFile() throws Exception {
        Path file = Files.writeString(dir.resolve("stdout"), "one\ntwo\nthree\n");
        Recorder recorder = new Recorder();

        long end = new SpoolFollower(file, new Wakeup(), () -> true, NO_LIMIT).follow(4, recorder, recorder);

        assertThat(end).isEqualTo(14);
        assertThat(recorder.lines).containsExactly(new Seen("two", 8), new Seen("three", 14));
    }

    @Test
    void aLineLargerThanTheReadChunkIsDeliveredWhole() throws Exception {
        String big = "{\"padding\":\"" + "y".repeat(200 * 1024) + "\"}";
        List<String> lines = List.of("before", big, "after", big, "");
        Path file = Files.writeString(dir.resolve("stdout"), String.join("\n", lines) + "\n");
        Recorder recorder = new Recorder();

        new SpoolFollower(file, new Wakeup(), () -> true, NO_LIMIT).follow(0, recorder, recorder);

        assertThat(recorder.lines).extracting(Seen::line).containsExactlyElementsOf(lines);
        assertThat(recorder.lines).extracting(Seen::endOffset).containsExactlyElementsOf(expectedEnds(lines, 0));
    }

    @Test
    void anOversizedLineIsReportedAndTheNextLineStillDelivered() throws Exception {
        // One too long inside a single read chunk, one spanning several chunks, one exactly at the limit.
        String small = "x".repeat(1500);
        String large = "z".repeat(150 * 1024);
        String atLimit = "a".repeat(1000);
        List<String> lines = List.of("ok", small, "next", large, "last", atLimit);
        Path file = Files.writeString(dir.resolve("stdout"), String.join("\n", lines) + "\n");
        Recorder recorder = new Recorder();
        List<Long> ends = expectedEnds(lines, 0);

        new SpoolFollower(file, new Wakeup(), () -> true, 1000).follow(0, recorder, recorder);

        assertThat(recorder.lines).extracting(s -> s.line().length() > 20 ? s.line().length() + " bytes" : s.line())
                .containsExactly("ok", "next", "last", "1000 bytes");
        assertThat(recorder.lines).containsExactly(new Seen("ok", ends.get(0)), new Seen("next", ends.get(2)),
                new Seen("last", ends.get(4)), new Seen(atLimit, ends.get(5)));
        assertThat(recorder.oversized).extracting(o -> List.of(o[0], o[1])).containsExactly(
                List.of((long) small.length(), ends.get(1)), List.of((long) large.length(), ends.get(3)));
    }

    @Test
    void aLastLineWithoutNewlineIsDeliveredOnceTheWriterHasFinished() throws Exception {
        Path file = Files.writeString(dir.resolve("stdout"), "a\n{\"type\":\"result\"}");
        Wakeup wakeup = new Wakeup();
        AtomicBoolean finished = new AtomicBoolean();
        Recorder recorder = new Recorder();
        CompletableFuture<Long> end = followAsync(file, wakeup, finished, 0, recorder, NO_LIMIT);
        awaitLines(recorder, 1);

        finished.set(true);
        wakeup.signal();

        assertThat(end.get(10, TimeUnit.SECONDS)).isEqualTo(19);
        assertThat(recorder.lines).containsExactly(new Seen("a", 2), new Seen("{\"type\":\"result\"}", 19));
    }

    @Test
    void aFileThatNeverAppearsEndsTheFollowOnceTheWriterFinishes() throws Exception {
        Path file = dir.resolve("never");
        Wakeup wakeup = new Wakeup();
        AtomicBoolean finished = new AtomicBoolean();
        Recorder recorder = new Recorder();
        CompletableFuture<Long> end = followAsync(file, wakeup, finished, 7, recorder, NO_LIMIT);
        Thread.sleep(100);
        assertThat(end).isNotDone();

        finished.set(true);
        wakeup.signal();

        assertThat(end.get(10, TimeUnit.SECONDS)).isEqualTo(7);
        assertThat(recorder.lines).isEmpty();
        assertThat(recorder.oversized).isEmpty();
    }

    private static CompletableFuture<Long> followAsync(Path file, Wakeup wakeup, AtomicBoolean finished, long offset,
                                                       Recorder recorder, int maxLineBytes) {
        CompletableFuture<Long> end = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                end.complete(new SpoolFollower(file, wakeup, finished::get, maxLineBytes).follow(offset, recorder, recorder));
            } catch (IOException | InterruptedException | RuntimeException e) {
                end.completeExceptionally(e);
            }
        });
        return end;
    }

    private static void awaitLines(Recorder recorder, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (recorder.lines.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + recorder.lines + " delivered");
            }
            Thread.sleep(5);
        }
    }

    /** The offset just past each line (ASCII lines, one newline each). */
    private static List<Long> expectedEnds(List<String> lines, long start) {
        List<Long> ends = new ArrayList<>();
        long at = start;
        for (String line : lines) {
            at += line.getBytes(StandardCharsets.UTF_8).length + 1;
            ends.add(at);
        }
        return ends;
    }
}
