package org.mriworkbench.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.mriworkbench.core.AtomicFolder;

/**
 * Imports the downloaded Kaggle archive (Brain Tumor MRI Dataset, {@code Training/} and {@code Testing/} at the
 * top, or under one wrapping folder) into the folder {@link DataLocation} looks in. A hand-unzipped copy is easy to
 * get subtly wrong (a wrapping folder too many, macOS {@code __MACOSX} litter, an unzip that died half-way); this
 * does it one checked way.
 *
 * <p>Safety: every entry name is checked before anything is written, and an archive with any entry that would land
 * outside the target ({@code ../}, absolute paths, drive letters) is refused as a whole ("zip slip"). Hidden
 * entries ({@code .ipynb_checkpoints}, {@code .DS_Store}, {@code __MACOSX}) are skipped. Files are extracted into a
 * hidden sibling of the target and moved into place only when all are written, so a failed or interrupted import
 * leaves the previous target (or none) untouched. Sizes are capped against zip bombs.
 */
public final class DatasetImporter {

    /** Default cap on the total uncompressed size; the Kaggle archive unpacks to well under 1 GiB. */
    public static final long DEFAULT_MAX_BYTES = 8L << 30;
    /** Default cap on the number of entries; the Kaggle archive has about 7,000. */
    public static final int DEFAULT_MAX_ENTRIES = 200_000;
    /** Split folders the importer takes from the archive, compared case-insensitively. */
    public static final Set<String> SPLIT_FOLDERS = Set.of("training", "testing");

    private static final Set<String> JUNK_FILES = Set.of("thumbs.db", "desktop.ini");

    private DatasetImporter() {
    }

    /** The folder imports go to by default: {@code <repo>/data/brain-tumor-mri}, the first default of {@link DataLocation}. */
    public static Path defaultTarget(Path repoRoot) {
        return repoRoot.toAbsolutePath().normalize().resolve(DataLocation.REPO_DATA);
    }

    /**
     * Imports {@code zip} into {@code target}.
     *
     * @param replaceExisting whether a non-empty {@code target} may be replaced; without it the import is refused
     *                        so that an existing data set is never overwritten by accident
     * @throws IOException when the archive is unreadable, unsafe, has no {@code Training/}/{@code Testing/} folder,
     *                     exceeds the size caps, or the target exists and may not be replaced; nothing is changed then
     */
    public static ImportReport importZip(Path zip, Path target, boolean replaceExisting) throws IOException {
        return importZip(zip, target, replaceExisting, DEFAULT_MAX_BYTES, DEFAULT_MAX_ENTRIES);
    }

    static ImportReport importZip(Path zip, Path target, boolean replaceExisting, long maxBytes, int maxEntries)
            throws IOException {
        Path dest = target.toAbsolutePath().normalize();
        if (!Files.isRegularFile(zip)) {
            throw new IOException("archive " + zip.toAbsolutePath() + " does not exist or is not a file");
        }
        if (Files.exists(dest) && !AtomicFolder.isEmptyDirectory(dest) && !replaceExisting) {
            throw new IOException("target " + dest + " already exists and is not empty; remove it or ask to replace it");
        }
        try (ZipFile archive = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            Plan plan = plan(archive, maxEntries);
            Path parent = dest.getParent();
            Files.createDirectories(parent);
            AtomicFolder.removeStaleSiblings(parent, dest.getFileName().toString());
            Path partial = AtomicFolder.createPartial(dest);
            try {
                ImportReport report = extract(archive, plan, partial, dest, maxBytes);
                AtomicFolder.replace(dest, partial);
                return report;
            } finally {
                AtomicFolder.deleteRecursively(partial);
            }
        }
    }

    /** One entry to extract: the archive entry and its path below the target, as segments. */
    private record Item(ZipEntry entry, List<String> path) {
    }

    private record Plan(List<Item> items, List<String> skipped) {
    }

