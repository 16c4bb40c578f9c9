/**
 * Markdown (CommonMark and GFM) to mdast, with remark-parse and remark-gfm, and only the GFM
 * constructs a text can hold. Each construct needs certain characters to start (a table a pipe, an
 * e-mail autolink an `@`…); a text without them gets the same tree without the construct, and some
 * constructs are costly to try: the e-mail autolink tries every word as an address, so a statement
 * with a web address but no e-mail address parsed twice as slowly with all of GFM. A parser is made
 * for each set of constructs a text needs, and kept.
 */
import type { Root } from 'mdast';
import type { Processor } from 'unified';
import { remarkGfm, remarkParse, unified } from '../../data/libraries.js';

/**
 * GFM's constructs by their micromark names, each with what a text must hold for it to match (in
 * micromark and in the autolink transform of mdast-util-gfm-autolink-literal): an e-mail address a
 * word character before `@` and a dot in the domain after it; a web address `www.` or `http(s)://`.
 */
const CONSTRUCTS: readonly { names: readonly string[]; trigger: RegExp }[] = [
  { names: ['emailAutolink'], trigger: /[\w.+-]@[\w.-]*\./ },
  { names: ['wwwAutolink'], trigger: /www\./i },
  { names: ['protocolAutolink'], trigger: /https?:\/\//i },
  { names: ['gfmFootnoteDefinition', 'gfmFootnoteCall', 'gfmPotentialFootnoteCall'], trigger: /\[\^/ },
  { names: ['strikethrough'], trigger: /~/ },
  { names: ['table'], trigger: /\|/ },
  { names: ['tasklistCheck'], trigger: /\[[ xX]\]/ },
];

/** The fields of a micromark extension that map character codes to constructs. */
const CONSTRUCT_FIELDS = new Set(['document', 'contentInitial', 'flowInitial', 'flow', 'string', 'text', 'insideSpan']);

type Construct = { name?: string };
type Extension = Record<string, unknown>;

/** remark-gfm's micromark and mdast extensions, as it gives them to a processor. */
function gfmExtensions(): { micromark: Extension[]; mdast: unknown[] } {
  const processor = unified().use(remarkGfm);
  processor.freeze();
  return {
    micromark: (processor.data('micromarkExtensions') ?? []) as Extension[],
    mdast: processor.data('fromMarkdownExtensions') ?? [],
  };
}

/** A copy of a micromark extension without the named constructs that `keep` refuses (unnamed ones stay). */
function withConstructs(extension: Extension, keep: (name: string) => boolean): Extension {
  const copy: Extension = {};
  for (const [field, value] of Object.entries(extension)) {
    if (!CONSTRUCT_FIELDS.has(field) || value === null || typeof value !== 'object') {
      copy[field] = value;
      continue;
    }
    const byCode: Record<string, Construct[]> = {};
    for (const [code, constructs] of Object.entries(value as Record<string, Construct | Construct[]>)) {
      const kept = (Array.isArray(constructs) ? constructs : [constructs]).filter(
        (construct) => construct.name === undefined || keep(construct.name),
      );
      if (kept.length > 0) byCode[code] = kept;
    }
    copy[field] = byCode;
  }
  return copy;
}

let gfm: ReturnType<typeof gfmExtensions> | undefined;
const parsers = new Map<string, Processor<Root>>();
const commonMark = unified().use(remarkParse).freeze();

/** The parser with GFM's constructs of `names` (joined by spaces), made once. */
function parserWith(names: string): Processor<Root> {
  let parser = parsers.get(names);
  if (!parser) {
    gfm ??= gfmExtensions();
    const wanted = new Set(names.split(' '));
    const micromark = gfm.micromark.map((extension) => withConstructs(extension, (name) => wanted.has(name)));
    const mdast = gfm.mdast;
    parser = unified()
      .use(remarkParse)
      .use(function gfmSubset() {
        const data = this.data();
        (data.micromarkExtensions ??= []).push(...(micromark as never[]));
        (data.fromMarkdownExtensions ??= []).push(...(mdast as never[]));
      })
      .freeze();
    parsers.set(names, parser);
  }
  return parser;
}

/** Parses Markdown (CommonMark and GFM) into mdast: the tree remark-parse with remark-gfm gives. */
export function parseMarkdown(text: string): Root {
  const names = CONSTRUCTS.filter((construct) => construct.trigger.test(text)).flatMap((construct) => construct.names);
  return (names.length === 0 ? commonMark : parserWith(names.join(' '))).parse(text);
}
