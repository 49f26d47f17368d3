package io.agentd.testkit.fakeapi;

import java.util.UUID;

/** Fresh ids in the shape the real API uses ({@code msg_...}, {@code toolu_...}, {@code req_...}). */
final class Ids {
    private Ids() {
    }

    static String next(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }
}
