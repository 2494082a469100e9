package org.mriworkbench.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.deeplearning4j.nn.api.Layer;

/**
 * Timing proxies for a network's layers, so that one real {@code fit} or {@code output} call, DL4J's workspaces
 * included, can be split by layer. The layer walk in {@link StepProfile} runs without workspaces, and fresh
 * allocations inflated its per-layer rows; {@link FitProfile} and {@link InferenceProfile} swap these proxies into
 * {@code net.getLayers()} instead.
 */
final class LayerTimers {

    private LayerTimers() {
    }

    /**
     * One proxy per layer, implementing every interface of the layer's class: it adds the process CPU time of
     * {@code activate} to {@code fwd[i]} and, when {@code bwd} is not null, of {@code backpropGradient} to
     * {@code bwd[i]}; every other call goes straight through.
     */
    static Layer[] proxies(Layer[] layers, double[] fwd, double[] bwd) {
        Layer[] out = new Layer[layers.length];
        for (int i = 0; i < layers.length; i++) {
            Layer target = layers[i];
            int k = i;
            Set<Class<?>> ifaces = new LinkedHashSet<>();
            for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
                ifaces.addAll(List.of(c.getInterfaces()));
            }
            out[i] = (Layer) Proxy.newProxyInstance(Layer.class.getClassLoader(), ifaces.toArray(new Class<?>[0]),
                    (proxy, m, a) -> {
                        double[] into = m.getName().equals("activate") ? fwd
                                : m.getName().equals("backpropGradient") ? bwd : null;
                        long t = into != null ? TimedLoop.cpuNanos() : 0;
                        try {
                            return m.invoke(target, a);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        } finally {
                            if (into != null) {
                                into[k] += TimedLoop.cpuNanos() - t;
                            }
                        }
                    });
        }
        return out;
    }
}
