package io.agentd.daemon.session.follow;

import io.agentd.store.job.LongLivedJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wakes followers when their spool folder changes (inotify on Linux), so a line Claude writes reaches
 * the store within milliseconds without every follower polling fast. Followers also poll slowly as a
 * fallback, so a missed notification only delays, never loses, output.
 */
public final class SpoolWatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SpoolWatcher.class);

    private final WatchService service;
    private final Map<WatchKey, Wakeup> wakeups = new ConcurrentHashMap<>();
    private final Thread thread;

    public SpoolWatcher() throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
        this.thread = Thread.ofPlatform().daemon(true).name("agentd-spool-watcher")
                .start(LongLivedJob.of("agentd-spool-watcher", this::wakeNext));
    }

    /** Registers a spool folder; the returned handle is signalled on every change in it. */
    public Registration register(Path dir) {
        Wakeup wakeup = new Wakeup();
        try {
            WatchKey key = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            wakeups.put(key, wakeup);
            return new Registration(wakeup, key);
        } catch (IOException | ClosedWatchServiceException e) {
            log.warn("cannot watch {} ({}); falling back to polling", dir, e.getMessage());
            return new Registration(wakeup, null);
        }
    }

    /** A watched folder's wake-up; close to stop watching. */
    public final class Registration implements AutoCloseable {
        private final Wakeup wakeup;
        private final WatchKey key;

        private Registration(Wakeup wakeup, WatchKey key) {
            this.wakeup = wakeup;
            this.key = key;
        }

        public Wakeup wakeup() {
            return wakeup;
        }

        @Override
        public void close() {
            if (key != null) {
                key.cancel();
                wakeups.remove(key);
            }
        }
    }

    /** One round: waits for a changed folder and wakes its follower; false once the service is closed. */
    private boolean wakeNext() throws InterruptedException {
        WatchKey key;
        try {
            key = service.take();
        } catch (ClosedWatchServiceException e) {
            return false;
        }
        try {
            key.pollEvents();
            Wakeup wakeup = wakeups.get(key);
            if (wakeup != null) {
                wakeup.signal();
            }
        } finally {
            key.reset();
        }
        return true;
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            log.debug("closing the watch service: {}", e.getMessage());
        }
        thread.interrupt();
    }
}
