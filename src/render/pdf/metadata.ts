/**
 * The PDF's XMP metadata (PDF/UA needs the title there, as `dc:title`). pdfkit writes the document's
 * information into it as it is, so a title with `&` or `<` (a statement's title is anyone's text) made
 * the metadata malformed XML. This replaces pdfkit's writer on the one document with one that escapes.
 */

interface Described {
  info: Record<string, unknown>;
  appendXML(xml: string, newline?: boolean): void;
  _addInfo?: () => void;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text made safe as XML character data or an attribute's value. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character]!);
}

/** Whether pdfkit still has the internal writer this replaces (see docs/dependencies.md). */
export function xmpWriterFound(doc: PDFKit.PDFDocument): boolean {
  return typeof (doc as unknown as Described)._addInfo === 'function';
}

/** Makes `doc` write its information into its XMP metadata escaped (pdfkit's `_addInfo`, replaced). */
export function describeInXmp(doc: PDFKit.PDFDocument): void {
  const described = doc as unknown as Described;
  if (!xmpWriterFound(doc)) return;
  described._addInfo = () => {
    const { info } = described;
    const text = (key: string) => (typeof info[key] === 'string' && info[key] !== '' ? escapeXml(info[key]) : '');
    const created = info.CreationDate instanceof Date ? info.CreationDate : new Date(0);
    const parts = [
      `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">`,
      `<xmp:CreateDate>${created.toISOString().split('.')[0]}Z</xmp:CreateDate>`,
      `<xmp:CreatorTool>${text('Creator')}</xmp:CreatorTool>`,
      `</rdf:Description>`,
    ];
    const [title, author, subject] = [text('Title'), text('Author'), text('Subject')];
    if (title || author || subject) {
      parts.push(`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">`);
      if (title) parts.push(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${title}</rdf:li></rdf:Alt></dc:title>`);
      if (author) parts.push(`<dc:creator><rdf:Seq><rdf:li>${author}</rdf:li></rdf:Seq></dc:creator>`);
      if (subject)
        parts.push(
          `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${subject}</rdf:li></rdf:Alt></dc:description>`,
        );
      parts.push(`</rdf:Description>`);
    }
    parts.push(`<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">`);
    parts.push(`<pdf:Producer>${text('Producer')}</pdf:Producer>`);
    if (text('Keywords')) parts.push(`<pdf:Keywords>${text('Keywords')}</pdf:Keywords>`);
    parts.push(`</rdf:Description>`);
    described.appendXML(parts.join('\n'));
  };
}
