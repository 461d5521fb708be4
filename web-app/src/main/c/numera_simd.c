/*
 * Numera's inference layers in 128-bit WebAssembly SIMD, for both builds (Wasm GC and JavaScript).
 *
 * Why C: TeaVM cannot emit v128 instructions, and this is where a steady inference spends its time
 * (the scalar Java kernels run at what V8's 16 vector registers allow, docs/benchmarks.md). The
 * module imports its linear memory (env.memory). In the Wasm GC build that is the Java module's
 * own: Java hands it byte addresses of direct buffers and nothing is copied through JavaScript. In
 * the JavaScript build the loader makes it a memory of its own, which JavaScript loops fill from
 * Java's arrays and read back (SimdLayers).
 *
 * Each function computes exactly what the Java kernel of the same name computes, in the same data
 * layouts (see the Java file named in each comment); only the order of the float additions differs
 * (4 lanes sum separately), so results agree to float rounding, not bit for bit.
 *
 * No static data, no stack: every temporary is a wasm local and every buffer is the caller's. The
 * module lays out nothing in the memory it imports, so in the Wasm GC build it cannot overwrite
 * the Java heap it shares.
 *
 * Built by web-app/src/main/c/build.sh (Debian clang 14, wasm-ld); the .wasm is committed.
 */
#include <wasm_simd128.h>

#define EXPORT(name) __attribute__((export_name(#name)))

typedef v128_t f4;

static inline f4 splat(const float *p) { return wasm_v128_load32_splat(p); }
static inline f4 load(const float *p) { return wasm_v128_load(p); }
static inline void store(float *p, f4 v) { wasm_v128_store(p, v); }
static inline f4 madd(f4 acc, f4 a, f4 b) { return wasm_f32x4_add(acc, wasm_f32x4_mul(a, b)); }

/*
 * C[i, j] = sum_p A[i, p] * B[p, j]     i < m, j < n, p < k, all row-major and dense:
 * A [m, k], B [k, n], C [m, n]. Java: Gemm.multiply with aCol = bCol = 1, no accumulate.
 * Register block: 4 rows of C x 8 columns (two f32x4 per row: 8 accumulators, 2 loads of B and a
 * splat of A per step, well inside 16 vector registers), then 4 x 4, then scalar edges.
 */
static void gemm(float *c, const float *a, const float *b, int m, int n, int k) {
    int i = 0;
    for (; i + 4 <= m; i += 4) {
        const float *a0 = a + i * k, *a1 = a0 + k, *a2 = a1 + k, *a3 = a2 + k;
        float *c0 = c + i * n, *c1 = c0 + n, *c2 = c1 + n, *c3 = c2 + n;
        int j = 0;
        for (; j + 8 <= n; j += 8) {
            f4 s00 = wasm_f32x4_splat(0), s01 = s00, s10 = s00, s11 = s00, s20 = s00, s21 = s00, s30 = s00, s31 = s00;
            const float *bp = b + j;
            for (int p = 0; p < k; p++, bp += n) {
                f4 x0 = load(bp), x1 = load(bp + 4), w;
                w = splat(a0 + p); s00 = madd(s00, w, x0); s01 = madd(s01, w, x1);
                w = splat(a1 + p); s10 = madd(s10, w, x0); s11 = madd(s11, w, x1);
                w = splat(a2 + p); s20 = madd(s20, w, x0); s21 = madd(s21, w, x1);
                w = splat(a3 + p); s30 = madd(s30, w, x0); s31 = madd(s31, w, x1);
            }
            store(c0 + j, s00); store(c0 + j + 4, s01);
            store(c1 + j, s10); store(c1 + j + 4, s11);
            store(c2 + j, s20); store(c2 + j + 4, s21);
            store(c3 + j, s30); store(c3 + j + 4, s31);
        }
        for (; j + 4 <= n; j += 4) {
            f4 s0 = wasm_f32x4_splat(0), s1 = s0, s2 = s0, s3 = s0;
            const float *bp = b + j;
            for (int p = 0; p < k; p++, bp += n) {
                f4 x = load(bp);
                s0 = madd(s0, splat(a0 + p), x); s1 = madd(s1, splat(a1 + p), x);
                s2 = madd(s2, splat(a2 + p), x); s3 = madd(s3, splat(a3 + p), x);
            }
            store(c0 + j, s0); store(c1 + j, s1); store(c2 + j, s2); store(c3 + j, s3);
        }
        for (; j < n; j++) {
            for (int r = 0; r < 4; r++) {
                float s = 0;
                for (int p = 0; p < k; p++) s += a[(i + r) * k + p] * b[p * n + j];
                c[(i + r) * n + j] = s;
            }
        }
    }
    for (; i < m; i++) {
        for (int j = 0; j < n; j++) {
            float s = 0;
            for (int p = 0; p < k; p++) s += a[i * k + p] * b[p * n + j];
            c[i * n + j] = s;
        }
    }
}

