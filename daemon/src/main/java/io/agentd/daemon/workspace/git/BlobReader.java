package io.agentd.daemon.workspace.git;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Sizes and contents of blobs, many per {@code git cat-file} process. */
public final class BlobReader {
    private final Git git;
    private final Path root;

    BlobReader(Git git, Path root) {
        this.git = git;
        this.root = root;
    }

    /** Size in bytes of each blob. */
    public Map<String, Long> sizes(Collection<String> ids) {
        Map<String, Long> sizes = new HashMap<>();
        if (ids.isEmpty()) {
            return sizes;
        }
        String out = git.runWithInput(root, request(ids), "cat-file", "--batch-check=%(objectname) %(objectsize)").text();
        for (String line : out.split("\n")) {
            String[] f = line.split(" ");
            if (f.length == 2) {
                sizes.put(f[0], Long.parseLong(f[1]));
            }
        }
        return sizes;
    }

    /** Content of each blob; the caller keeps the total bounded (ask only for blobs it has sized). */
    public Map<String, byte[]> contents(Collection<String> ids) {
        Map<String, byte[]> contents = new HashMap<>();
        if (ids.isEmpty()) {
            return contents;
        }
        byte[] out = git.runWithInput(root, request(ids), "cat-file", "--batch").stdout();
        int i = 0;
        while (i < out.length) {
            int nl = i;
            while (nl < out.length && out[nl] != '\n') {
                nl++;
            }
            String[] head = new String(out, i, nl - i, StandardCharsets.US_ASCII).split(" ");
            if (head.length < 3) {
                // "<id> missing": nothing follows the header line
                i = nl + 1;
                continue;
            }
            int size = Integer.parseInt(head[2]);
            contents.put(head[0], Arrays.copyOfRange(out, nl + 1, nl + 1 + size));
            i = nl + 1 + size + 1;
        }
        return contents;
    }

    /** One blob's content. */
    public byte[] content(String id) {
        return git.run(root, "cat-file", "blob", id).stdout();
    }

    private static byte[] request(Collection<String> ids) {
        return (String.join("\n", ids) + "\n").getBytes(StandardCharsets.US_ASCII);
    }
}
