package org.mriworkbench.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mriworkbench.experiment.ExperimentRunner;
import org.mriworkbench.train.Json;
import org.mriworkbench.train.TrainingListener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A search over training configs, selected on validation only. Works from a notebook as it does from the command
 * line ({@code sweep}):
 *
 * <pre>{@code
 * SweepSpec spec = SweepSpec.of("recipe", base).withFactor("augmentStrength", 0, 0.5, 1)
 *         .withFactor("model.head", "flatten", "global-average").withBudget(new SweepSpec.Budget(0, 60));
 * SweepResult r = Sweep.of(spec, TrialData.of(dataRoot, cache, runs), Path.of("sweeps/recipe")).run();
 * r.table();   // trials ranked by the spec's validation metric, with McNemar against the best
 * }</pre>
 *
 * <p>The sweep folder keeps the spec and data ({@value #SPEC_FILE}) and the trial list with each trial's state
 * ({@value #TRIALS_FILE}), beside the ranked table and charts. Running the same sweep again reuses every finished
 * trial (its run is found by config and data, as {@code reproduce} finds its runs) and resumes an interrupted one, so
 * a sweep can be stopped at any point; running a different spec in the same folder is refused. A minute budget counts
 * the recorded training time of the trials in order, so a resumed sweep stops where an uninterrupted one would.
 */
public final class Sweep {

    /** The spec and data of the sweep in its folder. */
    public static final String SPEC_FILE = "sweep.json";
    /** Every trial with its state and, when finished, its validation figures. */
    public static final String TRIALS_FILE = "trials.json";

    /** A trial's state in {@value #TRIALS_FILE}. */
    public enum Status { DONE, INTERRUPTED, PENDING, OVER_BUDGET }

    private final SweepSpec spec;
    private final TrialData data;
    private final Path dir;
    private TrialExecutor executor;
    private TrainingListener listener = new TrainingListener() { };
    private BooleanSupplier stop = () -> false;
    private Consumer<String> log = s -> { };
    private Consumer<TrialOutcome> onTrial = o -> { };

    private Sweep(SweepSpec spec, TrialData data, Path dir) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.data = Objects.requireNonNull(data, "data");
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    /** A sweep of {@code spec} over {@code data}, kept in {@code sweepDir}. */
    public static Sweep of(SweepSpec spec, TrialData data, Path sweepDir) {
        return new Sweep(spec, data, sweepDir);
    }

    /** The sweep kept in {@code sweepDir}, to continue it or read its results again. */
    public static Sweep resume(Path sweepDir) throws IOException {
        Path f = sweepDir.resolve(SPEC_FILE);
        if (!Files.isRegularFile(f)) {
            throw new IOException(sweepDir + " is not a sweep folder: no " + SPEC_FILE);
        }
        JsonNode n = Json.mapper().readTree(f.toFile());
        try {
            SweepSpec spec = SweepSpec.parse(n.get("spec").toString(), sweepDir, sweepDir.getFileName().toString());
            TrialData d = Json.mapper().treeToValue(n.get("data"), TrialData.class);
            return new Sweep(spec, d, sweepDir);
        } catch (RuntimeException e) {
            throw new IOException("cannot read sweep " + f + ": " + e.getMessage(), e);
        }
    }

    /** Runs trials with this executor instead of the in-process default. */
    public Sweep withExecutor(TrialExecutor e) {
        this.executor = Objects.requireNonNull(e);
        return this;
    }

    /** Epoch and batch progress of the default executor. */
    public Sweep withListener(TrainingListener l) {
        this.listener = Objects.requireNonNull(l);
        return this;
    }

    /** Checked between trials, and by the default executor between minibatches. */
    public Sweep withStopSignal(BooleanSupplier s) {
        this.stop = Objects.requireNonNull(s);
        return this;
    }

    /** Where one-line messages go (the command line prints them). */
    public Sweep withLog(Consumer<String> l) {
        this.log = Objects.requireNonNull(l);
        return this;
    }

    /** Called after each finished (or reused) trial. */
    public Sweep onTrial(Consumer<TrialOutcome> c) {
        this.onTrial = Objects.requireNonNull(c);
        return this;
    }

    public SweepSpec spec() {
        return spec;
    }

    public Path dir() {
        return dir;
    }

    /** The trials in order, cut to the trial budget. */
    public List<Trial> trials() {
        return Trials.of(spec, data);
    }

    /** Runs or reuses trials until all are done, the budget is spent or the stop signal is set; writes the results. */
    public SweepResult run() throws IOException {
        List<Trial> trials = trials();
        writeSpec();
        TrialExecutor ex = executor != null ? executor
                : InProcessExecutor.create().withListener(listener).withStopSignal(stop);
        List<TrialOutcome> outcomes = new ArrayList<>();
        List<Status> status = new ArrayList<>(trials.stream().map(t -> Status.PENDING).toList());
        double spent = 0;
        String ended = null;
        double limit = spec.budget().minutes() * 60;
        for (Trial t : trials) {
            if (stop.getAsBoolean()) {
                ended = "stopped before trial " + (t.index() + 1) + "; run the same sweep again to continue";
                break;
            }
            if (limit > 0 && spent >= limit) {
                for (int i = t.index(); i < trials.size(); i++) {
                    status.set(i, Status.OVER_BUDGET);
                }
                log.accept(String.format(java.util.Locale.ROOT, "budget of %.1f minutes spent (%.1f); %d trials left out",
                        spec.budget().minutes(), spent / 60, trials.size() - t.index()));
                break;
            }
            log.accept("trial " + (t.index() + 1) + "/" + trials.size() + " " + t.name() + " " + t.factors());
            TrialOutcome o;
            try {
                o = ex.run(t);
            } catch (ExperimentRunner.RunStoppedException e) {
                status.set(t.index(), Status.INTERRUPTED);
                ended = e.getMessage();
                writeTrials(trials, status, outcomes);
                break;
            }
            outcomes.add(o);
            status.set(t.index(), Status.DONE);
            spent += Double.isFinite(o.wallSeconds()) ? o.wallSeconds() : 0;
            writeTrials(trials, status, outcomes);
            log.accept(String.format(java.util.Locale.ROOT, "  %s %.4f (%.0f s) %s", spec.metric().id(),
                    o.value(spec.metric()), o.wallSeconds(), o.runDir()));
            onTrial.accept(o);
        }
        writeTrials(trials, status, outcomes);
        SweepResult r = new SweepResult(spec, trials, outcomes, ended);
        if (!outcomes.isEmpty()) {
            r.write(dir);
        }
        return r;
    }

    private void writeSpec() throws IOException {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.set("spec", Json.mapper().readTree(spec.toJson()));
        n.set("data", Json.mapper().valueToTree(data));
        Path f = dir.resolve(SPEC_FILE);
        if (Files.exists(f)) {
            Sweep kept = resume(dir);
            boolean sameSpec = kept.spec.equals(spec);
            if (!sameSpec || !kept.data.equals(data)) {
                throw new IllegalStateException("sweep folder " + dir + " holds another sweep (its " + SPEC_FILE
                        + " differs in " + (sameSpec ? "data" : "spec")
                        + "); use a new folder, or the same spec and data to continue it");
            }
            return;
        }
        Files.createDirectories(dir);
        Json.write(f, n);
    }

    private void writeTrials(List<Trial> trials, List<Status> status, List<TrialOutcome> outcomes)
            throws IOException {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (Trial t : trials) {
            ObjectNode o = a.addObject();
            o.put("status", status.get(t.index()).name());
            o.set("trial", Json.mapper().valueToTree(t));
            outcomes.stream().filter(x -> x.index() == t.index()).findFirst()
                    .ifPresent(x -> o.set("outcome", Json.mapper().valueToTree(x)));
        }
        Json.write(dir.resolve(TRIALS_FILE), a);
    }
}
