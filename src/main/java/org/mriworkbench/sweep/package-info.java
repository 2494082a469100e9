/**
 * Sweep stage: a search over training configs, chosen on validation only.
 *
 * <p>A {@link org.mriworkbench.sweep.SweepSpec} names a base {@code TrainConfig} and the fields to vary by their JSON
 * paths in {@code config.json} (a grid, or a seeded random draw from it), a budget in trials or minutes, and the
 * validation metric to rank by. Addressing fields by path rather than by Java accessor means a field added to
 * {@code TrainConfig} later can be swept without touching this package.
 *
 * <p>Each {@link org.mriworkbench.sweep.Trial} is a self-contained, serialisable description (config, data location,
 * split, seed) run by a {@link org.mriworkbench.sweep.TrialExecutor}; the default,
 * {@link org.mriworkbench.sweep.InProcessExecutor}, runs trials one after another through a validation-only
 * {@code ExperimentRunner}, so every trial is a recorded run, finished trials are reused and interrupted ones
 * resumed, and the test subset is never read. {@link org.mriworkbench.sweep.Sweep} drives the trials and keeps its
 * state in a sweep folder; {@link org.mriworkbench.sweep.SweepResult} ranks them, compares each with the best
 * (McNemar on validation predictions) and charts the metric against the factors.
 */
package org.mriworkbench.sweep;
