package org.mriworkbench.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The one answer to "which files under this folder are images?", shared by the scanner ({@code data index}, training),
 * {@code predict}, {@code shift} and the notebooks, so that they count the same files. Before there was one walker,
 * {@code predict} walked into {@code .ipynb_checkpoints} and classified 7,020 images of a set the scan counts as
 * 7,019.
 *
 * <p>Rules: hidden entries (a leading dot, {@code __MACOSX}, {@code Thumbs.db}, {@code desktop.ini}) are never
 * entered or listed; an image is a regular file (or a link to one) named {@code .jpg}, {@code .jpeg} or {@code .png}
 * in any letter case; folders are entered recursively, and symbolic links to folders are followed, because a
 * symlinked class folder or data root is a normal way to keep data elsewhere. Each folder is entered at most once,
 * by its real path: a link back to an ancestor ({@code loop -> .}) is reported as a {@link ScanIssue.Kind#SYMLINK_LOOP}
 * instead of being followed 40 levels deep, and a second route to a folder already walked is reported as a
 * {@link ScanIssue.Kind#REPEATED_FOLDER}, so no image is indexed twice through links.
 *
 * <p>One walker instance remembers the folders it entered; use a fresh one for each walk.
 */
public final class FileWalker {

    /** File name endings that count as images, compared in lower case. */
    public static final List<String> IMAGE_EXTENSIONS = List.of(".jpg", ".jpeg", ".png");

    private final Path root;
    private final Map<Path, Path> entered = new HashMap<>();
    private final List<ScanIssue> issues = new ArrayList<>();

    /** A walker whose issue paths are relative to {@code root}. */
    public FileWalker(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /**
     * What one walk found.
     *
     * @param images image files in path order
     * @param others regular files that are not images by name, in path order
     * @param issues folders not entered (loops, repeated folders), with reasons
     */
    public record Listing(List<Path> images, List<Path> others, List<ScanIssue> issues) {
        public Listing {
            images = List.copyOf(images);
            others = List.copyOf(others);
            issues = List.copyOf(issues);
        }
    }

    /** Every image under {@code dir}, recursively, with a fresh walker. */
    public static Listing list(Path dir) {
        FileWalker w = new FileWalker(dir);
        List<Path> images = new ArrayList<>();
        List<Path> others = new ArrayList<>();
        if (w.enter(dir)) {
            w.collect(dir, images, others);
        }
        return new Listing(images, others, w.issues());
    }

    /**
     * Marks {@code dir} as walked. Returns false, and records an issue, when its real path was walked before (a
     * loop or a second link to the same folder) or cannot be resolved; such a folder must not be entered.
     */
    public boolean enter(Path dir) {
        Path real;
        try {
            real = dir.toRealPath();
        } catch (IOException e) {
            issues.add(new ScanIssue(rel(dir), ScanIssue.Kind.UNREADABLE_FOLDER,
                    "cannot resolve folder (" + e.getMessage() + "); ignored"));
            return false;
        }
        Path first = entered.putIfAbsent(real, dir);
        if (first == null) {
            return true;
        }
        Path parent = dir.getParent();
        boolean loop = false;
        try {
            loop = parent != null && parent.toRealPath().startsWith(real);
        } catch (IOException e) {
            // cannot tell; reported as a repeat below
        }
        issues.add(loop
                ? new ScanIssue(rel(dir), ScanIssue.Kind.SYMLINK_LOOP, "link back to " + display(first)
                        + " (real path " + real + "), which contains it; not followed")
                : new ScanIssue(rel(dir), ScanIssue.Kind.REPEATED_FOLDER, "same folder as " + display(first)
                        + " (real path " + real + "), already walked; not walked again"));
        return false;
    }

    /**
     * Adds the images under {@code dir} (already {@link #enter entered}) to {@code images} and other regular files to
     * {@code others}, both in path order, walking sub-folders that {@link #enter} allows. Linked folders are walked
     * after every real folder below {@code dir}, so that when a link and the real path lead to the same folder, the
     * real path is the one kept, whatever the names sort as.
     */
    public void collect(Path dir, List<Path> images, List<Path> others) {
        int imagesBefore = images.size();
        int othersBefore = others.size();
        Deque<Path> links = new ArrayDeque<>();
        walk(dir, images, others, links);
        while (!links.isEmpty()) {
            Path link = links.poll();
            if (enter(link)) {
                walk(link, images, others, links);
            }
        }
        images.subList(imagesBefore, images.size()).sort(null);
        others.subList(othersBefore, others.size()).sort(null);
    }

    private void walk(Path dir, List<Path> images, List<Path> others, Deque<Path> links) {
        for (Path child : children(dir)) {
            if (Files.isDirectory(child)) {
                if (Files.isSymbolicLink(child)) {
                    links.add(child);
                } else if (enter(child)) {
                    walk(child, images, others, links);
                }
            } else if (isImageName(name(child))) {
                images.add(child);
            } else {
                others.add(child);
            }
        }
    }

    /** Issues recorded so far, in the order found. */
    public List<ScanIssue> issues() {
        return List.copyOf(issues);
    }

    /** The entries of {@code dir} that are not hidden, sorted by path. */
    public static List<Path> children(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            Path[] arr = s.filter(p -> !isHidden(p)).toArray(Path[]::new);
            Arrays.sort(arr);
            return List.of(arr);
        } catch (IOException e) {
            throw new DataLayoutException(dir, "cannot list folder (" + e.getMessage() + ")");
        }
    }

    /** Whether a file name says image: {@code .jpg}, {@code .jpeg} or {@code .png}, in any letter case. */
    public static boolean isImageName(String fileName) {
        String l = fileName.toLowerCase(Locale.ROOT);
        return IMAGE_EXTENSIONS.stream().anyMatch(l::endsWith);
    }

    /** Whether an entry is hidden or system clutter that no walk enters or lists. */
    public static boolean isHidden(Path p) {
        Path f = p.getFileName();
        if (f == null) {
            return false;
        }
        String n = f.toString();
        return n.startsWith(".") || n.equals("__MACOSX") || n.equals("Thumbs.db") || n.equals("desktop.ini");
    }

    private static String name(Path p) {
        return p.getFileName().toString();
    }

    private String display(Path p) {
        String r = rel(p);
        return r.isEmpty() ? "the walked folder" : r;
    }

    private String rel(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(root) ? root.relativize(abs).toString().replace('\\', '/') : abs.toString();
    }
}
