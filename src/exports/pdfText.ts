import { PDFDocument, PDFFont, PDFPage, rgb, StandardFonts } from 'pdf-lib';
import { LOCALES, type Language } from '../i18n/locales';

/**
 * A small text layout on pdf-lib: A4, wrapped lines, headings, page breaks, page numbers.
 * The standard PDF fonts only know Windows-1252, so letters outside it are written without
 * their accent (ı → i, ł → l, ş → s); everything else (ë, é, ö) stays as it is.
 */
const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;

const EXTRA: Record<string, string> = { ı: 'i', İ: 'I', ł: 'l', Ł: 'L', ş: 's', Ş: 'S', ğ: 'g', Ğ: 'G', ț: 't', ș: 's', Ș: 'S', Ț: 'T', ő: 'o', ű: 'u' };
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

export function winAnsi(text: string): string {
  return [...text]
    .map((ch) => {
      if (EXTRA[ch]) return EXTRA[ch];
      const code = ch.charCodeAt(0);
      if (code < 256 || WIN_ANSI_EXTRA.has(ch)) return ch;
      return ch
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[^\x20-\xff]/g, '?');
    })
    .join('');
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
    const doc = await PDFDocument.create();
    doc.setTitle(winAnsi(title));
    doc.setLanguage(LOCALES[language].pdfLanguage);
    doc.setProducer('Vaardig');
    return new PdfWriter(doc, await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold));
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
    const words = winAnsi(content).split(/\s+/);
    const lines: string[] = [];
    let line = '';
    for (const word of words) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) > width && line) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    if (line) lines.push(line);
    for (const l of lines) {
      this.ensure(size * 1.4);
      if (!this.measuring) this.page.drawText(l, { x: MARGIN + indent, y: this.y - size, size, font, color: rgb(...(options.colour ?? [0.07, 0.09, 0.15])) });
      this.y -= size * 1.4;
    }
    this.y -= options.gap ?? 2;
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
    pages.forEach((p, i) => p.drawText(winAnsi(pageLabel(i + 1, pages.length)), { x: MARGIN, y: 25, size: 9, font: this.regular, color: rgb(0.3, 0.3, 0.3) }));
    return this.doc.save();
  }
}
