package org.mriworkbench.train;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Collects epoch statistics as training runs and hands the history so far, as a table, to a callback after every
 * epoch. A notebook passes a callback that redraws its training-curve chart in place, so a long run shows its
 * curves growing instead of a wall of numbers.
 */
public final class LiveHistory implements TrainingListener {

    private final List<EpochStats> epochs = new ArrayList<>();
    private final Consumer<Table> onUpdate;

    public LiveHistory(Consumer<Table> onUpdate) {
        this.onUpdate = onUpdate;
    }

    @Override
    public synchronized void onEpochEnd(EpochStats stats) {
        epochs.add(stats);
        onUpdate.accept(table(epochs));
    }

    /** Epoch statistics as a table with the same columns and epoch numbers as {@code history.csv}. */
    public static Table table(List<EpochStats> history) {
        IntColumn epoch = IntColumn.create("epoch");
        DoubleColumn trainLoss = DoubleColumn.create("train_loss");
        DoubleColumn trainAcc = DoubleColumn.create("train_accuracy");
        DoubleColumn valLoss = DoubleColumn.create("val_loss");
        DoubleColumn valAcc = DoubleColumn.create("val_accuracy");
        DoubleColumn lr = DoubleColumn.create("learning_rate");
        for (EpochStats s : history) {
            epoch.append(s.epoch());
            trainLoss.append(s.trainLoss());
            trainAcc.append(s.trainAccuracy());
            valLoss.append(s.valLoss());
            valAcc.append(s.valAccuracy());
            lr.append(s.learningRate());
        }
        return Table.create("history", epoch, trainLoss, trainAcc, valLoss, valAcc, lr);
    }
}
