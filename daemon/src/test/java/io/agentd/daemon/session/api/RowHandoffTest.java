package io.agentd.daemon.session.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentd.store.StoreException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class RowHandoffTest {
    @Test
    void handsRowsOverInChunksThenEnds() {
        RowHandoff<Integer> rows = new RowHandoff<>(2);
        for (int i = 1; i <= 5; i++) {
            rows.add(i);
        }
        rows.finish();

        assertThat(rows.next()).containsExactly(1, 2);
        assertThat(rows.next()).containsExactly(3, 4);
        assertThat(rows.next()).containsExactly(5);
        assertThat(rows.next()).isEmpty();
        assertThat(rows.next()).isEmpty();
    }

    @Test
    void theWriterWaitsForTheReader() throws Exception {
        RowHandoff<String> rows = new RowHandoff<>(1);
        CompletableFuture<List<String>> taken = CompletableFuture.supplyAsync(rows::next);

        Thread.sleep(50);
        assertThat(taken).isNotDone();
        rows.add("a");
        assertThat(taken.get()).containsExactly("a");
    }

    @Test
    void theReadersFailureReplacesTheRowsNotYetTaken() {
        RowHandoff<Integer> rows = new RowHandoff<>(2);
        rows.add(1);
        rows.add(2);
        rows.add(3);
        StoreException failure = new StoreException(StoreException.Kind.OTHER, "disk I/O error", null);
        rows.fail(new CompletionException(failure));

        assertThat(rows.next()).containsExactly(1, 2);
        assertThatThrownBy(rows::next).isSameAs(failure);
        assertThatThrownBy(rows::next).isSameAs(failure);
    }
}
