package org.mriworkbench.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * {@link NativeBuffers#read} and {@link NativeBuffers#write} on the kind of array batch norm hands them: a {@code [1, c]}
 * view at an offset inside a flattened parameter or gradient vector, and a strided view that must take the ND4J path.
 * A wrong offset or stride would read or write the neighbouring layer's parameters.
 */
class NativeBuffersTest {

    @Test
    void readsAndWritesOffsetAndStridedViews() {
        float[] values = new float[20];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        INDArray flat = Nd4j.createFromArray(values).reshape(1, 20);
        INDArray view = flat.get(NDArrayIndex.interval(0, 1), NDArrayIndex.interval(7, 12));
        float[] got = new float[5];
        NativeBuffers.read(view, got);
        assertArrayEquals(new float[] {7, 8, 9, 10, 11}, got);
        NativeBuffers.write(new float[] {-1, -2, -3, -4, -5}, view);
        float[] all = flat.toFloatVector();
        assertArrayEquals(new float[] {6, -1, -2, -3, -4, -5, 12}, java.util.Arrays.copyOfRange(all, 6, 13));

        INDArray strided = flat.get(NDArrayIndex.interval(0, 1), NDArrayIndex.interval(0, 2, 8)); // 0, 2, 4, 6
        float[] s = new float[4];
        NativeBuffers.read(strided, s);
        assertArrayEquals(new float[] {0, 2, 4, 6}, s);
        NativeBuffers.write(new float[] {9, 9, 9, 9}, strided);
        assertArrayEquals(new float[] {9, 1, 9, 3, 9, 5, 9}, java.util.Arrays.copyOfRange(flat.toFloatVector(), 0, 7));
    }
}
