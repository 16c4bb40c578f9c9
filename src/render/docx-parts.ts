/**
 * A docx `Document` compiled into the parts of its package (path → XML), with the parts that depend
 * only on the template, the copy and the language (styles, theme, settings, font table, properties
 * that never change) written by the library once per process for each such key and reused. Those
 * parts are most of the XML of a short handout and most of the time the library spends on it.
 *
 * This uses the library's compiler before it zips (`Packer.compiler`, not in its typings): where that
 * is missing or does not behave as expected, every part is compiled each time, or the library's own
 * packer is used, so that a change of the library costs speed, never a wrong file.
 */
import { Packer, type Document } from 'docx';
import { unzipSync } from 'fflate';

/** The parts of a package, as the library's compiler gives them. */
export type Parts = ReadonlyMap<string, string | Uint8Array>;

/** The library's compiler of a document into its parts (not in its typings). */
interface PartsCompiler {
  formatter: { format(component: unknown, context: unknown): unknown };
  compile(document: Document, prettify: undefined, overrides: []): Map<string, string | Uint8Array>;
}

/** The components of a document that make the shared parts, as the library's `File` names them. */
interface SharedComponents {
  Styles?: unknown;
  Theme?: unknown;
  Settings?: unknown;
  FontTable?: { View?: unknown; Relationships?: unknown };
  AppProperties?: unknown;
  CustomProperties?: unknown;
  FileRelationships?: unknown;
}

/** The parts the shared components make. */
const SHARED_PATHS = ['word/styles.xml', 'word/theme/theme1.xml', 'word/settings.xml', 'word/fontTable.xml', 'word/_rels/fontTable.xml.rels', 'docProps/app.xml', 'docProps/custom.xml', '_rels/.rels'];

/** What the compiler writes in place of a shared component, to be replaced by the part written once. */
const STUB_TAG = 'alliance:shared-part';
const STUB = { [STUB_TAG]: {} };

/** Shared parts by key; a handful of templates and languages per run at most. */
const sharedByKey = new Map<string, Map<string, string | Uint8Array>>();
const MAX_KEYS = 64;
/** Turned off for the process when the library's compiler does not behave as this module expects. */
let reuse = true;

function sharedComponents(document: Document): Set<unknown> {
  const file = document as unknown as SharedComponents;
  return new Set(
    [file.Styles, file.Theme, file.Settings, file.FontTable?.View, file.FontTable?.Relationships, file.AppProperties, file.CustomProperties, file.FileRelationships].filter(
      (component) => component !== undefined,
    ),
  );
}

/** The compiler, or undefined where this version of the library has none to use. */
function libraryCompiler(): PartsCompiler | undefined {
  const compiler = (Packer as unknown as { compiler?: PartsCompiler }).compiler;
  return typeof compiler?.compile === 'function' && typeof compiler.formatter?.format === 'function' ? compiler : undefined;
}

/** The same compiler, writing a stub for each shared component instead of formatting it. */
function stubbingCompiler(compiler: PartsCompiler, shared: Set<unknown>): PartsCompiler {
  const formatter = { format: (component: unknown, context: unknown) => (shared.has(component) ? STUB : compiler.formatter.format(component, context)) };
  return Object.create(compiler, { formatter: { value: formatter } }) as PartsCompiler;
}

function hasStub(data: string | Uint8Array): boolean {
  return typeof data === 'string' && data.includes(`<${STUB_TAG}`);
}

/**
 * Compiles a document into its parts. `sharedKey` names everything the shared parts depend on (the
 * styles given to the document): documents with the same key get the same shared parts. `documentOf`
 * makes the document, with its styles or, where the shared parts are already written, without them
 * (building the library's style objects is a third of the cost of a document).
 */
export async function compileParts(documentOf: (withStyles: boolean) => Document, sharedKey: string): Promise<Parts> {
  const compiler = libraryCompiler();
  if (!compiler) return new Map(Object.entries(unzipSync(await Packer.toBuffer(documentOf(true)))));
  const cached = reuse ? sharedByKey.get(sharedKey) : undefined;
  if (!cached) {
    const parts = compiler.compile(documentOf(true), undefined, []);
    if (reuse && sharedByKey.size < MAX_KEYS && SHARED_PATHS.every((path) => parts.has(path))) {
      sharedByKey.set(sharedKey, new Map(SHARED_PATHS.map((path) => [path, parts.get(path)!])));
    }
    return parts;
  }
  const document = documentOf(false);
  const parts = stubbingCompiler(compiler, sharedComponents(document)).compile(document, undefined, []);
  for (const [path, data] of cached) if (parts.has(path)) parts.set(path, data);
  for (const data of parts.values()) {
    if (hasStub(data)) {
      // A stub where no shared part replaced it: the library changed. Compile everything from now on.
      reuse = false;
      return compiler.compile(documentOf(true), undefined, []);
    }
  }
  return parts;
}