/*
 * Stride-1 convolution as an implicit GEMM. Java: Conv2dImplicitGemm.forward.
 *   padded[ci, y', x'] = in[ci, y'-pad, x'-pad], 0 outside                 [c, h+2pad, w+2pad]
 *   out[o, y, x] = bias[o] + sum_(ci,ky,kx) weight[o, ci, ky, kx] * padded[ci, y+ky, x+kx]
 * out [oc, oh, ow], in [c, h, w], weight [oc, c, k, k], bias [oc], padded: scratch of c*(h+2p)*(w+2p).
 * Block: 4 output channels x 8 adjacent x (8 accumulators), then 4 x 4, then scalar edges.
 */
EXPORT(conv2d_implicit)
void conv2d_implicit(float *out, const float *in, const float *weight, const float *bias, float *padded,
                     int c, int h, int w, int oc, int k, int pad) {
    int hp = h + 2 * pad, wp = w + 2 * pad, oh = hp - k + 1, ow = wp - k + 1, rows = c * k * k, plane = oh * ow;
    for (int i = 0; i < c * hp * wp; i++) padded[i] = 0;
    for (int ci = 0; ci < c; ci++)
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) padded[(ci * hp + y + pad) * wp + x + pad] = in[(ci * h + y) * w + x];
    int o = 0;
    for (; o + 4 <= oc; o += 4) {
        const float *w0 = weight + o * rows;
        for (int y = 0; y < oh; y++) {
            int x = 0;
            for (; x + 8 <= ow; x += 8) {
                f4 s00 = wasm_f32x4_splat(0), s01 = s00, s10 = s00, s11 = s00, s20 = s00, s21 = s00, s30 = s00, s31 = s00;
                const float *wi = w0;
                for (int ci = 0; ci < c; ci++)
                    for (int ky = 0; ky < k; ky++) {
                        const float *xi = padded + (ci * hp + y + ky) * wp + x;
                        for (int kx = 0; kx < k; kx++, xi++, wi++) {
                            f4 x0 = load(xi), x1 = load(xi + 4), v;
                            v = splat(wi);            s00 = madd(s00, v, x0); s01 = madd(s01, v, x1);
                            v = splat(wi + rows);     s10 = madd(s10, v, x0); s11 = madd(s11, v, x1);
                            v = splat(wi + 2 * rows); s20 = madd(s20, v, x0); s21 = madd(s21, v, x1);
                            v = splat(wi + 3 * rows); s30 = madd(s30, v, x0); s31 = madd(s31, v, x1);
                        }
                    }
                float *q = out + o * plane + y * ow + x;
                f4 b0 = splat(bias + o), b1 = splat(bias + o + 1), b2 = splat(bias + o + 2), b3 = splat(bias + o + 3);
                store(q, wasm_f32x4_add(b0, s00)); store(q + 4, wasm_f32x4_add(b0, s01)); q += plane;
                store(q, wasm_f32x4_add(b1, s10)); store(q + 4, wasm_f32x4_add(b1, s11)); q += plane;
                store(q, wasm_f32x4_add(b2, s20)); store(q + 4, wasm_f32x4_add(b2, s21)); q += plane;
                store(q, wasm_f32x4_add(b3, s30)); store(q + 4, wasm_f32x4_add(b3, s31));
            }
            for (; x + 4 <= ow; x += 4) {
                f4 s0 = wasm_f32x4_splat(0), s1 = s0, s2 = s0, s3 = s0;
                const float *wi = w0;
                for (int ci = 0; ci < c; ci++)
                    for (int ky = 0; ky < k; ky++) {
                        const float *xi = padded + (ci * hp + y + ky) * wp + x;
                        for (int kx = 0; kx < k; kx++, xi++, wi++) {
                            f4 x0 = load(xi);
                            s0 = madd(s0, splat(wi), x0); s1 = madd(s1, splat(wi + rows), x0);
                            s2 = madd(s2, splat(wi + 2 * rows), x0); s3 = madd(s3, splat(wi + 3 * rows), x0);
                        }
                    }
                float *q = out + o * plane + y * ow + x;
                store(q, wasm_f32x4_add(splat(bias + o), s0)); q += plane;
                store(q, wasm_f32x4_add(splat(bias + o + 1), s1)); q += plane;
                store(q, wasm_f32x4_add(splat(bias + o + 2), s2)); q += plane;
                store(q, wasm_f32x4_add(splat(bias + o + 3), s3));
            }
            for (; x < ow; x++)
                for (int r = 0; r < 4; r++) {
                    const float *wi = w0 + r * rows;
                    float s = 0;
                    for (int ci = 0; ci < c; ci++)
                        for (int ky = 0; ky < k; ky++)
                            for (int kx = 0; kx < k; kx++) s += *wi++ * padded[(ci * hp + y + ky) * wp + x + kx];
                    out[(o + r) * plane + y * ow + x] = bias[o + r] + s;
                }
        }
    }
    for (; o < oc; o++)
        for (int y = 0; y < oh; y++)
            for (int x = 0; x < ow; x++) {
                const float *wi = weight + o * rows;
                float s = 0;
                for (int ci = 0; ci < c; ci++)
                    for (int ky = 0; ky < k; ky++)
                        for (int kx = 0; kx < k; kx++) s += *wi++ * padded[(ci * hp + y + ky) * wp + x + kx];
                out[o * plane + y * ow + x] = bias[o] + s;
            }
}

