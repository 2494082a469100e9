package org.mriworkbench.core;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;

/**
 * Folder operations for writers that must never leave a half-written data set behind: build in a hidden sibling,
 * then swap it in with renames. A reader (or a later run) therefore sees either the old complete folder or the new
 * complete folder, and an interrupted writer leaves only a hidden sibling that the next run removes.
 */
public final class AtomicFolder {

    /** Hidden siblings older than this are leftovers of interrupted runs; younger ones may belong to a live run. */
    public static final Duration STALE_AFTER = Duration.ofHours(1);

    private AtomicFolder() {
    }

    /**
     * Puts the complete folder {@code fresh} at {@code target}, a sibling of it. An existing {@code target} is
     * renamed aside first and deleted only after the swap, so a failure restores it.
     */
    public static void replace(Path target, Path fresh) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Path old = target.resolveSibling("." + target.getFileName() + ".old-" + System.nanoTime());
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        deleteRecursively(old);
    }

    /**
     * Creates the hidden sibling {@code .<name>.partial-*} a writer of {@code target} builds in. Unlike
     * {@link Files#createTempDirectory} it keeps the usual (umask) permissions, so a data set imported into a
     * shared folder stays readable for the team after the move.
     */
    public static Path createPartial(Path target) throws IOException {
        Path parent = target.getParent();
        String prefix = "." + target.getFileName() + ".partial-" + ProcessHandle.current().pid() + "-";
        for (int attempt = 0; ; attempt++) {
            try {
                return Files.createDirectory(parent.resolve(prefix + System.nanoTime()));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }

    /** Removes hidden siblings named {@code .<name>.partial-*} or {@code .<name>.old-*} older than {@link #STALE_AFTER}. */
    public static void removeStaleSiblings(Path parent, String name) throws IOException {
        Instant cutoff = Instant.now().minus(STALE_AFTER);
        try (DirectoryStream<Path> children = Files.newDirectoryStream(parent)) {
            for (Path child : children) {
                String n = child.getFileName().toString();
                boolean ours = n.startsWith("." + name + ".partial-") || n.startsWith("." + name + ".old-");
                if (ours && Files.getLastModifiedTime(child, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(cutoff)) {
                    deleteRecursively(child);
                }
            }
        }
    }

    /** Deletes a file or folder tree without following symbolic links out of it; absent paths are fine. */
    public static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** True for an existing folder with no entries. */
    public static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            return !children.iterator().hasNext();
        }
    }
}
