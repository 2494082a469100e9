/**
 * Benchmarks: how fast the data pipeline, training and inference run on this machine, and where a training step's
 * time goes. A room of its own because speed is <em>measured</em> by benchmark commands ({@code bench},
 * {@code bench train}, the {@code main} methods here), never asserted in tests: timings depend on the machine and on
 * whatever else runs on it, so a timed assertion would either flake on a busy CI box or be loose enough to prove
 * nothing. The tests of this package check that each benchmark runs and reports, not how fast. Keeping the code here
 * also keeps the pipeline stages free of measuring code: nothing in {@code data}, {@code preprocess} or
 * {@code train} depends on this package, it depends on them.
 *
 * <p>Entry points: {@link org.mriworkbench.bench.PipelineBenchmark} (scan, cold preprocess, cached load),
 * {@link org.mriworkbench.bench.TrainingBenchmark} (training and inference throughput over batch sizes and thread
 * counts), {@link org.mriworkbench.bench.PyTorchComparison} (DL4J against the same network in PyTorch, interleaved)
 * and {@link org.mriworkbench.bench.StepProfile} (CPU time per layer of one step). All DL4J timing goes through one
 * loop, {@code TimedLoop}, so their figures are measured alike.
 */
package org.mriworkbench.bench;
