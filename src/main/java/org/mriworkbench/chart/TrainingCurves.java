package org.mriworkbench.chart;

import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * Loss and accuracy per epoch, train against validation, from the trainer's history table (columns
 * {@value #EPOCH}, {@value #TRAIN_LOSS}, {@value #TRAIN_ACCURACY}, {@value #VAL_LOSS}, {@value #VAL_ACCURACY},
 * {@value #LEARNING_RATE}; the history CSV read with {@code Table.read().csv(path)} works as is).
 *
 * <p>The learning rate goes on a second y-axis in both charts because the commonest question about a curve — why
 * did the validation loss drop (or jump) at epoch 12? — is usually answered by a schedule step at epoch 12. Loss and
 * accuracy are separate charts rather than one with three axes: their scales differ, and a chart with three axes is
 * one nobody reads correctly. Missing values (an epoch without validation) are NaN in Tablesaw and show as gaps. The
 * learning-rate series holds the rate divided by a power of ten that the right axis title names ("x 1e-3").
 */
public final class TrainingCurves {

    public static final String EPOCH = "epoch";
    public static final String TRAIN_LOSS = "train_loss";
    public static final String TRAIN_ACCURACY = "train_accuracy";
    public static final String VAL_LOSS = "val_loss";
    public static final String VAL_ACCURACY = "val_accuracy";
    public static final String LEARNING_RATE = "learning_rate";

    /** Series name of the learning rate, on y-axis group 1 (right). */
    public static final String LEARNING_RATE_SERIES = "learning rate (right axis)";

    private TrainingCurves() {
    }

    /** Train and validation loss per epoch, learning rate on the right axis. */
    public static XYChart loss(Table history) {
        return loss(history, ChartStyle.notebook());
    }

    /** Train and validation loss per epoch, learning rate on the right axis. */
    public static XYChart loss(Table history, ChartStyle style) {
        return chart(history, style, "Loss per epoch", "loss", TRAIN_LOSS, VAL_LOSS, "train loss",
                "validation loss");
    }

    /** Train and validation accuracy per epoch, learning rate on the right axis. */
    public static XYChart accuracy(Table history) {
        return accuracy(history, ChartStyle.notebook());
    }

    /** Train and validation accuracy per epoch, learning rate on the right axis. */
    public static XYChart accuracy(Table history, ChartStyle style) {
        XYChart c = chart(history, style, "Accuracy per epoch", "accuracy", TRAIN_ACCURACY, VAL_ACCURACY,
                "train accuracy", "validation accuracy");
        c.getStyler().setYAxisMax(0, 1.0);
        return c;
    }

    private static XYChart chart(Table history, ChartStyle style, String title, String yTitle, String trainCol,
                                 String valCol, String trainName, String valName) {
        requireColumns(history, List.of(EPOCH, trainCol, valCol, LEARNING_RATE));
        if (history.rowCount() == 0) {
            throw new IllegalArgumentException("training history is empty");
        }
        XYChart c = new XYChartBuilder().width(style.width()).height(style.height()).title(title)
                .xAxisTitle("epoch").yAxisTitle(yTitle).build();
        style.applyTo(c.getStyler());
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        c.getStyler().setMarkerSize(6);
        double[] epoch = values(history, EPOCH);
        XYSeries train = c.addSeries(trainName, epoch, values(history, trainCol));
        train.setLineColor(style.color(0)).setLineWidth(2.5f);
        train.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(style.color(0));
        XYSeries val = c.addSeries(valName, epoch, values(history, valCol));
        val.setLineColor(style.color(1)).setLineWidth(2.5f);
        val.setMarker(SeriesMarkers.DIAMOND).setMarkerColor(style.color(1));

        double[] rates = values(history, LEARNING_RATE);
        double scale = lrScale(rates);
        double[] scaled = new double[rates.length];
        for (int i = 0; i < rates.length; i++) {
            scaled[i] = rates[i] / scale;
        }
        XYSeries lr = c.addSeries(LEARNING_RATE_SERIES, epoch, scaled);
        lr.setYAxisGroup(1);
        lr.setLineColor(ChartStyle.REFERENCE);
        lr.setLineStyle(ChartStyle.dashed());
        lr.setMarker(SeriesMarkers.NONE);
        lr.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        c.setYAxisGroupTitle(0, yTitle);
        c.setYAxisGroupTitle(1, scale == 1 ? "learning rate" : "learning rate (x " + lrScaleText(scale) + ")");
        c.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        c.getStyler().setYAxisMin(1, 0.0);
        c.getStyler().setXAxisDecimalPattern("0");
        return c;
    }

    /**
     * The power of ten at or below the largest learning rate. Rates are plotted in these units because XChart
     * 4.0.3 ignores per-axis number patterns and would label the right axis .001, .0009, ...
     */
    static double lrScale(double[] rates) {
        double max = 0;
        for (double r : rates) {
            if (Double.isFinite(r)) {
                max = Math.max(max, Math.abs(r));
            }
        }
        return max == 0 ? 1 : Math.pow(10, Math.floor(Math.log10(max)));
    }

    private static String lrScaleText(double scale) {
        return "1e" + Math.round(Math.log10(scale));
    }

    /** The column as doubles, missing values (NaN, or an int column's missing marker) as NaN. */
    private static double[] values(Table t, String column) {
        NumericColumn<?> col = (NumericColumn<?>) t.column(column);
        double[] out = new double[col.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = col.isMissing(i) ? Double.NaN : col.getDouble(i);
        }
        return out;
    }

    private static void requireColumns(Table t, List<String> names) {
        for (String n : names) {
            if (!t.columnNames().contains(n)) {
                throw new IllegalArgumentException("history table lacks column '" + n + "'; has " + t.columnNames());
            }
            if (!(t.column(n) instanceof NumericColumn<?>)) {
                throw new IllegalArgumentException("history column '" + n + "' is not numeric");
            }
        }
    }
}
