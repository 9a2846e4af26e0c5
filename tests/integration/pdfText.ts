import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDocument, PDFName, PDFRawStream, type PDFRef } from 'pdf-lib';

/**
 * The text a pdf-lib PDF shows, page by page: its content streams inflated and the hex strings
 * of the Tj operators decoded (standard fonts use Windows-1252 codes). Enough to check what a
 * reader would see, without a PDF renderer.
 */
export async function pdfPagesText(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes);
  return doc.getPages().map((page) => {
    const contents = page.node.Contents();
    const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
    const text: string[] = [];
    for (const ref of refs) {
      const stream = doc.context.lookup(ref as PDFRef) as PDFRawStream;
      const filter = stream.dict.get(PDFName.of('Filter'));
      const raw = filter === PDFName.of('FlateDecode') ? inflateSync(stream.contents) : Buffer.from(stream.contents);
      for (const m of raw.toString('latin1').matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) text.push(Buffer.from(m[1]!, 'hex').toString('latin1'));
    }
    return text.join('\n');
  });
}
