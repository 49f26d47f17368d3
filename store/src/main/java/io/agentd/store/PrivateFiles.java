package io.agentd.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Keeps the database's files readable by their owner only: they hold every prompt, tool result and MCP
 * server environment (secrets). An existing folder's mode says nothing about that, and the umask only
 * decides what a new file gets, so every file is created 0600 and tightened to 0600 when found looser.
 */
public final class PrivateFiles {
    private static final Logger log = LoggerFactory.getLogger(PrivateFiles.class);
    /** rw-------. */
    public static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /** The attribute that creates a file 0600. */
    public static FileAttribute<Set<PosixFilePermission>> fileMode() {
        return PosixFilePermissions.asFileAttribute(FILE_MODE);
    }

    /**
     * Sets a regular file's mode to 0600 when group or others have any access, and says so in the log; a
     * missing file, a link or anything that is not a regular file is left alone.
     */
    public static void tighten(Path file) {
        try {
            PosixFileAttributes attributes = Files.readAttributes(file, PosixFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile() || FILE_MODE.containsAll(attributes.permissions())) {
                return;
            }
            Files.setPosixFilePermissions(file, FILE_MODE);
            log.warn("tightened {} from {} to rw------- (it may hold secrets)", file,
                    PosixFilePermissions.toString(attributes.permissions()));
        } catch (NoSuchFileException e) {
            // Nothing to protect.
        } catch (IOException | UnsupportedOperationException e) {
            log.warn("cannot restrict {} to its owner: {}", file, e.toString());
        }
    }

    /** Creates an empty file with mode 0600 unless it exists; an existing one is tightened instead. */
    public static void createOrTighten(Path file) throws IOException {
        try {
            Files.createFile(file, fileMode());
            // The umask may only remove bits, and 0600 is all we want; set it anyway in case of an odd umask.
            Files.setPosixFilePermissions(file, FILE_MODE);
        } catch (FileAlreadyExistsException e) {
            tighten(file);
        }
    }
}
