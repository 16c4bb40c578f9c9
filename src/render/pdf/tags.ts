/**
 * The structure tree of a tagged PDF (PDF/UA-1), on pdfkit's structure API: elements nested as the
 * handout's blocks are, each element's content marked where it is drawn (on as many pages as it runs
 * to), and everything else (header, page numbers, margin times, rules, shading) marked as artifacts.
 * Marked-content sequences never nest: an element's content is closed before a child's or an
 * artifact's begins, and opened again after, so every drawn item belongs to exactly one element.
 */

/** What pdfkit accepts for a structure element beyond its typings: a table cell's scope, a figure's box. */
export interface TagOptions {
  lang?: string;
  alt?: string;
  actual?: string;
  scope?: 'Column' | 'Row';
  bbox?: [number, number, number, number];
  placement?: 'Block' | 'Inline';
}

/** The kind of artifact: repeated on every page, or only there to lay the page out. */
export type ArtifactKind = 'Pagination' | 'Layout';

interface Open {
  element: PDFKit.PDFStructureElement;
  type: string;
  /** A span's language, said in its marked content too, for readers of the content stream. */
  marking?: PDFKit.Mixins.MarkingOptions;
}

/** An element begun inside an artifact: not in the tree, only there to be ended. */
const SKIPPED = null;

/** Builds a document's structure tree while the renderer draws it. */
export class Tagger {
  private readonly stack: (Open | typeof SKIPPED)[];
  /** The marked content of the innermost element, while it is open on the current page. */
  private content: PDFKit.PDFStructureContent | undefined;
  private artifactDepth = 0;

  constructor(private readonly doc: PDFKit.PDFDocument) {
    const root = doc.struct('Document');
    doc.addStructure(root);
    this.stack = [{ element: root, type: 'Document' }];
  }

  /** The innermost open element (for a link annotation's structure parent). */
  get current(): PDFKit.PDFStructureElement {
    return this.innermost().element;
  }

  /** Whether what is drawn now is an artifact (a link drawn there gets no annotation). */
  get inArtifact(): boolean {
    return this.artifactDepth > 0;
  }

  private innermost(): Open {
    for (let index = this.stack.length - 1; index >= 0; index -= 1) {
      const open = this.stack[index];
      if (open) return open;
    }
    throw new Error('The structure tree has no root');
  }

  /** Opens an element of `type` inside the current one; what is drawn until `end()` is its content. */
  begin(type: string, options: TagOptions = {}): void {
    if (this.artifactDepth > 0) {
      this.stack.push(SKIPPED);
      return;
    }
    this.pause();
    const element = this.doc.struct(type, options);
    this.current.add(element);
    const marking = type === 'Span' && options.lang !== undefined ? { lang: options.lang } : undefined;
    this.stack.push({ element, type, marking });
  }

  /** Closes the innermost element. */
  end(): void {
    if (this.stack.length <= 1) throw new Error('No structure element is open');
    if (this.stack[this.stack.length - 1] === SKIPPED) {
      this.stack.pop();
      return;
    }
    this.pause();
    this.stack.pop()!.element.end();
  }

  /** Draws `draw` as the content of a new element of `type`. */
  element(type: string, draw: () => void, options: TagOptions = {}): void {
    this.begin(type, options);
    try {
      draw();
    } finally {
      this.end();
    }
  }

  /** Marks what is drawn next as the innermost element's content (called before drawing text, images). */
  mark(): void {
    if (this.content !== undefined || this.artifactDepth > 0) return;
    const { type, marking } = this.innermost();
    this.content = this.doc.markStructureContent(type, marking);
  }

  /** Closes the innermost element's content on this page (before a page ends, a child, an artifact). */
  pause(): void {
    if (this.content === undefined) return;
    this.doc.endMarkedContent();
    this.current.add(this.content);
    this.content = undefined;
  }

  /** Draws `draw` as an artifact: not read, not part of the text a screen reader gets. */
  artifact(kind: ArtifactKind, draw: () => void): void {
    if (this.artifactDepth > 0) {
      draw();
      return;
    }
    this.pause();
    this.doc.markContent('Artifact', { type: kind });
    this.artifactDepth += 1;
    try {
      draw();
    } finally {
      this.artifactDepth -= 1;
      this.doc.endMarkedContent();
    }
  }

  /** Closes the tree: every element still open ends. */
  finish(): void {
    this.pause();
    while (this.stack.length > 1) this.end();
    this.innermost().element.end();
  }
}
