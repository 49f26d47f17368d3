package io.agentd.daemon.workspace.scan;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static java.util.Objects.requireNonNull;

/**
 * What a scan outside git saw: every file's size and mtime, a hash of small files and the content of small
 * text files (for diffs), keyed by path relative to the scanned directory.
 *
 * @param truncated true when the scan stopped at its file limit: files beyond it are not compared
 */
public record Manifest(Map<String, Entry> entries, boolean truncated) {
    private static final int FORMAT = 1;

    /**
     * @param hash hex SHA-256, empty when the file was too large to hash
     * @param content null when not kept (too large, binary, or the manifest's content budget spent)
     */
    public record Entry(long size, long mtimeMillis, String hash, byte[] content) {
        public Entry {
            requireNonNull(hash, "hash is null");
        }

        /** Same content as {@code other}, as far as the two entries can tell. */
        public boolean sameAs(Entry other) {
            if (size != other.size) {
                return false;
            }
            if (!hash.isEmpty() && !other.hash.isEmpty()) {
                return hash.equals(other.hash);
            }
            return mtimeMillis == other.mtimeMillis;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Entry e && size == e.size && mtimeMillis == e.mtimeMillis && hash.equals(e.hash)
                    && Arrays.equals(content, e.content);
        }

        @Override
        public int hashCode() {
            return hash.hashCode();
        }
    }

    public Manifest {
        entries = new TreeMap<>(entries);
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(tmp)))) {
            out.writeInt(FORMAT);
            out.writeBoolean(truncated);
            out.writeInt(entries.size());
            for (var e : entries.entrySet()) {
                out.writeUTF(e.getKey());
                Entry v = e.getValue();
                out.writeLong(v.size());
                out.writeLong(v.mtimeMillis());
                out.writeUTF(v.hash());
                out.writeInt(v.content() == null ? -1 : v.content().length);
                if (v.content() != null) {
                    out.write(v.content());
                }
            }
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    public static Manifest read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != FORMAT) {
                throw new IOException("unknown manifest format in " + file);
            }
            boolean truncated = in.readBoolean();
            int n = in.readInt();
            Map<String, Entry> entries = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                String path = in.readUTF();
                long size = in.readLong();
                long mtime = in.readLong();
                String hash = in.readUTF();
                int len = in.readInt();
                byte[] content = len < 0 ? null : in.readNBytes(len);
                entries.put(path, new Entry(size, mtime, hash, content));
            }
            return new Manifest(entries, truncated);
        }
    }
}
