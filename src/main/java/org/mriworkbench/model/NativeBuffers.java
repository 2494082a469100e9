package org.mriworkbench.model;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/**
 * Direct float access to ND4J arrays for the layer helpers, which loop over plain rows instead of calling generic
 * strided kernels. One place decides when an array must be copied first, so every helper reads the same layout.
 */
final class NativeBuffers {

    private NativeBuffers() {
    }

    /** {@code a} itself when it is a dense C-order array that owns its buffer, else a C-order copy. */
    static INDArray contiguous(INDArray a) {
        return a.ordering() == 'c' && Shape.hasDefaultStridesForShape(a) && !a.isView() ? a : a.dup('c');
    }

    /**
     * The {@code n} floats of a vector-shaped array (a parameter or gradient view such as {@code [1, n]}) copied into
     * {@code into}, straight from its buffer when its elements are adjacent: no ND4J op, which for the few floats of
     * a batch-norm parameter costs more than the copy (several native calls and temporary arrays per layer and step).
     */
    static void read(INDArray a, float[] into) {
        if (a.length() == into.length && (a.length() == 1 || a.elementWiseStride() == 1)) {
            a.data().asNioFloat().get((int) a.offset(), into, 0, into.length);
        } else {
            System.arraycopy(a.reshape(a.length()).toFloatVector(), 0, into, 0, into.length);
        }
    }

    /** Writes {@code from} into the vector-shaped array {@code a}, as {@link #read} reads. */
    static void write(float[] from, INDArray a) {
        if (a.length() == from.length && (a.length() == 1 || a.elementWiseStride() == 1)) {
            a.data().asNioFloat().put((int) a.offset(), from, 0, from.length);
        } else {
            a.assign(org.nd4j.linalg.factory.Nd4j.createFromArray(from).reshape(a.shape()));
        }
    }

    /** The floats of a {@link #contiguous} array, starting at its offset. */
    static FloatBuffer floats(INDArray a) {
        FloatBuffer b = a.data().asNioFloat();
        b.position((int) a.offset());
        return b.slice();
    }
}
