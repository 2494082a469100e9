package org.mriworkbench.bench;

import java.util.Arrays;
import org.mriworkbench.model.OneDnnLayers;
import org.mriworkbench.train.NativeThreads;
import org.mriworkbench.train.PhysicalMemoryProbe;

/**
 * The command line the layer profiles share ({@link FitProfile}, {@link InferenceProfile}, {@link StepProfile}):
 * {@code [preset] [sizes] [batch] [steps]}, each profile with its own defaults, and the native set-up every profile
 * measures under (2 threads, oneDNN layers on) so their figures compare with {@code bench train}'s.
 *
 * @param preset CNN preset
 * @param sizes  input sizes, in the order given
 * @param batch  minibatch size
 * @param steps  timed steps per size
 */
record ProfileArgs(String preset, int[] sizes, int batch, int steps) {

    /** Parses {@code args} over the defaults, then sets up the native libraries as every profile runs them. */
    static ProfileArgs start(String[] args, String sizes, int batch, int steps) {
        PhysicalMemoryProbe.switchOffUnlessSet();
        ProfileArgs p = new ProfileArgs(args.length > 0 ? args[0] : "classic",
                Arrays.stream((args.length > 1 ? args[1] : sizes).split(",")).mapToInt(Integer::parseInt).toArray(),
                args.length > 2 ? Integer.parseInt(args[2]) : batch,
                args.length > 3 ? Integer.parseInt(args[3]) : steps);
        NativeThreads.apply(2);
        OneDnnLayers.enable();
        return p;
    }
}
