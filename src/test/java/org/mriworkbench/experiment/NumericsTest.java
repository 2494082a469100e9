package org.mriworkbench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NumericsTest {

    static final Set<String> AVX2_CPU = Set.of("sse4_1", "avx", "fma", "avx2", "aes", "sha_ni");
    static final Set<String> SAPPHIRE_RAPIDS = Set.of("sse4_1", "avx", "fma", "avx2", "avx512f", "avx512dq",
            "avx512bw", "avx512vl", "avx512_vnni", "avx512_bf16", "amx_tile", "amx_int8", "amx_bf16");

    @TempDir
    Path tmp;

    @Test
    void oneDnnIsaIsTheBestTheFlagsAllowCappedByThePin() {
        assertEquals("AVX2", Numerics.oneDnnIsa(AVX2_CPU, null));
        assertEquals("AVX512_CORE_AMX", Numerics.oneDnnIsa(SAPPHIRE_RAPIDS, null));
        assertEquals("AVX2", Numerics.oneDnnIsa(SAPPHIRE_RAPIDS, "AVX2"));
        assertEquals("SSE41", Numerics.oneDnnIsa(AVX2_CPU, "SSE41"));
        assertEquals("AVX2", Numerics.oneDnnIsa(AVX2_CPU, "AVX512_CORE"), "a pin never raises the ISA");
        assertEquals("AVX2", Numerics.oneDnnIsa(AVX2_CPU, "ALL"));
        assertEquals("none", Numerics.oneDnnIsa(Set.of("sse2"), null));
    }

    @Test
    void pinsComeFromTheEnvironmentAndOnlyDispatchFlagsAreKept() {
        Numerics n = Numerics.of(2, Map.of("DNNL_MAX_CPU_ISA", "avx2", "OPENBLAS_CORETYPE", "Haswell"),
                SAPPHIRE_RAPIDS);
        assertEquals(2, n.threads());
        assertEquals("AVX2", n.oneDnnIsa());
        assertEquals("DNNL_MAX_CPU_ISA=AVX2", n.oneDnnIsaPin());
        assertEquals("Haswell", n.blasCore());
        Numerics plain = Numerics.of(1, Map.of(), AVX2_CPU);
        assertEquals("avx avx2 fma sse4_1", plain.cpuFlags());
        assertEquals("none", plain.oneDnnIsaPin());
        assertEquals("auto", plain.blasCore());
        Numerics ignored = Numerics.of(1, Map.of("ONEDNN_MAX_CPU_ISA", "SSE41"), AVX2_CPU);
        assertEquals("AVX2", ignored.oneDnnIsa(), "oneDNN 2.3 reads only DNNL_MAX_CPU_ISA");
        assertTrue(ignored.oneDnnIsaPin().contains("ignored"), ignored.oneDnnIsaPin());
    }

    @Test
    void contractNamesEveryFactThatDiffers() {
        Numerics here = Numerics.of(1, Map.of(), AVX2_CPU);
        assertEquals(List.of(), here.contractDifferences(Numerics.of(1, Map.of(), AVX2_CPU)));
        assertEquals(List.of("threads 1 vs 2"), here.contractDifferences(Numerics.of(2, Map.of(), AVX2_CPU)));
        List<String> otherCpu = here.contractDifferences(Numerics.of(1, Map.of(), SAPPHIRE_RAPIDS));
        assertEquals(2, otherCpu.size(), otherCpu.toString());
        assertTrue(otherCpu.get(0).startsWith("oneDNN ISA AVX2 vs AVX512_CORE_AMX"), otherCpu.toString());
        // Pinning both libraries to AVX2 kernels leaves nothing in the contract that differs across these CPUs.
        Map<String, String> pinned = Map.of("DNNL_MAX_CPU_ISA", "AVX2", "OPENBLAS_CORETYPE", "Haswell");
        assertEquals(List.of(), Numerics.of(1, pinned, AVX2_CPU)
                .contractDifferences(Numerics.of(1, pinned, SAPPHIRE_RAPIDS)));
        assertEquals(1, here.contractDifferences(null).size());
    }

    @Test
    void cpuinfoFlagsAreReadFromTheFlagsLine() throws Exception {
        Path info = tmp.resolve("cpuinfo");
        Files.writeString(info, "processor\t: 0\nmodel name\t: Test CPU\nflags\t\t: fpu sse4_1 avx2 avx512f\n\n");
        assertEquals(Set.of("fpu", "sse4_1", "avx2", "avx512f"), Numerics.cpuinfoFlags(info));
        assertNull(Numerics.cpuinfoFlags(tmp.resolve("missing")));
    }

    @Test
    void manifestRecordsNumericsAndOldManifestsWithoutThemStillLoad() throws Exception {
        Manifest m = Manifest.capture("r", 7, 3, "d", "s", Instant.parse("2025-01-01T10:00:00Z"));
        assertEquals(3, m.numerics().threads());
        assertTrue(Numerics.ONEDNN_ISAS.contains(m.numerics().oneDnnIsa()) || m.numerics().oneDnnIsa().equals("none")
                || m.numerics().oneDnnIsa().equals("unknown"), m.numerics().toString());
        m.write(tmp.resolve("new.json"));
        assertEquals(m, Manifest.read(tmp.resolve("new.json")));
        assertEquals(List.of(), m.contractDifferences(Manifest.read(tmp.resolve("new.json"))));

        // A manifest as written before numerics were recorded: every other field, no "numerics".
        String old = Files.readString(tmp.resolve("new.json")).replaceAll("(?s),\\s*\"numerics\"\\s*:\\s*\\{[^}]*}", "");
        assertTrue(!old.contains("numerics"), old);
        Files.writeString(tmp.resolve("old.json"), old);
        Manifest read = Manifest.read(tmp.resolve("old.json"));
        assertNull(read.numerics());
        assertEquals(m.threads(), read.threads());
        assertTrue(read.contractDifferences(m).get(0).contains("not recorded"), read.contractDifferences(m).toString());
        assertTrue(m.contractDifferences(read).get(0).contains("not recorded"));
    }
}