    /** Checks every entry name and decides what to extract, before anything is written. */
    private static Plan plan(ZipFile archive, int maxEntries) throws IOException {
        List<String> unsafe = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<ZipEntry> candidates = new ArrayList<>();
        List<List<String>> candidatePaths = new ArrayList<>();
        int count = 0;
        for (Enumeration<? extends ZipEntry> e = archive.entries(); e.hasMoreElements(); ) {
            ZipEntry entry = e.nextElement();
            if (++count > maxEntries) {
                throw new IOException("archive has more than " + maxEntries + " entries; refusing to import it");
            }
            String name = entry.getName().replace('\\', '/');
            List<String> segments = Arrays.stream(name.split("/")).filter(s -> !s.isEmpty() && !s.equals(".")).toList();
            if (name.startsWith("/") || name.matches("^[A-Za-z]:.*") || segments.contains("..")) {
                unsafe.add(entry.getName());
            } else if (segments.stream().anyMatch(DatasetImporter::hidden)) {
                skipped.add(entry.getName() + " (hidden)");
            } else if (!segments.isEmpty()) {
                candidates.add(entry);
                candidatePaths.add(segments);
            }
        }
        if (!unsafe.isEmpty()) {
            throw new IOException("refusing archive " + archive.getName() + ": " + unsafe.size() + " entries would be "
                    + "written outside the target folder, e.g. " + unsafe.subList(0, Math.min(3, unsafe.size()))
                    + "; nothing was written");
        }
        int depth = splitDepth(candidatePaths);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            List<String> segments = candidatePaths.get(i);
            List<String> below = segments.subList(Math.min(depth, segments.size()), segments.size());
            ZipEntry entry = candidates.get(i);
            if (below.isEmpty()) {
                continue; // the wrapping folder itself
            }
            if (!isSplit(below.get(0))) {
                skipped.add(entry.getName() + " (outside Training/ and Testing/)");
            } else if (!entry.isDirectory() && below.size() < 3) {
                skipped.add(entry.getName() + " (not inside a class folder)");
            } else {
                items.add(new Item(entry, below));
            }
        }
        return new Plan(items, skipped);
    }

    /** 0 when the split folders are at the top, 1 when all of them are under one wrapping folder. */
    private static int splitDepth(List<List<String>> paths) throws IOException {
        Set<String> top = new TreeSet<>();
        boolean splitAtTop = false;
        boolean splitBelowTop = false;
        for (List<String> p : paths) {
            top.add(p.get(0));
            splitAtTop |= isSplit(p.get(0));
            splitBelowTop |= p.size() > 1 && isSplit(p.get(1));
        }
        if (splitAtTop) {
            return 0;
        }
        if (top.size() == 1 && splitBelowTop) {
            return 1;
        }
        throw new IOException("archive has no Training/ or Testing/ folder at its top or under one wrapping folder; "
                + "its top level holds " + (top.size() > 10 ? top.size() + " entries" : top)
                + ". Is it the Kaggle Brain Tumor MRI Dataset?");
    }

    private static ImportReport extract(ZipFile archive, Plan plan, Path partial, Path dest, long maxBytes)
            throws IOException {
        SortedMap<String, SortedMap<String, Integer>> counts = new TreeMap<>();
        long total = 0;
        int files = 0;
        byte[] buffer = new byte[64 * 1024];
        for (Item item : plan.items()) {
            Path out = partial.resolve(String.join("/", item.path())).normalize();
            if (!out.startsWith(partial)) {
                throw new IOException("entry " + item.entry().getName() + " escapes the target; nothing was imported");
            }
            if (item.entry().isDirectory()) {
                Files.createDirectories(out);
                continue;
            }
            Files.createDirectories(out.getParent());
            try (InputStream in = archive.getInputStream(item.entry());
                 OutputStream os = Files.newOutputStream(out, StandardOpenOption.CREATE_NEW)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    total += n;
                    if (total > maxBytes) {
                        throw new IOException("archive unpacks to more than " + maxBytes + " bytes; refusing to import"
                                + " it, nothing was imported");
                    }
                    os.write(buffer, 0, n);
                }
            } catch (java.nio.file.FileAlreadyExistsException e) {
                throw new IOException("archive holds " + item.entry().getName() + " twice; nothing was imported", e);
            }
            files++;
            counts.computeIfAbsent(item.path().get(0), k -> new TreeMap<>()).merge(item.path().get(1), 1, Integer::sum);
        }
        if (files == 0) {
            throw new IOException("archive " + archive.getName() + " has no files inside Training/<class>/ or "
                    + "Testing/<class>/; nothing was imported");
        }
        return new ImportReport(dest, counts, files, total, plan.skipped());
    }

    private static boolean isSplit(String segment) {
        return SPLIT_FOLDERS.contains(segment.toLowerCase(Locale.ROOT));
    }

    private static boolean hidden(String segment) {
        return segment.startsWith(".") || segment.equals("__MACOSX") || JUNK_FILES.contains(segment.toLowerCase(Locale.ROOT));
    }
}
