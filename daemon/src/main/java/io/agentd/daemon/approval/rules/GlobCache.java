package io.agentd.daemon.approval.rules;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Anchored {@link PathGlob}s by (glob, root, home), so that a rule's glob is compiled once per working
 * directory rather than on every call. Bounded: when full it is emptied and refills with what is in use.
 */
final class GlobCache {
    // Strings, not Paths: a String caches its hash, a Path recomputes it on every lookup.
    private record Key(String glob, String root, String home) {
    }

    private final int capacity;
    private final ConcurrentHashMap<Key, PathGlob> globs = new ConcurrentHashMap<>();

    GlobCache(int capacity) {
        this.capacity = capacity;
    }

    PathGlob anchored(String glob, Path root, Path home) {
        Key key = new Key(glob, root.toString(), home.toString());
        PathGlob found = globs.get(key);
        if (found != null) {
            return found;
        }
        PathGlob made = PathGlob.anchored(glob, root, home);
        if (globs.size() >= capacity) {
            globs.clear();
        }
        globs.put(key, made);
        return made;
    }
}
