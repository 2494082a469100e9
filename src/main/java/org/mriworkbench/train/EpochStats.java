package org.mriworkbench.train;

/**
 * What one epoch did: one row of {@code history.csv} and one point on each live chart.
 *
 * @param epoch          epoch number, from 0
 * @param trainLoss      mean minibatch score as DL4J reports it during training: the (class-weighted) cross-entropy
 *                       plus the L2 penalty, in training mode (dropout on, batch statistics)
 * @param trainAccuracy  arg-max accuracy on the (augmented) training minibatches, each measured in inference mode
 *                       just before that minibatch's update
 * @param valLoss        unweighted mean cross-entropy on the validation set in inference mode; NaN without one
 * @param valAccuracy    arg-max accuracy on the validation set; NaN without one
 * @param learningRate   rate used for the epoch's last minibatch
 * @param seconds        wall time of the epoch including validation
 * @param imagesPerSecond training images (forward+backward, augmentation included) per second
 */
public record EpochStats(int epoch, double trainLoss, double trainAccuracy, double valLoss, double valAccuracy,
                         double learningRate, double seconds, double imagesPerSecond) {

    /** True when every field that depends only on config, seed and data equals {@code o}'s (timing ignored). */
    public boolean sameResultsAs(EpochStats o) {
        return epoch == o.epoch && Double.compare(trainLoss, o.trainLoss) == 0
                && Double.compare(trainAccuracy, o.trainAccuracy) == 0 && Double.compare(valLoss, o.valLoss) == 0
                && Double.compare(valAccuracy, o.valAccuracy) == 0
                && Double.compare(learningRate, o.learningRate) == 0;
    }
}
