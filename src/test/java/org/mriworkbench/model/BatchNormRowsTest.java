package org.mriworkbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batch statistics of {@link RowBatchNormHelper} against double-precision sums, on data whose mean is thousands of
 * standard deviations from zero (where "mean of squares minus square of mean" in float would return noise), with a
 * row length that is not a multiple of {@link BatchNormRows#CHUNK}.
 */
class BatchNormRowsTest {

    @Test
    void statisticsSurviveALargeMean() {
        int n = 6, c = 3, h = 23, w = 29;
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.randn(DataType.FLOAT, n, c, h, w).muli(0.01).addi(50);
        INDArray gamma = Nd4j.ones(DataType.FLOAT, 1, c);
        INDArray beta = Nd4j.zeros(DataType.FLOAT, 1, c);
        RowBatchNormHelper bn = new RowBatchNormHelper(false);
        bn.preOutput(x, true, x.shape(), gamma, beta, Nd4j.zeros(DataType.FLOAT, 1, c),
                Nd4j.ones(DataType.FLOAT, 1, c), 0.9, 1e-5, CNN2DFormat.NCHW, LayerWorkspaceMgr.noWorkspaces());
        float[] mean = bn.getMeanCache(DataType.FLOAT).toFloatVector();
        float[] var = bn.getVarCache(DataType.FLOAT).toFloatVector();
        for (int ch = 0; ch < c; ch++) {
            double[] v = x.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(ch))
                    .dup().castTo(DataType.DOUBLE).data().asDouble();
            double mu = 0;
            for (double a : v) {
                mu += a;
            }
            mu /= v.length;
            double m2 = 0;
            for (double a : v) {
                m2 += (a - mu) * (a - mu);
            }
            assertEquals(mu, mean[ch], 1e-5 * Math.abs(mu), "mean of channel " + ch);
            // in float, E[x^2] - E[x]^2 here would be 2500 - 2500 with an error near 1e-4, the variance itself
            assertEquals(m2 / v.length, var[ch], 1e-4 * m2 / v.length, "variance of channel " + ch);
        }
    }
}
