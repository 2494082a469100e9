package org.mriworkbench.model;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The inference forward pass ({@code net.output(x, false)}) with every layer's activations in one workspace that
 * stays open for the whole pass, instead of DL4J's two alternating ones.
 *
 * <p>Why: {@code MultiLayerNetwork.output} gives layer {@code i} a workspace for its output different from the one
 * holding its input, so a layer that passes its input on ({@code FusedReluLayer}, whose ReLU the batch norm before it
 * already applied) must copy it into the other workspace, and workspaces open and close twice per layer. With one
 * workspace a pass-through stays a pass-through. The layers and their arithmetic are DL4J's (and {@link LayerHelpers}'
 * helpers), called in {@code output}'s order, so the result is bit-for-bit {@code output}'s. The cost is memory: the
 * workspace holds all activations of one minibatch at once (about 55 MB for {@code classic} at 64 px, batch 64, four
 * times that at 128 px) until {@link #release} frees it; callers that run many minibatches release it at the end.
 */
public final class InferencePass {

    /** System property; {@code false} makes {@link #output} call {@code net.output(x, false)}, for comparisons. */
    public static final String PROPERTY = "mri.inferencePass";

    private static final String WS = "MRI_INFERENCE_ALL_LAYERS";

    private static final WorkspaceConfiguration CONFIG = WorkspaceConfiguration.builder()
            .initialSize(0)
            .overallocationLimit(0.05)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .policyReset(ResetPolicy.BLOCK_LEFT)
            .policySpill(SpillPolicy.REALLOCATE)
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .build();

    private InferencePass() {
    }

    /** Frees this thread's workspace; the next {@link #output} allocates it again. */
    public static void release() {
        if (Nd4j.getWorkspaceManager().checkIfWorkspaceExists(WS)) {
            Nd4j.getWorkspaceManager().destroyWorkspace(Nd4j.getWorkspaceManager().getWorkspaceForCurrentThread(WS));
        }
    }

    /** What {@code net.output(x, false)} returns (a detached array), computed as described above. */
    public static INDArray output(MultiLayerNetwork net, INDArray x) {
        if (!Boolean.parseBoolean(System.getProperty(PROPERTY, "true"))
                || Nd4j.getMemoryManager().getCurrentWorkspace() != null) {
            return net.output(x, false); // inside a caller's workspace DL4J's own handling is the safe one
        }
        Layer[] layers = net.getLayers();
        LayerWorkspaceMgr mgr = LayerWorkspaceMgr.builder()
                .with(ArrayType.FF_WORKING_MEM, WS, CONFIG)
                .with(ArrayType.ACTIVATIONS, WS, CONFIG)
                .with(ArrayType.INPUT, WS, CONFIG)
                .build();
        MemoryWorkspace outer = Nd4j.getMemoryManager().getCurrentWorkspace();
        INDArray a = x;
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(CONFIG, WS)) {
            for (int i = 0; i < layers.length; i++) {
                InputPreProcessor pre = net.getLayerWiseConfigurations().getInputPreProcess(i);
                if (pre != null) {
                    a = pre.preProcess(a, (int) x.size(0), mgr);
                }
                if (i == layers.length - 1) {
                    mgr.setScopedOutFor(ArrayType.ACTIVATIONS);
                }
                a = layers[i].activate(a, false, mgr);
                layers[i].clear();
            }
            if (a.isAttached()) {
                a = a.detach();
            }
        } finally {
            Nd4j.getMemoryManager().setCurrentWorkspace(outer);
        }
        return a;
    }
}
