/**
 * Chart stage: pictures of data, training and results, because most mistakes in this workflow (a leaking split, a
 * brightness shortcut, an over-confident model, a threshold in the wrong place) are seen faster than they are
 * computed.
 *
 * <p>Conventions that hold across the package:
 * <ul>
 *   <li>Inputs are tables and result records from the other stages ({@code DatasetIndex.toTable()}, the trainer's
 *       history table, {@code org.mriworkbench.eval} records); charts compute nothing that {@code eval} already
 *       computes, so a picture and a report cannot disagree.</li>
 *   <li>One factory (static {@code of}) or builder per chart type, as XChart does; each returns the XChart chart
 *       object so a notebook can display or adjust it. {@link org.mriworkbench.chart.ConfusionMatrixChart} is
 *       painted with Java2D but implements the same XChart interface.</li>
 *   <li>Sizes and fonts come from a {@link org.mriworkbench.chart.ChartStyle} argument, defaulting to
 *       {@link org.mriworkbench.chart.ChartStyle#notebook()}; there is no global chart state.</li>
 *   <li>Every chart has a title, axis titles and a legend (a colour bar for the confusion matrix).</li>
 *   <li>Files are written only by {@link org.mriworkbench.chart.ChartExport} (PNG at a chosen dpi, SVG), never by
 *       the chart factories.</li>
 *   <li>Image pictures: {@link org.mriworkbench.chart.ImageGrid} lays out images with captions,
 *       {@link org.mriworkbench.chart.Overlays} blends explanation maps over a slice.</li>
 * </ul>
 */
package org.mriworkbench.chart;
