import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFFont, PDFPage, rgb, type PDFPageDrawTextOptions } from 'pdf-lib';
import { LOCALES, type Language } from '../i18n/locales';

/**
 * A small text layout on pdf-lib: A4, wrapped lines, headings, page breaks, page numbers.
 * The text is set in DejaVu Sans (vendored in public/fonts, with its licence), embedded as a subset
 * of the glyphs used, so every name prints as written (Bĳlsma, Ćwikła, Yılmaz) and can be
 * copied back out of the PDF. The font files are fetched only when a PDF is made; the service
 * worker precaches them, so this works offline.
 */
const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;

// public/fonts: copied into the build as they are, beside their licence (LICENSE.txt).
const FONTS = `${import.meta.env.BASE_URL}fonts/`;
const REGULAR = `${FONTS}DejaVuSans.ttf`;
const BOLD = `${FONTS}DejaVuSans-Bold.ttf`;

/**
 * pdf-lib draws each glyph at its own advance and drops the positions fontkit's layout works
 * out, so the positioning features (kerning, marks) only cost time: off. Substitutions (the
 * fi and ffi ligatures) stay; the text copied out of the PDF is the same.
 */
const NO_POSITIONING = { kern: false, mark: false, mkmk: false, curs: false };

async function fontFile(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Font ${url}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

let fonts: Promise<[ArrayBuffer, ArrayBuffer]> | undefined;

/** Regular and bold, fetched once per page load; after a failed fetch the next PDF tries again. */
function fontFiles(): Promise<[ArrayBuffer, ArrayBuffer]> {
  fonts ??= Promise.all([fontFile(REGULAR), fontFile(BOLD)]).catch((error: unknown) => {
    fonts = undefined;
    throw error;
  });
  return fonts;
}

/** The height a page has for text, between the top margin and the page number. */
const USABLE = A4[1] - MARGIN - (MARGIN + 20);

export class PdfWriter {
  private page!: PDFPage;
  private y = 0;
  /** While measuring, nothing is drawn and no page breaks: only `y` moves. */
  private measuring = false;
  private constructor(
    readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.newPage();
  }

  /** A document in this UI language (its `/Lang` comes from the locale registry). */
  static async create(title: string, language: Language): Promise<PdfWriter> {
    const [[regular, bold], doc] = await Promise.all([fontFiles(), PDFDocument.create()]);
    doc.registerFontkit(fontkit);
    doc.setTitle(title);
    doc.setLanguage(LOCALES[language].pdfLanguage);
    doc.setProducer('Vaardig');
    const embed = (bytes: ArrayBuffer) => doc.embedFont(bytes, { subset: true, features: NO_POSITIONING });
    return new PdfWriter(doc, await embed(regular), await embed(bold));
  }

  private newPage() {
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - MARGIN;
  }

  private ensure(height: number) {
    if (!this.measuring && this.y - height < MARGIN + 20) this.newPage();
  }

  text(content: string, options: { size?: number; bold?: boolean; indent?: number; gap?: number; colour?: [number, number, number] } = {}) {
    const size = options.size ?? 11;
    const font = options.bold ? this.bold : this.regular;
    const indent = options.indent ?? 0;
    const width = A4[0] - 2 * MARGIN - indent;
    const words = content.normalize('NFC').split(/\s+/);
    const space = this.widthOf(font, ' ') * size;
    const lines: string[] = [];
    let [line, lineWidth] = ['', 0];
    for (const word of words) {
      const wordWidth = this.widthOf(font, word) * size;
      if (line && lineWidth + space + wordWidth > width) {
        lines.push(line);
        [line, lineWidth] = [word, wordWidth];
      } else [line, lineWidth] = line ? [`${line} ${word}`, lineWidth + space + wordWidth] : [word, wordWidth];
    }
    if (line) lines.push(line);
    for (const l of lines) {
      this.ensure(size * 1.4);
      if (!this.measuring) this.draw(this.page, l, font, { x: MARGIN + indent, y: this.y - size, size, color: rgb(...(options.colour ?? [0.07, 0.09, 0.15])) });
      this.y -= size * 1.4;
    }
    this.y -= options.gap ?? 2;
  }

  /**
   * A word's width at size 1, remembered: laying out text with fontkit is slow, and a line's
   * width is the sum of its words and spaces (pdf-lib draws glyphs at their own advance, no
   * kerning), so each word is measured once instead of every line again for every word.
   */
  private readonly widths = new Map<PDFFont, Map<string, number>>();
  private widthOf(font: PDFFont, word: string): number {
    let known = this.widths.get(font);
    if (!known) this.widths.set(font, (known = new Map()));
    let width = known.get(word);
    if (width === undefined) known.set(word, (width = font.widthOfTextAtSize(word, 1)));
    return width;
  }

  /**
   * Draws in the page's current font, switching it only when it changes: pdf-lib adds a font
   * entry to the page's resources for every switch (and two for a `font` passed to drawText).
   * NFC, as `text` measures: a letter typed as base + accent is drawn as the one glyph.
   */
  private readonly pageFonts = new WeakMap<PDFPage, PDFFont>();
  private draw(page: PDFPage, line: string, font: PDFFont, options: Omit<PDFPageDrawTextOptions, 'font'>) {
    if (this.pageFonts.get(page) !== font) {
      page.setFont(font);
      this.pageFonts.set(page, font);
    }
    page.drawText(line.normalize('NFC'), options);
  }

  /**
   * A JPEG (a photo of finished work), at most `maxWidth` × `maxHeight` points, its aspect kept,
   * on the page where it fits whole. Not for use inside `together` (it is drawn at once).
   */
  async image(jpeg: Uint8Array, size: { width: number; height: number }, options: { indent?: number; maxWidth?: number; maxHeight?: number } = {}) {
    const scale = Math.min((options.maxWidth ?? 220) / size.width, (options.maxHeight ?? 165) / size.height, 1);
    const [width, height] = [size.width * scale, size.height * scale];
    const embedded = await this.doc.embedJpg(jpeg);
    this.ensure(height + 4);
    this.page.drawImage(embedded, { x: MARGIN + (options.indent ?? 0), y: this.y - height, width, height });
    this.y -= height + 4;
  }

  space(height = 8) {
    this.y -= height;
  }

  rule() {
    this.ensure(10);
    if (!this.measuring) this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: A4[0] - MARGIN, y: this.y }, thickness: 0.7, color: rgb(0.6, 0.6, 0.6) });
    this.y -= 10;
  }

  /** Keeps a block together when it fits on a page. */
  keep(height: number) {
    this.ensure(height);
  }

  /** How much height these writes take, without writing them. */
  measure(write: () => void): number {
    const [y, measuring] = [this.y, this.measuring];
    this.measuring = true;
    try {
      write();
      return y - this.y;
    } finally {
      [this.y, this.measuring] = [y, measuring];
    }
  }

  /**
   * Writes the blocks in order so that the last one never stands alone on a page: as many of
   * the blocks before it as fit on one page go with it (all of them when they fit); the rest
   * flows before. The last block must not be taller than a page.
   */
  together(...blocks: (() => void)[]) {
    const heights = blocks.map((b) => this.measure(b));
    let from = blocks.length - 1;
    let tail = heights[from] ?? 0;
    while (from > 0 && tail + heights[from - 1]! <= USABLE) tail += heights[--from]!;
    blocks.slice(0, from).forEach((b) => b());
    this.ensure(tail);
    blocks.slice(from).forEach((b) => b());
  }

  async finish(pageLabel: (n: number, total: number) => string): Promise<Uint8Array> {
    const pages = this.doc.getPages();
    pages.forEach((p, i) => this.draw(p, pageLabel(i + 1, pages.length), this.regular, { x: MARGIN, y: 25, size: 9, color: rgb(0.3, 0.3, 0.3) }));
    return this.doc.save();
  }
}
