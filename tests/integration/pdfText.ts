import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, type PDFObject } from 'pdf-lib';

/** Each font's text decoder, made once per font of the document. */
function fontDecoders(doc: PDFDocument): (ref: PDFObject) => (hex: string) => string {
  const decoders = new Map<PDFObject, (hex: string) => string>();
  return (ref) => {
    let decoder = decoders.get(ref);
    if (!decoder) decoders.set(ref, (decoder = fontDecoder(doc, doc.context.lookup(ref, PDFDict))));
    return decoder;
  };
}

/**
 * The text a pdf-lib PDF shows, page by page, one line per text-showing operator: its content
 * streams inflated, each `<hex> Tj` decoded in the font the `Tf` before it chose. An embedded
 * font (Type0, Identity-H: two-byte glyph ids) is read back through its ToUnicode CMap, as a
 * PDF reader does for search and copy; a simple font without one as Windows-1252 codes. Enough
 * to check what a reader would see, without a PDF renderer. (pdf-lib writes neither `TJ`
 * arrays nor literal strings, so neither is read.)
 */
export async function pdfPagesText(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes);
  const decoderOf = fontDecoders(doc);
  return doc.getPages().map((page, index) => {
    const fonts = page.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict);
    const contents = page.node.Contents();
    const refs = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
    const text: string[] = [];
    let decode: ((hex: string) => string) | undefined;
    for (const ref of refs) {
      const stream = doc.context.lookup(ref as PDFRef) as PDFRawStream;
      for (const m of streamBytes(stream)
        .toString('latin1')
        .matchAll(/\/([^\s/[\]<>()%{}]+)\s+[-+\d.]+\s+Tf|<([0-9A-Fa-f\s]*)>\s*Tj/g)) {
        if (m[1] !== undefined) {
          const font = fonts?.get(PDFName.of(m[1]));
          if (!font) throw new Error(`Page ${index + 1}: font /${m[1]} is not in its resources`);
          decode = decoderOf(font);
        } else {
          if (!decode) throw new Error(`Page ${index + 1}: text shown before a font was set`);
          text.push(decode(m[2]!.replace(/\s+/g, '')));
        }
      }
    }
    return text.join('\n');
  });
}

/**
 * The text runs a PDF shows, page by page: the text of each text object (`BT` … `ET`) as one
 * string. Chromium's PDFs (Skia) show a line a glyph at a time (`<gid> Tj`, a `Td` move to the
 * next) and put rotated text into Form XObjects with their own fonts: those are read where the
 * page draws them (`/Xn Do`), in drawing order, as a reader extracting text does.
 */
export async function pdfPagesRuns(bytes: Uint8Array): Promise<string[][]> {
  const doc = await PDFDocument.load(bytes);
  const decoderOf = fontDecoders(doc);
  const read = (streams: PDFRawStream[], resources: PDFDict | undefined, runs: string[], depth: number) => {
    const fonts = resources?.lookupMaybe(PDFName.of('Font'), PDFDict);
    const xobjects = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict);
    let decode: ((hex: string) => string) | undefined;
    let run: string | null = null;
    for (const stream of streams) {
      for (const m of streamBytes(stream)
        .toString('latin1')
        .matchAll(/\/([^\s/[\]<>()%{}]+)\s+[-+\d.]+\s+Tf|<([0-9A-Fa-f\s]*)>\s*Tj|\/([^\s/[\]<>()%{}]+)\s+Do\b|\b(BT|ET)\b/g)) {
        if (m[1] !== undefined) {
          const font = fonts?.get(PDFName.of(m[1]));
          if (!font) throw new Error(`Font /${m[1]} is not in its resources`);
          decode = decoderOf(font);
        } else if (m[2] !== undefined) {
          if (!decode) throw new Error('Text shown before a font was set');
          run = (run ?? '') + decode(m[2].replace(/\s+/g, ''));
        } else if (m[3] !== undefined) {
          const form = xobjects && doc.context.lookup(xobjects.get(PDFName.of(m[3])));
          if (form instanceof PDFRawStream && form.dict.get(PDFName.of('Subtype')) === PDFName.of('Form') && depth < 8)
            read([form], form.dict.lookupMaybe(PDFName.of('Resources'), PDFDict) ?? resources, runs, depth + 1);
        } else if (m[4] === 'BT') run = null;
        else if (run !== null) {
          runs.push(run);
          run = null;
        }
      }
    }
  };
  return doc.getPages().map((page) => {
    const contents = page.node.Contents();
    const refs = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
    const runs: string[] = [];
    read(
      refs.map((ref) => doc.context.lookup(ref as PDFRef) as PDFRawStream),
      page.node.Resources(),
      runs,
      0,
    );
    return runs;
  });
}

