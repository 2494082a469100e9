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

    /** The floats of a {@link #contiguous} array, starting at its offset. */
    static FloatBuffer floats(INDArray a) {
        FloatBuffer b = a.data().asNioFloat();
        b.position((int) a.offset());
        return b.slice();
    }
}
