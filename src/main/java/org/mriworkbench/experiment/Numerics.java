package org.mriworkbench.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What decides a run's last bits besides its config, seed and data: the facts that {@code docs/determinism.md}'s
 * contract is stated in. Two runs whose {@code Numerics} agree (and whose native libraries are the same versions)
 * are expected to be bit-identical; runs that differ here agree only within the measured tolerance. A manifest
 * written before this record existed has none, which means "unknown", never "same".
 *
 * @param threads      native threads of every pool (libnd4j, OpenMP/oneDNN, OpenBLAS), fixed by the config
 * @param cpuFlags     the instruction-set flags of {@code /proc/cpuinfo} that oneDNN and OpenBLAS dispatch on,
 *                     space-separated, or {@code unknown}
 * @param oneDnnIsa    the oneDNN ISA expected in use: the best the CPU flags allow, capped by a pin; derived, not
 *                     queried (oneDNN 2.3 in nd4j-native prints it with {@code DNNL_VERBOSE=1}, which agreed here)
 * @param oneDnnIsaPin {@code DNNL_MAX_CPU_ISA=...} as set, or {@code none}; {@code ONEDNN_MAX_CPU_ISA} is recorded
 *                     with a note because the bundled oneDNN 2.3 ignores it
 * @param blasCore     OpenBLAS's kernel set: {@code OPENBLAS_CORETYPE}'s value when pinned, else {@code auto}
 *                     (chosen from the CPU, so then the CPU flags and model decide)
 */
public record Numerics(int threads, String cpuFlags, String oneDnnIsa, String oneDnnIsaPin, String blasCore) {

    /** oneDNN 2.3's {@code DNNL_MAX_CPU_ISA} values this probe knows, weakest first. */
    static final List<String> ONEDNN_ISAS = List.of("SSE41", "AVX", "AVX2", "AVX512_CORE", "AVX512_CORE_VNNI",
            "AVX512_CORE_BF16", "AVX512_CORE_AMX");

    /** The {@code /proc/cpuinfo} flags worth recording: those that change oneDNN's or OpenBLAS's kernels. */
    static final Set<String> DISPATCH_FLAGS = Set.of("sse4_1", "avx", "fma", "avx2", "avx512f", "avx512dq",
            "avx512bw", "avx512vl", "avx512_vnni", "avx512_bf16", "avx_vnni", "amx_tile", "amx_int8", "amx_bf16");

    static final String NONE = "none";
    static final String AUTO = "auto";

    /** This machine and process, for a run using {@code threads} native threads. */
    public static Numerics capture(int threads) {
        return of(threads, System.getenv(), cpuinfoFlags(Path.of("/proc/cpuinfo")));
    }

    /** The facts for {@code threads}, an environment and a CPU's flags ({@code null} when unknown). */
    static Numerics of(int threads, Map<String, String> env, Set<String> flags) {
        String pin = NONE;
        String cap = null;
        if (present(env.get("DNNL_MAX_CPU_ISA"))) {
            cap = env.get("DNNL_MAX_CPU_ISA").trim().toUpperCase(Locale.ROOT);
            pin = "DNNL_MAX_CPU_ISA=" + cap;
        } else if (present(env.get("ONEDNN_MAX_CPU_ISA"))) {
            pin = "ONEDNN_MAX_CPU_ISA=" + env.get("ONEDNN_MAX_CPU_ISA").trim() + " (ignored by oneDNN 2.3)";
        }
        String blas = present(env.get("OPENBLAS_CORETYPE")) ? env.get("OPENBLAS_CORETYPE").trim() : AUTO;
        if (flags == null) {
            return new Numerics(threads, Environment.UNKNOWN, cap == null ? Environment.UNKNOWN : cap, pin, blas);
        }
        TreeSet<String> kept = new TreeSet<>(flags);
        kept.retainAll(DISPATCH_FLAGS);
        return new Numerics(threads, String.join(" ", kept), oneDnnIsa(flags, cap), pin, blas);
    }

    /** The ISA oneDNN dispatches to on a CPU with {@code flags}, capped at {@code cap} (null or ALL: no cap). */
    static String oneDnnIsa(Set<String> flags, String cap) {
        int best = -1;
        if (flags.contains("sse4_1")) {
            best = 0;
        }
        if (flags.contains("avx")) {
            best = 1;
        }
        if (flags.contains("avx2")) {
            best = 2;
        }
        if (flags.containsAll(List.of("avx512f", "avx512dq", "avx512bw", "avx512vl"))) {
            best = 3;
            if (flags.contains("avx512_vnni")) {
                best = 4;
            }
            if (flags.contains("avx512_bf16")) {
                best = 5;
            }
            if (flags.containsAll(List.of("amx_tile", "amx_int8", "amx_bf16"))) {
                best = 6;
            }
        }
        int capIndex = cap == null ? -1 : ONEDNN_ISAS.indexOf(cap);
        if (capIndex >= 0 && capIndex < best) {
            best = capIndex;
        }
        return best < 0 ? NONE : ONEDNN_ISAS.get(best);
    }

    /** The {@code flags} line of a cpuinfo file as a set, or null when there is none. */
    static Set<String> cpuinfoFlags(Path cpuinfo) {
        try {
            if (Files.isReadable(cpuinfo)) {
                for (String line : Files.readAllLines(cpuinfo, StandardCharsets.UTF_8)) {
                    if (line.startsWith("flags")) {
                        return new TreeSet<>(Arrays.asList(line.substring(line.indexOf(':') + 1).trim().split("\\s+")));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    /**
     * Why bit-identical results are not promised between runs with {@code this} and {@code other}: one line per
     * contract fact that differs (thread count, oneDNN ISA, OpenBLAS kernels); empty when they are promised.
     * A null {@code other} (an old manifest) is one reason: nothing is known about it.
     */
    public List<String> contractDifferences(Numerics other) {
        List<String> out = new ArrayList<>();
        if (other == null) {
            out.add("numerics not recorded (manifest written before they were)");
            return out;
        }
        if (threads != other.threads) {
            out.add("threads " + threads + " vs " + other.threads);
        }
        if (!oneDnnIsa.equals(other.oneDnnIsa) || Environment.UNKNOWN.equals(oneDnnIsa)) {
            out.add("oneDNN ISA " + oneDnnIsa + " vs " + other.oneDnnIsa);
        }
        if (!blasCore.equals(other.blasCore)) {
            out.add("OpenBLAS kernels " + blasCore + " vs " + other.blasCore);
        } else if (AUTO.equals(blasCore) && !cpuFlags.equals(other.cpuFlags)) {
            out.add("OpenBLAS kernels chosen on CPUs with other flags (" + cpuFlags + " vs " + other.cpuFlags + ")");
        }
        return out;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