// r[k] = (G x)[k], k < 6, for x = (x0, x1, x2): G of Conv2dWinograd's comment
static inline void g_column(float x0, float x1, float x2, float r[6]) {
    r[0] = x0 * (1.0f / 4);
    r[1] = -(x0 + x1 + x2) * (1.0f / 6);
    r[2] = -(x0 - x1 + x2) * (1.0f / 6);
    r[3] = x0 * (1.0f / 24) + x1 * (1.0f / 12) + x2 * (1.0f / 6);
    r[4] = x0 * (1.0f / 24) - x1 * (1.0f / 12) + x2 * (1.0f / 6);
    r[5] = x2;
}

/*
 * U[e, o, ci] = (G g[o, ci] G^T)[e / 6, e % 6], laid out [36, oc, c]. Java: Conv2dWinograd.transformWeights.
 * u [36, oc, c] overwritten, weight g [oc, c, 3, 3]. Once per model, at start-up: here rather than in
 * Java so that only the raw weights (4x fewer floats than U) cross into linear memory.
 */
EXPORT(winograd_weights)
void winograd_weights(float *u, const float *weight, int c, int oc) {
    int plane = oc * c;
    for (int o = 0; o < oc; o++)
        for (int ci = 0; ci < c; ci++) {
            const float *g = weight + (o * c + ci) * 9;
            // G g, one column of the 3x3 at a time: a = column 0, b = 1, d = 2. The loops below are
            // unrolled in full so that these arrays become locals: the module has no stack.
            float a[6], b[6], d[6];
            g_column(g[0], g[3], g[6], a);
            g_column(g[1], g[4], g[7], b);
            g_column(g[2], g[5], g[8], d);
            // (G g) G^T: row i of G g through G again, into U's six elements 6i .. 6i+5
            float *q = u + o * c + ci;
            _Pragma("clang loop unroll(full)")
            for (int i = 0; i < 6; i++) {
                float r[6];
                g_column(a[i], b[i], d[i], r);
                _Pragma("clang loop unroll(full)")
                for (int j = 0; j < 6; j++) q[(6 * i + j) * plane] = r[j];
            }
        }
}

