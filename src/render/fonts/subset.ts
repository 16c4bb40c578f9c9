/**
 * Subsetting a TrueType font to the characters given, with HarfBuzz's subsetter (hb-subset), the one
 * browsers and font tools use, from the harfbuzzjs package's WebAssembly build. The subset keeps what
 * Word and LibreOffice need to lay text out: cmap, name, OS/2, and the layout tables with HarfBuzz's
 * default features (those of shaping: Arabic joins and ligatures, marks, kerning, localized forms, as
 * fonttools' subsetter keeps by default) and every glyph they reach. The optional features a reader
 * never turns on by itself (small capitals, old-style figures, stylistic sets) are left out: they were a
 * fifth of the Latin faces' subsets.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Node's WebAssembly, which the project's TypeScript libraries (ES2023, no DOM) do not declare. */
declare const WebAssembly: { instantiate(bytes: Uint8Array): Promise<{ instance: { exports: unknown } }> };

/** The functions of harfbuzz-subset.wasm this module calls (hb-subset's C API). */
interface HarfBuzz {
  memory: { buffer: ArrayBuffer };
  _initialize(): void;
  malloc(size: number): number;
  free(pointer: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

/** `HB_MEMORY_MODE_WRITABLE`: HarfBuzz may use the font's bytes in place. */
const WRITABLE = 2;

let harfbuzz: Promise<HarfBuzz> | undefined;

function load(): Promise<HarfBuzz> {
  harfbuzz ??= (async () => {
    const require = createRequire(import.meta.url);
    const path = require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm');
    // How V8 compiles it is the CLI's choice, not this module's (src/cli/launch.ts: baseline only).
    const { instance } = await WebAssembly.instantiate(readFileSync(path));
    const exports = instance.exports as HarfBuzz;
    exports._initialize();
    return exports;
  })();
  return harfbuzz;
}

/** A font loaded into HarfBuzz's memory: its bytes there, and the face read from them. */
interface LoadedFace {
  pointer: number;
  face: number;
}

/**
 * Faces kept loaded for the next subset of the same font, by the caller's key: a Chinese font is 10 MB,
 * and reading and copying it for each handout's own subset took most of a Chinese DOCX build.
 */
const kept = new Map<string, LoadedFace>();
const MAX_KEPT = 8;

function loadFace(hb: HarfBuzz, font: Uint8Array): LoadedFace {
  const pointer = hb.malloc(font.byteLength);
  new Uint8Array(hb.memory.buffer).set(font, pointer);
  const blob = hb.hb_blob_create(pointer, font.byteLength, WRITABLE, 0, 0);
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  return { pointer, face };
}

function unloadFace(hb: HarfBuzz, loaded: LoadedFace): void {
  hb.hb_face_destroy(loaded.face);
  hb.free(loaded.pointer);
}

/**
 * A font holding the glyphs of `text` (and those its layout reaches from them); throws when HarfBuzz
 * cannot read it. Given a `key` that names the font's bytes (its file and version), the font is read
 * (`font` called) and loaded once, and stays loaded for the next subset with that key.
 */
export async function subsetFont(
  font: Uint8Array | (() => Uint8Array),
  text: string,
  key?: string,
): Promise<Uint8Array> {
  const hb = await load();
  const bytes = () => (typeof font === 'function' ? font() : font);
  let loaded = key === undefined ? undefined : kept.get(key);
  const keep = key !== undefined && loaded === undefined;
  loaded ??= loadFace(hb, bytes());
  if (keep) {
    if (kept.size >= MAX_KEPT) {
      for (const face of kept.values()) unloadFace(hb, face);
      kept.clear();
    }
    kept.set(key, loaded);
  }
  const input = hb.hb_subset_input_create_or_fail();
  let subset = 0;
  try {
    if (input === 0) throw new Error('Expected HarfBuzz to make a subset input, found none');
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const character of text) hb.hb_set_add(unicodes, character.codePointAt(0)!);
    subset = hb.hb_subset_or_fail(loaded.face, input);
    if (subset === 0) throw new Error('Expected a font HarfBuzz can subset, found one it cannot');
    const result = hb.hb_face_reference_blob(subset);
    const length = hb.hb_blob_get_length(result);
    // The memory may have grown while subsetting: a view is taken afresh.
    const out = new Uint8Array(hb.memory.buffer, hb.hb_blob_get_data(result, 0), length).slice();
    hb.hb_blob_destroy(result);
    if (length === 0) throw new Error('Expected a font HarfBuzz can subset, found one it cannot');
    return out;
  } finally {
    if (input !== 0) hb.hb_subset_input_destroy(input);
    if (subset !== 0) hb.hb_face_destroy(subset);
    if (key === undefined || kept.get(key) !== loaded) unloadFace(hb, loaded);
  }
}
