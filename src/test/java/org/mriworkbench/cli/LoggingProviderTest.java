package org.mriworkbench.cli;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One SLF4J provider is bound (no "No SLF4J providers" lines on every command), quiet by default, and DL4J's and
 * ND4J's warnings still get through.
 */
class LoggingProviderTest {

    @Test
    void simpleLoggerIsTheOneProviderAtWarnLevel() {
        assertEquals("org.slf4j.simple.SimpleLoggerFactory", LoggerFactory.getILoggerFactory().getClass().getName());
        Logger dl4j = LoggerFactory.getLogger("org.deeplearning4j.nn.multilayer.MultiLayerNetwork");
        Logger nd4j = LoggerFactory.getLogger("org.nd4j.linalg.factory.Nd4jBackend");
        assertTrue(dl4j.isWarnEnabled() && nd4j.isWarnEnabled(), "library warnings are shown");
        assertFalse(dl4j.isInfoEnabled() || nd4j.isInfoEnabled(), "start-up chatter is not");
    }
}
