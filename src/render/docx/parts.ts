/**
 * A docx `Document` compiled into the parts of its package (path → XML), with the parts that repeat
 * from one handout to the next (styles, theme, settings, font table, fixed properties, the header of a
 * session, the footer, empty notes) written by the library once per process for each key and reused.
 * Those parts are most of the XML of a short handout and most of the time the library spends on it.
 *
 * This uses the library's compiler before it zips (`Packer.compiler`, not in its typings; the patch
 * `docx-reused-parts` of docs/dependencies.md): where that is missing or does not behave as expected,
 * every part is compiled each time, or the library's own packer is used, so that a change of the library
 * costs speed, never a wrong file (and test/library-patches.test.ts fails).
 */
import { Packer, type Document } from './library.js';
import { unzipSync } from 'fflate';
import { patchApplied, patchOn } from '../../data/patches.js';

/** The parts of a package, as the library's compiler gives them. */
export type Parts = ReadonlyMap<string, string | Uint8Array>;

/** The library's compiler of a document into its parts (not in its typings). */
interface PartsCompiler {
  formatter: { format(component: unknown, context: unknown): unknown };
  compile(document: Document, prettify: undefined, overrides: []): Map<string, string | Uint8Array>;
}

/** The components of a document, as the library's `File` names them. */
export interface LibraryFile {
  Styles?: unknown;
  Theme?: unknown;
  Settings?: unknown;
  FontTable?: { View?: unknown; Relationships?: unknown };
  AppProperties?: unknown;
  CustomProperties?: unknown;
  FileRelationships?: unknown;
  Comments?: unknown;
  Endnotes?: { View?: unknown };
  FootNotes?: { View?: unknown };
  Headers?: readonly { View?: unknown }[];
  Footers?: readonly { View?: unknown }[];
}

/** A part the library may write once and reuse for every document with the same key. */
export interface ReusablePart {
  /** Its path in the package. */
  path: string;
  /** Everything its XML depends on besides the library; undefined when this document's must be written anew. */
  key: string | undefined;
  /** The library's component that makes it. */
  component: (file: LibraryFile) => unknown;
}

/** The styles part: where it is reused, the document is made without its style objects (a third of its cost). */
export const STYLES_PATH = 'word/styles.xml';
/** The header part: where it is reused, the document is made with an empty header. */
export const HEADER_PATH = 'word/header1.xml';
/** The footer part: where it is reused, the document is made with an empty footer. */
export const FOOTER_PATH = 'word/footer1.xml';

/** What the compiler writes in place of a reused component, to be replaced by the part written before. */
const STUB_TAG = 'alliance:reused-part';
const STUB = { [STUB_TAG]: {} };

/** Parts written before, by path and key; a few per template, language and session. */
const written = new Map<string, string | Uint8Array>();
const MAX_WRITTEN = 512;
/** Turned off for the process when the library's compiler does not behave as this module expects. */
let reuse = patchOn('docx-reused-parts');

/** The compiler, or undefined where this version of the library has none to use. */
function libraryCompiler(): PartsCompiler | undefined {
  const compiler = (Packer as unknown as { compiler?: PartsCompiler }).compiler;
  return typeof compiler?.compile === 'function' && typeof compiler.formatter?.format === 'function'
    ? compiler
    : undefined;
}

/** The same compiler, writing a stub for each of `reused` instead of formatting it. */
function stubbingCompiler(compiler: PartsCompiler, reused: Set<unknown>): PartsCompiler {
  const formatter = {
    format: (component: unknown, context: unknown) =>
      reused.has(component) ? STUB : compiler.formatter.format(component, context),
  };
  return Object.create(compiler, { formatter: { value: formatter } }) as PartsCompiler;
}

const writtenKey = (part: ReusablePart) => `${part.path}\0${part.key}`;
const NONE: ReadonlySet<string> = new Set();

/**
 * Compiles a document into its parts, reusing each of `reusable` already written with the same key.
 * `documentOf` makes the document; given the paths of the parts that are reused, it may make those
 * parts' components empty (their XML is replaced by the part written before).
 */
export async function compileParts(
  documentOf: (reused: ReadonlySet<string>) => Document,
  reusable: readonly ReusablePart[],
): Promise<Parts> {
  const compiler = libraryCompiler();
  if (!compiler) return new Map(Object.entries(unzipSync(await Packer.toBuffer(documentOf(NONE)))));
  const hits = reuse ? reusable.filter((part) => part.key !== undefined && written.has(writtenKey(part))) : [];
  const document = documentOf(new Set(hits.map((part) => part.path)));
  const file = document as unknown as LibraryFile;
  const stubbed = new Set(hits.map((part) => part.component(file)).filter((component) => component !== undefined));
  const parts = (stubbed.size > 0 ? stubbingCompiler(compiler, stubbed) : compiler).compile(document, undefined, []);
  for (const part of hits) if (parts.has(part.path)) parts.set(part.path, written.get(writtenKey(part))!);
  for (const data of parts.values()) {
    if (typeof data === 'string' && data.includes(`<${STUB_TAG}`)) {
      // A stub where no part written before replaced it: the library changed. Compile everything from now on.
      reuse = false;
      return compiler.compile(documentOf(NONE), undefined, []);
    }
  }
  if (hits.length > 0) patchApplied('docx-reused-parts');
  if (reuse) {
    for (const part of reusable) {
      if (part.key === undefined || hits.includes(part) || !parts.has(part.path) || written.size >= MAX_WRITTEN)
        continue;
      written.set(writtenKey(part), parts.get(part.path)!);
    }
  }
  return parts;
}