function streamBytes(stream: PDFRawStream): Buffer {
  const filter = stream.dict.get(PDFName.of('Filter'));
  if (filter === undefined) return Buffer.from(stream.contents);
  if (filter === PDFName.of('FlateDecode')) return inflateSync(stream.contents);
  throw new Error(`Stream filter ${filter.toString()} is not read here`);
}

/** How a font's `Tj` hex strings become text. */
function fontDecoder(doc: PDFDocument, font: PDFDict): (hex: string) => string {
  const toUnicode = doc.context.lookup(font.get(PDFName.of('ToUnicode')));
  if (toUnicode instanceof PDFRawStream) return cmapDecoder(streamBytes(toUnicode).toString('latin1'));
  if (font.get(PDFName.of('Subtype')) === PDFName.of('Type0')) throw new Error('A Type0 font without a ToUnicode CMap: its text cannot be read back');
  return (hex) => [...Buffer.from(hex, 'hex')].map((b) => (b >= 0x80 && b < 0xa0 ? WIN_ANSI_80_9F[b - 0x80] : String.fromCharCode(b))).join('');
}

/** Windows-1252's 0x80–0x9F (elsewhere it is Latin-1); Node's TextDecoder reads them as Latin-1. */
const WIN_ANSI_80_9F = '€\uFFFD‚ƒ„…†‡ˆ‰Š‹Œ\uFFFDŽ\uFFFD\uFFFD‘’“”•–—˜™š›œ\uFFFDžŸ';

/**
 * A ToUnicode CMap: its code space (how many bytes a code has), `bfchar` pairs and `bfrange`
 * ranges (`<lo> <hi> <first>` counting up, or `<lo> <hi> [<each> …]`); targets are UTF-16BE.
 * A code it does not map becomes U+FFFD, so a missing letter shows up in the test.
 */
function cmapDecoder(cmap: string): (hex: string) => string {
  const space = /begincodespacerange\s*<([0-9A-Fa-f]+)>/.exec(cmap);
  if (!space) throw new Error('A ToUnicode CMap without a code space');
  const width = space[1]!.length; // hex digits per code
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, code, target] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>/g)) map.set(parseInt(code!, 16), utf16be(target!));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const [, lo, hi, first, list] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(?:<([0-9A-Fa-f]*)>|\[([^\]]*)\])/g)) {
      const [from, to] = [parseInt(lo!, 16), parseInt(hi!, 16)];
      if (list !== undefined) [...list.matchAll(/<([0-9A-Fa-f]*)>/g)].forEach((t, i) => from + i <= to && map.set(from + i, utf16be(t[1]!)));
      else {
        // Counting up: the target's last UTF-16 code unit goes up by one per code.
        const base = first!.slice(0, -4);
        const last = parseInt(first!.slice(-4), 16);
        for (let c = from; c <= to; c++) map.set(c, utf16be(base + (last + c - from).toString(16).padStart(4, '0')));
      }
    }
  return (hex) => {
    if (hex.length % width) throw new Error(`<${hex}> is not a whole number of ${width / 2}-byte codes`);
    let out = '';
    for (let i = 0; i < hex.length; i += width) out += map.get(parseInt(hex.slice(i, i + width), 16)) ?? '\uFFFD';
    return out;
  };
}

function utf16be(hex: string): string {
  const units: number[] = [];
  for (let i = 0; i + 4 <= hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
  return String.fromCharCode(...units);
}

/** All pages as one run of text, lines joined by a space: for a sentence the layout may wrap anywhere. */
export function prose(pages: string[]): string {
  return pages.join('\n').replace(/\n/g, ' ');
}
