package io.agentd.bench;

import io.agentd.daemon.search.SearchQuery;
import io.agentd.daemon.search.SessionSearch;
import io.agentd.store.Database;
import io.agentd.store.DatabaseOptions;
import io.agentd.store.conversation.ConversationRepository;
import io.agentd.store.conversation.EventType;
import io.agentd.store.conversation.NewConversationEvent;
import io.agentd.store.search.SearchHit;
import io.agentd.store.session.LaunchConfig;
import io.agentd.store.session.PermissionSettings;
import io.agentd.store.session.SessionRepository;
import io.agentd.store.session.SessionRow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Search over 1,000,000 stored conversation events (1,000 sessions of 1,000: messages, tool calls with file
 * paths, tool results), inserted through the store's repositories, so the search indexes are built by the
 * same triggers as in the daemon. Text is drawn from a 20,000-word vocabulary with Zipf-like frequencies;
 * queries are one or two words drawn uniformly from the 5,000 most frequent (the 20 most frequent, which
 * behave like stop words, left out), a fifth of them as prefixes. agentd's figure is
 * {@link SessionSearch#search} as the daemon calls it (bm25 ranking, recency tie-break, snippets, sessions
 * read), on the store's readers. Baselines on a plain JDBC connection: a bare FTS5 MATCH of the same words
 * that stops at the first 10 sessions (no ranking, no snippets), and a {@code LIKE} scan of the conversation
 * text (what hld's title search would become if it looked at conversations).
 */
final class SearchBench {
    private static final int SESSIONS = 1_000;
    private static final int VOCABULARY = 20_000;
    private static final int QUERY_WORDS_FROM = 20;
    private static final int QUERY_WORDS_TO = 5_000;
    private static final int LIMIT = 10;

    private SearchBench() {
    }

    static List<Row> run(Bench.Settings settings) throws Exception {
        int events = settings.quick() ? 100_000 : 1_000_000;
        int queries = settings.quick() ? 100 : 400;
        int likeQueries = settings.quick() ? 5 : 15;
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "agentd-bench-search");
        try (Database db = Database.open(DatabaseOptions.defaults(dir.resolve("agentd.db")))) {
            Words words = new Words(new Random(13));
            long t0 = System.nanoTime();
            populate(db, words, events, Instant.now());
            double insertSeconds = (System.nanoTime() - t0) / 1e9;
            System.err.printf(Locale.ROOT, "bench: search: %,d events in %,d sessions inserted in %.1f s (%,.0f ev/s)%n",
                    events, SESSIONS, insertSeconds, events / insertSeconds);
            List<String> texts = queries(words, new Random(17), queries);
            SessionSearch search = new SessionSearch(db);
            int[] found = new int[1];
            double[] agentd = timeEach(texts, q -> {
                List<SearchHit> hits = search.search(SearchQuery.of(q));
                found[0] += hits.isEmpty() ? 0 : 1;
            });
            double[] bare;
            double[] like;
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.file() + "?open_mode=1")) {
                bare = timeEach(texts, q -> count(c, """
                        SELECT DISTINCT e.session_id FROM conversation_search f JOIN conversation_events e ON e.id = f.rowid
                        WHERE conversation_search MATCH ? LIMIT""" + " " + LIMIT, quoted(q)));
                like = timeEach(texts.subList(0, likeQueries), q -> count(c, """
                        SELECT DISTINCT session_id FROM conversation_events
                        WHERE content LIKE ? OR tool_result_content LIKE ? LIMIT""" + " " + LIMIT,
                        "%" + firstWord(q) + "%", "%" + firstWord(q) + "%"));
            }
            String corpus = String.format(Locale.ROOT, "%,d events, %,d sessions; %d queries, %d found something",
                    events, SESSIONS, texts.size(), found[0]);
            return List.of(
                    Row.cost("searchSessions p50, " + String.format(Locale.ROOT, "%,d", events) + " events",
                            percentile(agentd, 50), percentile(bare, 50), "ms", 20,
                            "bare FTS5 MATCH, first 10 sessions, unranked, no snippets (JDBC); " + corpus),
                    Row.cost("searchSessions p99", percentile(agentd, 99), percentile(bare, 99), "ms", 0, "same"),
                    Row.cost("searchSessions p50 vs a LIKE scan", percentile(agentd, 50), percentile(like, 50), "ms", 0,
                            "LIKE '%word%' over message text and tool results, first 10 sessions (JDBC), "
                                    + likeQueries + " queries"));
        } finally {
            Files2.deleteTree(dir);
        }
    }

    /** Words with Zipf-like frequencies: word {@code k} (0-based) is drawn with weight 1/(k+1). */
    static final class Words {
        private final String[] words = new String[VOCABULARY];
        private final double[] cumulative = new double[VOCABULARY];
        private final Random random;

        Words(Random random) {
            this.random = random;
            String[] syllables = {"ka", "lo", "mi", "ren", "tas", "vu", "zen", "or", "pi", "quel", "sar", "tem", "ul",
                    "dri", "fo", "gan", "hex", "jor", "nix", "bel"};
            double total = 0;
            for (int k = 0; k < VOCABULARY; k++) {
                StringBuilder w = new StringBuilder();
                int n = k;
                do {
                    w.append(syllables[n % syllables.length]);
                    n /= syllables.length;
                } while (n > 0);
                words[k] = w.toString();
                total += 1.0 / (k + 1);
                cumulative[k] = total;
            }
            for (int k = 0; k < VOCABULARY; k++) {
                cumulative[k] /= total;
            }
        }

        String draw() {
            int i = Arrays.binarySearch(cumulative, random.nextDouble());
            return words[Math.min(VOCABULARY - 1, i < 0 ? -i - 1 : i)];
        }

        String word(int rank) {
            return words[rank];
        }

        String sentence(int n) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < n; i++) {
                s.append(i == 0 ? "" : " ").append(draw());
            }
            return s.append('.').toString();
        }
    }

    private static void populate(Database db, Words words, int events, Instant now) {
        SessionRepository sessions = new SessionRepository();
        ConversationRepository conversation = new ConversationRepository();
        db.write(tx -> {
            for (int s = 0; s < SESSIONS; s++) {
                sessions.insert(tx.connection(), SessionRow.newSession("session-" + s, "run-" + s, null,
                        words.sentence(12), words.sentence(6), words.sentence(4), "opus", "/home/dev/project",
                        LaunchConfig.empty(), PermissionSettings.none(), now.minusSeconds(SESSIONS - s)));
            }
            return null;
        });
        int perSession = events / SESSIONS;
        String[] tools = {"Read", "Edit", "Write", "Bash", "Grep", "Glob"};
        for (int s = 0; s < SESSIONS; s += 10) {
            int first = s;
            db.write(tx -> {
                for (int k = first; k < first + 10; k++) {
                    String id = "session-" + k;
                    List<NewConversationEvent> batch = new ArrayList<>(perSession);
                    for (int i = 0; i < perSession; i++) {
                        batch.add(switch (i % 4) {
                            case 0, 1 -> new NewConversationEvent(id, "claude-" + k, EventType.MESSAGE, now,
                                    i % 4 == 0 ? "user" : "assistant", words.sentence(25), null, null, null, null, null, null);
                            case 2 -> new NewConversationEvent(id, "claude-" + k, EventType.TOOL_CALL, now, "assistant",
                                    null, "toolu_" + i, tools[i % tools.length], "{\"file_path\":\"/home/dev/project/src/"
                                    + words.draw() + "/" + words.draw() + ".java\"}", null, null, null);
                            default -> new NewConversationEvent(id, "claude-" + k, EventType.TOOL_RESULT, now, "user",
                                    null, null, null, null, "toolu_" + (i - 1), words.sentence(40), null);
                        });
                    }
                    conversation.appendAll(tx.connection(), batch, 1);
                }
                return null;
            });
        }
    }

    private static List<String> queries(Words words, Random random, int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String q = words.word(QUERY_WORDS_FROM + random.nextInt(QUERY_WORDS_TO - QUERY_WORDS_FROM));
            if (random.nextInt(10) < 3) {
                q += " " + words.word(QUERY_WORDS_FROM + random.nextInt(QUERY_WORDS_TO - QUERY_WORDS_FROM));
            } else if (random.nextInt(10) < 3) {
                q = q.substring(0, Math.max(3, q.length() - 2)) + "*";
            }
            out.add(q);
        }
        return out;
    }

    /** The words as the service quotes them (each one a string, a trailing * a prefix). */
    private static String quoted(String q) {
        StringBuilder s = new StringBuilder();
        for (String w : q.split(" ")) {
            s.append(s.isEmpty() ? "" : " ").append(w.endsWith("*") ? "\"" + w.substring(0, w.length() - 1) + "\"*"
                    : "\"" + w + "\"");
        }
        return s.toString();
    }

    private static String firstWord(String q) {
        return q.split(" ")[0].replace("*", "");
    }

    @FunctionalInterface
    interface Query {
        void run(String text) throws Exception;
    }

    /** Wall time of each query in ms, after one unmeasured pass over the first tenth. */
    private static double[] timeEach(List<String> texts, Query query) throws Exception {
        for (String q : texts.subList(0, Math.max(1, texts.size() / 10))) {
            query.run(q);
        }
        double[] ms = new double[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            long t0 = System.nanoTime();
            query.run(texts.get(i));
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static double percentile(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static long count(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                p.setObject(i + 1, args[i]);
            }
            long n = 0;
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    n++;
                }
            }
            return n;
        }
    }
}
