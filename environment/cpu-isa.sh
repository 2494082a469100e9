# Sourced by environment/workbench, environment/start and environment/test (surefire's JVMs inherit the result).
# MRI_WORKBENCH_CPU_ISA=avx2 pins the two native libraries that choose kernels by CPU to their AVX2 kernels:
#   - oneDNN 2.3 (inside nd4j-native): DNNL_MAX_CPU_ISA=AVX2 (this version ignores ONEDNN_MAX_CPU_ISA);
#   - OpenBLAS 0.3.19: OPENBLAS_CORETYPE=Haswell.
# Then an AVX-512/AMX machine trains with the kernels of an AVX2 one, so runs can agree bit for bit across CPU
# generations (docs/determinism.md). On an AVX2 machine the pin changes nothing. Unset or "native": each library
# picks the best kernels for this CPU. Values already in the environment win.
case "${MRI_WORKBENCH_CPU_ISA:-}" in
  "" | native) ;;
  avx2 | AVX2)
    export DNNL_MAX_CPU_ISA="${DNNL_MAX_CPU_ISA:-AVX2}"
    export OPENBLAS_CORETYPE="${OPENBLAS_CORETYPE:-Haswell}" ;;
  *) echo "MRI_WORKBENCH_CPU_ISA must be avx2 or native, not '${MRI_WORKBENCH_CPU_ISA}'" >&2; exit 2 ;;
esac