/*
 * The 3x3, stride 1, padding 1 convolution by Winograd F(4x4, 3x3). Java: Conv2dWinograd.forward,
 * whose comment has the matrices B^T and A^T used below; the same layouts:
 *   U [36, oc, c] (Conv2dWinograd.transformWeights), V [36, c, tiles], M [36, oc, tiles]
 * out [oc, h, w], in [c, h, w], bias [oc]; scratch: Conv2dWinograd.scratchSize(c, h, w, oc) floats,
 * the padded input [c, 4th+2, 4tw+2], then V, then M, then a strip (here 36 floats of one tile's
 * half-transformed values).
 */
EXPORT(conv2d_winograd)
void conv2d_winograd(float *out, const float *in, const float *u, const float *bias, float *scratch,
                     int c, int h, int w, int oc) {
    int th = (h + 3) / 4, tw = (w + 3) / 4, tiles = th * tw, ph = 4 * th + 2, pw = 4 * tw + 2;
    float *d = scratch, *v = d + c * ph * pw, *m = v + 36 * c * tiles, *t = m + 36 * oc * tiles;   // t: 36 floats of the strip
    for (int i = 0; i < c * ph * pw; i++) d[i] = 0;
    for (int ci = 0; ci < c; ci++)
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) d[(ci * ph + 1 + y) * pw + 1 + x] = in[(ci * h + y) * w + x];

    // V[e, ci, t] = (B^T d B)[e / 6, e % 6] for the 6x6 patch of the padded input at (4ty, 4tx)
    int vplane = c * tiles;
    for (int ci = 0; ci < c; ci++)
        for (int ty = 0; ty < th; ty++)
            for (int tx = 0; tx < tw; tx++) {
                const float *p = d + (ci * ph + 4 * ty) * pw + 4 * tx;
                // t[6, 6] = B^T d: the patch's columns transformed
                for (int x = 0; x < 6; x++) {
                    float x0 = p[x], x1 = p[pw + x], x2 = p[2 * pw + x], x3 = p[3 * pw + x], x4 = p[4 * pw + x], x5 = p[5 * pw + x];
                    t[x] = 4 * x0 - 5 * x2 + x4;
                    t[6 + x] = (x3 + x4) - 4 * (x1 + x2);
                    t[12 + x] = (x4 - x3) + 4 * (x1 - x2);
                    t[18 + x] = (x4 - x2) + 2 * (x3 - x1);
                    t[24 + x] = (x4 - x2) - 2 * (x3 - x1);
                    t[30 + x] = 4 * x1 - 5 * x3 + x5;
                }
                float *q = v + ci * tiles + ty * tw + tx;
                for (int i = 0; i < 6; i++) {
                    const float *ti = t + 6 * i;
                    float x0 = ti[0], x1 = ti[1], x2 = ti[2], x3 = ti[3], x4 = ti[4], x5 = ti[5];
                    float *r = q + 6 * i * vplane;
                    r[0] = 4 * x0 - 5 * x2 + x4;
                    r[vplane] = (x3 + x4) - 4 * (x1 + x2);
                    r[2 * vplane] = (x4 - x3) + 4 * (x1 - x2);
                    r[3 * vplane] = (x4 - x2) + 2 * (x3 - x1);
                    r[4 * vplane] = (x4 - x2) - 2 * (x3 - x1);
                    r[5 * vplane] = 4 * x1 - 5 * x3 + x5;
                }
            }

    // M[e][oc, tiles] = U[e][oc, c] . V[e][c, tiles]
    for (int e = 0; e < 36; e++) gemm(m + e * oc * tiles, u + e * oc * c, v + e * c * tiles, oc, tiles, c);

    // out[o, 4ty+i, 4tx+j] = bias[o] + (A^T M[o,t] A)[i, j], clipped at the bottom and right edge
    int mplane = oc * tiles;
    for (int o = 0; o < oc; o++)
        for (int ty = 0; ty < th; ty++)
            for (int tx = 0; tx < tw; tx++) {
                const float *p = m + o * tiles + ty * tw + tx;
                // t[4, 6] = A^T m: the tile's columns transformed
                for (int j = 0; j < 6; j++) {
                    const float *s = p + j * mplane;
                    float x0 = s[0], x1 = s[6 * mplane], x2 = s[12 * mplane], x3 = s[18 * mplane], x4 = s[24 * mplane], x5 = s[30 * mplane];
                    float sum12 = x1 + x2, dif12 = x1 - x2, sum34 = x3 + x4, dif34 = x3 - x4;
                    t[j] = x0 + sum12 + sum34;
                    t[6 + j] = dif12 + 2 * dif34;
                    t[12 + j] = sum12 + 4 * sum34;
                    t[18 + j] = dif12 + 8 * dif34 + x5;
                }
                int x = 4 * tx, cols = w - x < 4 ? w - x : 4;
                for (int i = 0, y = 4 * ty; i < 4 && y < h; i++, y++) {
                    const float *ti = t + 6 * i;
                    float x0 = ti[0], x1 = ti[1], x2 = ti[2], x3 = ti[3], x4 = ti[4], x5 = ti[5];
                    float sum12 = x1 + x2, dif12 = x1 - x2, sum34 = x3 + x4, dif34 = x3 - x4, b = bias[o];
                    float *q = out + (o * h + y) * w + x;
                    q[0] = b + (x0 + sum12 + sum34);
                    if (cols > 1) q[1] = b + (dif12 + 2 * dif34);
                    if (cols > 2) q[2] = b + (sum12 + 4 * sum34);
                    if (cols > 3) q[3] = b + (dif12 + 8 * dif34 + x5);
                }
            }
}

