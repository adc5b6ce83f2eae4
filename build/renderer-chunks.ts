/**
 * Vite's chunk-size warning limit for the renderer, in kB (minified, before gzip). Vite's default (500 kB)
 * is a budget for pages fetched over a network; Stackplan's renderer loads from app.asar or 127.0.0.1. The
 * main chunk (Vue, Pinia, Chart.js, the model; about 600 kB, 196 kB gzipped) is measured where it matters,
 * as time to the first chart in docs/BENCHMARKS.md, and the spreadsheet library (about 930 kB) is a chunk
 * of its own loaded only when a workbook is exported. The limit sits above both, so a warning means a
 * chunk really grew.
 */
export const RENDERER_CHUNK_LIMIT_KB = 1000
