package io.agentd.daemon.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentd.daemon.json.JsonMappers;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Batch answers are written while the batch runs, never built whole in memory. */
class BatchWriterTest {
    private static final RequestContext CONTEXT = new RequestContext("c1", "tester");

    private final RecordingChannel channel = new RecordingChannel();
    private final List<Integer> sentWhenCalled = new ArrayList<>();
    private RpcDispatcher dispatcher;

    @BeforeEach
    void setUp() {
        MethodRegistry registry = TestMethods.basic();
        // 10 KB per answer: a batch of 200 answers 2 MB, far more than the 64 KiB the connection holds back.
        registry.register("big", NoParams.class, (p, c) -> {
            sentWhenCalled.add(channel.bytes.size());
            return "x".repeat(10_000);
        });
        registry.register("unwritable", NoParams.class, (p, c) -> (StreamedResult) generator -> {
            throw new IllegalStateException("cannot write this");
        });
        dispatcher = new RpcDispatcher(registry, JsonMappers.daemon());
    }

    private String write(String line) throws Exception {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        DispatchOutcome.Batch batch = (DispatchOutcome.Batch) dispatcher.dispatch(bytes, 0, bytes.length, CONTEXT);
        boolean keepOpen = new BatchWriter(JsonMappers.daemon(), new ResultWriter(JsonMappers.daemon()))
                .write(batch, new ResponseOutput(channel));
        assertThat(keepOpen).isTrue();
        return channel.bytes.toString(StandardCharsets.UTF_8);
    }

    private static String batchOf(int n, String method) {
        StringBuilder line = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            line.append(i == 0 ? "" : ",").append("{\"jsonrpc\":\"2.0\",\"method\":\"").append(method)
                    .append("\",\"id\":").append(i).append('}');
        }
        return line.append(']').toString();
    }

    @Test
    void sendsEarlyAnswersBeforeLaterElementsRun() throws Exception {
        String answer = write(batchOf(200, "big"));
        // The last element ran after most of the answer had gone to the socket: only a window is held.
        assertThat(sentWhenCalled.getLast()).isGreaterThan(1_900_000);
        assertThat(sentWhenCalled.getFirst()).isZero();
        List<?> parsed = JsonMappers.daemon().readValue(answer, List.class);
        assertThat(parsed).hasSize(200);
        assertThat(answer).endsWith("]\n").contains("\"id\":199}");
    }

    @Test
    void replacesAnElementThatFailsWhileWrittenByItsError() throws Exception {
        String answer = write("[{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":{\"text\":\"a\"},\"id\":1},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"unwritable\",\"id\":2},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":{\"text\":\"b\"},\"id\":3}]");
        assertThat(answer).startsWith("[{\"jsonrpc\":\"2.0\",\"result\":{\"text\":\"a\"},\"id\":1},"
                + "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32603,")
                .endsWith("\"id\":2},{\"jsonrpc\":\"2.0\",\"result\":{\"text\":\"b\"},\"id\":3}]\n");
    }

    @Test
    void closesWhenAnElementFailsAfterPartOfItWasSent() throws Exception {
        MethodRegistry registry = TestMethods.basic();
        registry.register("half", NoParams.class, (p, c) -> (StreamedResult) generator -> {
            generator.writeString("y".repeat(200_000));
            throw new IllegalStateException("failed half-way");
        });
        RpcDispatcher half = new RpcDispatcher(registry, JsonMappers.daemon());
        byte[] line = "[{\"jsonrpc\":\"2.0\",\"method\":\"half\",\"id\":1}]".getBytes(StandardCharsets.UTF_8);
        DispatchOutcome.Batch batch = (DispatchOutcome.Batch) half.dispatch(line, 0, line.length, CONTEXT);
        assertThat(new BatchWriter(JsonMappers.daemon(), new ResultWriter(JsonMappers.daemon()))
                .write(batch, new ResponseOutput(channel))).isFalse();
        assertThat(channel.bytes.toString(StandardCharsets.UTF_8)).doesNotContain("\n");
    }

    @Test
    void rewindsOnlyWhatIsNotSentYet() throws Exception {
        ResponseOutput output = new ResponseOutput(channel);
        output.write("abc".getBytes(StandardCharsets.UTF_8));
        long mark = output.position();
        output.write("def".getBytes(StandardCharsets.UTF_8));
        assertThat(output.rewind(mark)).isTrue();
        output.write(new byte[ResponseOutput.HELD_BYTES * 2]);
        assertThat(output.rewind(mark)).isFalse();
        assertThat(mark).isEqualTo(3);
    }

    /** A socket that keeps what it is sent. */
    private static final class RecordingChannel implements WritableByteChannel {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public int write(ByteBuffer source) {
            int n = source.remaining();
            byte[] chunk = new byte[n];
            source.get(chunk);
            bytes.write(chunk, 0, n);
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
