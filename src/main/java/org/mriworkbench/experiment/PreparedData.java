package org.mriworkbench.experiment;

import org.mriworkbench.core.ProgressListener;
import org.mriworkbench.data.AuditConfig;
import org.mriworkbench.data.AuditReport;
import org.mriworkbench.data.DataSplit;
import org.mriworkbench.data.DatasetIndex;
import org.mriworkbench.data.DatasetScanner;
import org.mriworkbench.data.DatasetSplitter;
import org.mriworkbench.data.DuplicateAudit;
import org.mriworkbench.data.SplitConfig;
import org.mriworkbench.data.Subset;
import org.mriworkbench.data.Task;
import org.mriworkbench.preprocess.PreprocessedSet;
import org.mriworkbench.preprocess.Preprocessing;
import org.mriworkbench.preprocess.TensorCache;
import org.mriworkbench.train.TensorDataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything between a folder of images and the tensors a trainer takes: the index, its duplicate audit, the
 * leakage-free split and the preprocessed (cached) images. Keeping the four together means a run can record all of
 * their fingerprints, and a notebook can show any of them without redoing the others.
 *
 * @param index  the scanned data set
 * @param audit  its duplicate and leakage audit
 * @param split  the train/validation/test assignment
 * @param images the preprocessed images, aligned with {@code index}
 */
public record PreparedData(DatasetIndex index, AuditReport audit, DataSplit split, PreprocessedSet images,
                           Preprocessing preprocessing) {

    /**
     * Scans (through the scan cache), audits, splits and preprocesses (through the tensor cache) a data set.
     *
     * @param cacheDir folder for the scan and tensor caches, e.g. {@code .cache}
     */
    public static PreparedData prepare(Path dataRoot, Path cacheDir, AuditConfig auditConfig, SplitConfig splitConfig,
                                       Preprocessing preprocessing, ProgressListener progress) {
        DatasetIndex index = DatasetScanner.create().withProgress(progress).withCache(cacheDir.resolve("index"))
                .scan(dataRoot);
        AuditReport audit = DuplicateAudit.run(index, auditConfig);
        DataSplit split = DatasetSplitter.split(index, audit, splitConfig);
        PreprocessedSet images = TensorCache.create().load(index, preprocessing, cacheDir.resolve("tensors"), progress);
        return new PreparedData(index, audit, split, images, preprocessing);
    }

    /**
     * The images of one subset as a training data set for {@code task}, labels mapped to the task's class indices.
     * Images the task cannot use (an unspecific "tumour" label in the four-class task) are left out.
     */
    public TensorDataset dataset(Subset subset, Task task) {
        return dataset(split.indices(subset), task);
    }

    /** The given index positions as a data set for {@code task}; see {@link #dataset(Subset, Task)}. */
    public TensorDataset dataset(int[] positions, Task task) {
        List<Integer> keep = new ArrayList<>();
        for (int i : positions) {
            if (task.classIndex(index.get(i).label()) >= 0) {
                keep.add(i);
            }
        }
        int c = images.channels();
        int s = images.size();
        int per = c * s * s;
        float[] data = new float[keep.size() * per];
        int[] labels = new int[keep.size()];
        List<String> ids = new ArrayList<>(keep.size());
        for (int k = 0; k < keep.size(); k++) {
            int i = keep.get(k);
            images.copyInto(i, data, k * per);
            labels[k] = task.classIndex(index.get(i).label());
            ids.add(index.get(i).path());
        }
        return TensorDataset.wrap(data, keep.size(), c, s, s, labels, ids);
    }

    /**
     * The duplicate cluster of every image, by its index path (the id predictions carry): images joined by exact or
     * near copies share an id, every other image has one of its own. Intervals on a test set resample these.
     */
    public Map<String, Integer> clusterIds() {
        Map<String, Integer> m = new LinkedHashMap<>();
        int[] of = audit.clusterOf();
        for (int i = 0; i < index.size(); i++) {
            m.put(index.get(i).path(), of[i]);
        }
        return m;
    }

    /**
     * The data side of a run's provenance for {@code task} under {@code limits}, as written to its
     * {@code data.json}: enough to prepare exactly these images again ({@link #forRun}).
     */
    public RunData runData(Task task, RunData.Limits limits) {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        split.counts().forEach((sub, byLabel) -> {
            Map<String, Integer> row = new LinkedHashMap<>();
            byLabel.forEach((l, n) -> row.put(l.name(), n));
            counts.put(sub.name(), row);
        });
        return new RunData(index.root(), index.fingerprint(), index.size(), index.issues().size(), audit.config(),
                audit.clusters().size(), audit.leakage().testingWithAnyCopy(), split.config(), split.fingerprint(),
                counts, task.name(), preprocessing.describe(), preprocessing.toJson(), preprocessing.fingerprint(),
                limits);
    }

    /**
     * Prepares the same data a recorded run used, from its {@code data.json}: same folder (unless
     * {@code dataRoot} overrides it), audit thresholds, split and preprocessing.
     */
    public static PreparedData forRun(Path runDir, Path dataRoot, Path cacheDir, ProgressListener progress)
            throws java.io.IOException {
        RunData d = RunData.read(runDir);
        Path root = dataRoot != null ? dataRoot : d.dataRoot();
        PreparedData data = prepare(root, cacheDir, d.audit(), d.split(), d.preprocessingPipeline(), progress);
        if (!data.index().fingerprint().equals(d.datasetFingerprint())) {
            throw new IllegalStateException("the data at " + root + " differs from what run " + runDir
                    + " was trained on (fingerprint " + data.index().fingerprint() + " vs "
                    + d.datasetFingerprint() + ")");
        }
        return data;
    }
}
