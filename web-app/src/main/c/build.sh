#!/bin/sh
# Builds src-webapp/wasm/numera-simd.wasm from numera_simd.c (Debian 12: apt-get install clang lld).
# The output is committed; SimdModuleTest checks that this script still produces it byte for byte.
# --import-memory: the module defines no memory and works on the one it is given (env.memory): the
# Wasm GC module's own, or in the JavaScript build one the loader makes for it alone;
# -fno-unroll-loops keeps it small (the hot loops are blocked by hand). The module must not use a
# stack (in the Wasm GC build it would sit in memory the Java heap owns): with wabt installed, this
# script refuses one.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/../../../../src-webapp/wasm/numera-simd.wasm}
mkdir -p "$(dirname "$out")"
clang --target=wasm32 -O2 -fno-unroll-loops -msimd128 -nostdlib -ffreestanding -fno-builtin \
  -Wl,--no-entry -Wl,--import-memory -Wl,--strip-all \
  -o "$out.tmp" "$here/numera_simd.c"
if command -v wasm2wat >/dev/null && wasm2wat --enable-all "$out.tmp" | grep -q "global.get"; then
  rm -f "$out.tmp"
  echo "numera_simd.c uses the stack (an array indexed by a variable?); the module must not" >&2
  exit 1
fi
chmod 644 "$out.tmp"
mv "$out.tmp" "$out"
