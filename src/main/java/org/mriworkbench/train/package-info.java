/**
 * Training stage: the training loop, learning-rate schedules, early stopping, checkpoints and resumption.
 *
 * <p>Entry points: {@link org.mriworkbench.train.TrainConfig} (what to train), {@link org.mriworkbench.train.Trainer}
 * (train and resume), {@link org.mriworkbench.train.TensorDataset} (the in-memory images it trains on) and
 * {@link org.mriworkbench.train.TrainingListener} (progress bars, live charts).
 *
 * <p>Reproducibility contract ({@code docs/determinism.md}): with the same thread count, oneDNN ISA and OpenBLAS
 * kernels, the same config and data give bit-identical losses and parameters, and a run that is stopped or killed
 * and then resumed ends exactly where an uninterrupted run ends; other thread counts or ISAs agree within a
 * measured tolerance only. This holds because every random draw is a pure function of the seed and the position in
 * training (epoch plan, per-visit augmentation, ND4J's generator reseeded before each minibatch), the native thread
 * count of every pool, OpenBLAS's included, is fixed ({@link org.mriworkbench.train.NativeThreads}), and checkpoints store the optimiser state.
 */
package org.mriworkbench.train;
