package org.mriworkbench.data;

import org.mriworkbench.core.FloatImage;
import org.mriworkbench.core.Label;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What each class's images look like as files and as pixels, side by side: count, the most common image size and
 * its share, colour channels, mean brightness and the share of near-black background. The Kaggle set merges three
 * sources (figshare, SARTAJ, Br35H) and draws its no-tumour class largely from other sources than its tumours; when
 * one class differs from the others in size or brightness, a CNN can tell that class apart without looking at any
 * tumour. This table is the data behind that warning, computed from the index's thumbnails in a second.
 */
public final class ClassStatistics {

    private ClassStatistics() {
    }

    /** One row per label of {@code index}, in label order. */
    public static Table of(DatasetIndex index) {
        Map<Label, Acc> byLabel = new TreeMap<>();
        for (int i = 0; i < index.size(); i++) {
            ImageRecord r = index.get(i);
            Acc a = byLabel.computeIfAbsent(r.label(), k -> new Acc());
            float[] t = index.thumbnail(i);
            ImageIntensity s = ImageIntensity.of(new FloatImage(DatasetScanner.THUMB, DatasetScanner.THUMB, 1, t));
            a.n++;
            a.sizes.merge(r.width() + "x" + r.height(), 1, Integer::sum);
            a.colour += r.channels() >= 3 ? 1 : 0;
            a.mean += s.mean();
            a.std += s.std();
            a.dark += s.nearBlackFraction();
        }
        StringColumn label = StringColumn.create("class");
        IntColumn images = IntColumn.create("images");
        DoubleColumn share = DoubleColumn.create("share of images");
        StringColumn size = StringColumn.create("most common size");
        DoubleColumn sizeShare = DoubleColumn.create("share at that size");
        DoubleColumn colour = DoubleColumn.create("share stored as colour");
        DoubleColumn mean = DoubleColumn.create("mean brightness");
        DoubleColumn std = DoubleColumn.create("mean contrast (sd)");
        DoubleColumn dark = DoubleColumn.create("near-black share");
        int total = index.size();
        byLabel.forEach((l, a) -> {
            Map.Entry<String, Integer> top = a.sizes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
            label.append(l.name());
            images.append(a.n);
            share.append(a.n / (double) total);
            size.append(top.getKey());
            sizeShare.append(top.getValue() / (double) a.n);
            colour.append(a.colour / (double) a.n);
            mean.append(a.mean / a.n);
            std.append(a.std / a.n);
            dark.append(a.dark / a.n);
        });
        return Table.create("Images per class: file sizes and intensity (from 32 px thumbnails)", label, images, share,
                size, sizeShare, colour, mean, std, dark);
    }

    private static final class Acc {
        int n;
        int colour;
        double mean;
        double std;
        double dark;
        final Map<String, Integer> sizes = new HashMap<>();
    }
}
