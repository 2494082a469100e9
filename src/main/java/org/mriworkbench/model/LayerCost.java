package org.mriworkbench.model;

/**
 * Size and cost of one network layer, computed from a {@link CnnSpec} alone, so a lesson can compare architectures
 * before building or training anything.
 *
 * @param layer           layer name, matching the name given to the DL4J layer
 * @param outputShape     activation shape per image, as channels x height x width or units
 * @param params          parameters as DL4J counts them (batch norm includes its running mean and variance)
 * @param trainableParams parameters updated by gradient descent
 * @param flops           forward FLOPs per image: 2 x multiply-adds for convolution and dense layers, else 0
 */
public record LayerCost(String layer, String outputShape, long params, long trainableParams, long flops) {
}