/*
 * Fully connected. Java: Dense.forward.  out[b, j] = bias[j] + sum_i weight[j, i] * in[b, i]
 * out [n, outF], in [n, inF], weight [outF, inF], bias [outF]. Four output rows at a time, each a
 * dot product summed in 4 lanes and reduced at the end.
 */
EXPORT(dense)
void dense(float *out, const float *in, const float *weight, const float *bias, int n, int inF, int outF) {
    for (int b = 0; b < n; b++) {
        const float *x = in + b * inF;
        float *y = out + b * outF;
        int j = 0;
        for (; j + 4 <= outF; j += 4) {
            const float *w0 = weight + j * inF, *w1 = w0 + inF, *w2 = w1 + inF, *w3 = w2 + inF;
            f4 s0 = wasm_f32x4_splat(0), s1 = s0, s2 = s0, s3 = s0;
            int i = 0;
            for (; i + 4 <= inF; i += 4) {
                f4 xv = load(x + i);
                s0 = madd(s0, load(w0 + i), xv); s1 = madd(s1, load(w1 + i), xv);
                s2 = madd(s2, load(w2 + i), xv); s3 = madd(s3, load(w3 + i), xv);
            }
            float r0 = wasm_f32x4_extract_lane(s0, 0) + wasm_f32x4_extract_lane(s0, 1) + wasm_f32x4_extract_lane(s0, 2) + wasm_f32x4_extract_lane(s0, 3);
            float r1 = wasm_f32x4_extract_lane(s1, 0) + wasm_f32x4_extract_lane(s1, 1) + wasm_f32x4_extract_lane(s1, 2) + wasm_f32x4_extract_lane(s1, 3);
            float r2 = wasm_f32x4_extract_lane(s2, 0) + wasm_f32x4_extract_lane(s2, 1) + wasm_f32x4_extract_lane(s2, 2) + wasm_f32x4_extract_lane(s2, 3);
            float r3 = wasm_f32x4_extract_lane(s3, 0) + wasm_f32x4_extract_lane(s3, 1) + wasm_f32x4_extract_lane(s3, 2) + wasm_f32x4_extract_lane(s3, 3);
            for (; i < inF; i++) { r0 += w0[i] * x[i]; r1 += w1[i] * x[i]; r2 += w2[i] * x[i]; r3 += w3[i] * x[i]; }
            y[j] = bias[j] + r0; y[j + 1] = bias[j + 1] + r1; y[j + 2] = bias[j + 2] + r2; y[j + 3] = bias[j + 3] + r3;
        }
        for (; j < outF; j++) {
            const float *wj = weight + j * inF;
            float s = 0;
            for (int i = 0; i < inF; i++) s += wj[i] * x[i];
            y[j] = bias[j] + s;
        }
    }
}
