/**
 * `dist/manifest.json`: each statement built, with its outputs, words, estimated time and content
 * hash, and what the build cache needs to know that nothing changed (its key and the hashes of the
 * files it depends on). No timestamps, sorted: the same build gives the same manifest.
 */
import { createHash } from 'node:crypto';
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { readRegularFile, readRegularText } from '../io/read.js';

/** The hash the manifest keeps of a handout's bytes (SHA-256, hexadecimal). */
export function outputHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Whether the file at `path` is a plain file holding the bytes `output` was written with. */
export function outputInPlace(path: string, output: { bytes: number; hash: string }): boolean {
  try {
    // What is there, not what a link leads to: an output replaced by a link is rebuilt.
    if (!lstatSync(path).isFile()) return false;
    const bytes = readRegularFile(path, output.bytes + 1);
    return bytes.length === output.bytes && typeof output.hash === 'string' && outputHash(bytes) === output.hash;
  } catch {
    return false;
  }
}

/** One statement in the manifest. */
export interface ManifestEntry {
  /** The statement, relative to the project folder, with `/`. */
  source: string;
  /** Its handouts, relative to the output folder, with their sizes in bytes and SHA-256 hashes. */
  outputs: { path: string; bytes: number; hash: string }[];
  writtenWords: number;
  spokenWords: number;
  seconds: number;
  slotSeconds: number | null;
  /** SHA-256 of the statement's bytes. */
  contentHash: string;
  /** The version, config and build options it was built under. */
  key: string;
  /** Files it was built from (statement, template, fonts, images), relative to the project, with their hashes. */
  dependencies: { path: string; hash: string }[];
}

/** The manifest. */
export interface Manifest {
  tool: string;
  statements: ManifestEntry[];
}

/** The name of the manifest in the output folder. */
export const MANIFEST = 'manifest.json';

/** Reads the manifest of an output folder (empty when there is none or it cannot be read). */
export function readManifest(outDir: string): Manifest {
  try {
    const manifest = JSON.parse(readRegularText(join(outDir, MANIFEST))) as Manifest;
    if (Array.isArray(manifest.statements)) return manifest;
  } catch {
    // No manifest yet, or a broken one: everything is built.
  }
  return { tool: '', statements: [] };
}

/** The manifest's text, entries sorted by source. */
export function manifestText(manifest: Manifest): string {
  const statements = [...manifest.statements].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  return `${JSON.stringify({ ...manifest, statements }, null, 2)}\n`;
}
