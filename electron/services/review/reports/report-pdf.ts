import PDFDocument from 'pdfkit';
import type { FindingStatus } from '../../../../core/analysis/findings.js';
import { findReportFonts, toStandardText, type ReportFonts } from './report-fonts.js';
import { STATUS_LABELS } from './report-text.js';

/**
 * A small layout layer over pdfkit for the reports: headings, key/value blocks, paragraphs,
 * status badges, tables that continue on the next page, and a footer with "page N of M".
 * Everything flows top to bottom on A4; the report modules only say what comes next.
 */

const MARGIN = 50;
/** Longer cell texts are cut, so that one row always fits on a page. */
const MAX_CELL_CHARS = 1200;
const FOOTER_GAP = 28;
const COLORS = { text: '#1f2328', muted: '#5b6470', rule: '#d0d7de', band: '#f3f5f7', accent: '#1f4e79' };
const STATUS_COLORS: Record<FindingStatus, string> = { pass: '#1a7f37', fail: '#b3261e', 'needs-review': '#9a6700', 'not-applicable': '#6e7781' };

export interface TableColumn {
  readonly title: string;
  /** A share of the text width; the shares of a table need not add up to 1. */
  readonly width: number;
  readonly align?: 'left' | 'right' | 'center';
}

export interface ReportPdfOptions {
  readonly title: string;
  /** Printed at the foot of every page, before "page N of M". */
  readonly footer: string;
  readonly fonts?: ReportFonts;
}

export class ReportPdf {
  private readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly ended: Promise<void>;
  private readonly text: (s: string) => string;
  private readonly regular: string;
  private readonly bold: string;

  constructor(private readonly opts: ReportPdfOptions) {
    const fonts = opts.fonts ?? findReportFonts();
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: MARGIN, bottom: MARGIN + FOOTER_GAP, left: MARGIN, right: MARGIN },
      bufferPages: true,
      info: { Title: opts.title, Creator: 'Tryout' },
    });
    if (fonts.kind === 'embedded') {
      this.doc.registerFont('report-regular', fonts.regular);
      this.doc.registerFont('report-bold', fonts.bold);
      this.regular = 'report-regular';
      this.bold = 'report-bold';
      this.text = (s) => s;
    } else {
      this.regular = 'Helvetica';
      this.bold = 'Helvetica-Bold';
      this.text = toStandardText;
    }
    this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
    this.ended = new Promise((resolve, reject) => {
      this.doc.on('end', resolve);
      this.doc.on('error', reject);
    });
    this.doc.font(this.regular).fontSize(10).fillColor(COLORS.text);
  }

  private get width(): number {
    return this.doc.page.width - MARGIN * 2;
  }

  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Starts a new page when less than `height` points are left on this one. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  newPage(): void {
    this.doc.addPage();
  }

  space(points = 6): void {
    this.doc.y += points;
  }

  title(text: string, subtitle: string): void {
    this.doc.font(this.bold).fontSize(18).fillColor(COLORS.accent).text(this.text(text), MARGIN, this.doc.y, { width: this.width });
    this.doc.font(this.regular).fontSize(10).fillColor(COLORS.muted).text(this.text(subtitle), { width: this.width });
    this.rule();
  }

  /** A section heading (level 1) or a sub-heading (level 2); never left alone at the foot of a page. */
  heading(text: string, level: 1 | 2 = 1): void {
    const size = level === 1 ? 13 : 11;
    this.ensureSpace(size * 4);
    this.space(level === 1 ? 10 : 6);
    this.doc.font(this.bold).fontSize(size).fillColor(level === 1 ? COLORS.accent : COLORS.text).text(this.text(text), MARGIN, this.doc.y, { width: this.width });
    if (level === 1) this.rule();
    else this.space(2);
  }

  private rule(): void {
    const y = this.doc.y + 3;
    this.doc.moveTo(MARGIN, y).lineTo(MARGIN + this.width, y).lineWidth(0.6).strokeColor(COLORS.rule).stroke();
    this.doc.y = y + 6;
  }

  /** Label: value rows in two columns. */
  keyValues(rows: readonly (readonly [string, string])[]): void {
    const labelWidth = 110;
    for (const [label, value] of rows) {
      this.doc.font(this.regular).fontSize(10);
      const height = this.doc.heightOfString(this.text(value), { width: this.width - labelWidth });
      this.ensureSpace(height + 2);
      const y = this.doc.y;
      this.doc.font(this.bold).fillColor(COLORS.muted).text(this.text(label), MARGIN, y, { width: labelWidth - 8 });
      this.doc.font(this.regular).fillColor(COLORS.text).text(this.text(value), MARGIN + labelWidth, y, { width: this.width - labelWidth });
      this.doc.y = Math.max(this.doc.y, y + height) + 2;
    }
  }

  paragraph(text: string, opts: { indent?: number; muted?: boolean; bold?: boolean; size?: number } = {}): void {
    const indent = opts.indent ?? 0;
    const size = opts.size ?? 10;
    this.doc.font(opts.bold ? this.bold : this.regular).fontSize(size);
    const value = this.text(text);
    this.ensureSpace(Math.min(this.doc.heightOfString(value, { width: this.width - indent }), size * 3));
    this.doc.fillColor(opts.muted ? COLORS.muted : COLORS.text).text(value, MARGIN + indent, this.doc.y, { width: this.width - indent });
    this.doc.y += 2;
  }

  /** "•" lines, indented, wrapped lines hanging under the text rather than the bullet. */
  bullets(lines: readonly string[], indent = 12, muted = false): void {
    const hang = 10;
    for (const line of lines) {
      this.doc.font(this.regular).fontSize(10);
      const value = this.text(line);
      this.ensureSpace(Math.min(this.doc.heightOfString(value, { width: this.width - indent - hang }), 30));
      const y = this.doc.y;
      this.doc.fillColor(muted ? COLORS.muted : COLORS.text).text('•', MARGIN + indent, y, { lineBreak: false });
      this.doc.text(value, MARGIN + indent + hang, y, { width: this.width - indent - hang });
      this.doc.y += 2;
    }
  }

  /** A coloured status badge, then a bold title on the same line. */
  statusLine(status: FindingStatus, title: string): void {
    this.doc.font(this.bold).fontSize(8);
    const label = STATUS_LABELS[status].toUpperCase();
    const badgeWidth = 80;
    this.ensureSpace(30);
    const y = this.doc.y;
    this.doc.roundedRect(MARGIN, y - 1, badgeWidth, 13, 3).fill(STATUS_COLORS[status]);
    this.doc.fillColor('#ffffff').text(label, MARGIN, y + 2, { width: badgeWidth, align: 'center' });
    this.doc.font(this.bold).fontSize(10.5).fillColor(COLORS.text).text(this.text(title), MARGIN + badgeWidth + 8, y, { width: this.width - badgeWidth - 8 });
    this.doc.y = Math.max(this.doc.y, y + 14) + 1;
  }

  /** A table with a header row, repeated when it continues on a new page. */
  table(columns: readonly TableColumn[], rows: readonly (readonly string[])[], opts: { fontSize?: number } = {}): void {
    const size = opts.fontSize ?? 9;
    const pad = 3;
    const cut = (cell: string) => (cell.length <= MAX_CELL_CHARS ? cell : `${cell.slice(0, MAX_CELL_CHARS - 1)}…`);
    rows = rows.map((row) => row.map(cut));
    const shares = columns.reduce((sum, c) => sum + c.width, 0);
    const widths = columns.map((c) => (c.width / shares) * this.width);
    const heightOf = (cells: readonly string[], bold: boolean) => {
      this.doc.font(bold ? this.bold : this.regular).fontSize(size);
      return Math.max(...cells.map((cell, i) => this.doc.heightOfString(this.text(cell), { width: (widths[i] ?? 0) - pad * 2 }))) + pad * 2;
    };
    const drawRow = (cells: readonly string[], header: boolean, band: boolean) => {
      const height = heightOf(cells, header);
      const y = this.doc.y;
      if (header || band) this.doc.rect(MARGIN, y, this.width, height).fill(header ? COLORS.accent : COLORS.band);
      let x = MARGIN;
      cells.forEach((cell, i) => {
        const w = widths[i] ?? 0;
        this.doc.font(header ? this.bold : this.regular).fontSize(size).fillColor(header ? '#ffffff' : COLORS.text);
        this.doc.text(this.text(cell), x + pad, y + pad, { width: w - pad * 2, align: columns[i]?.align ?? 'left' });
        x += w;
      });
      this.doc.y = y + height;
    };
    const header = columns.map((c) => c.title);
    this.ensureSpace(heightOf(header, true) + (rows[0] ? heightOf(rows[0], false) : 0));
    drawRow(header, true, false);
    rows.forEach((row, i) => {
      if (this.doc.y + heightOf(row, false) > this.bottom) {
        this.doc.addPage();
        drawRow(header, true, false);
      }
      drawRow(row, false, i % 2 === 1);
    });
    this.doc.x = MARGIN;
    this.space(4);
  }

  /** Writes the footers and returns the finished PDF. */
  async finish(): Promise<{ bytes: Uint8Array; pages: number }> {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const page = this.doc.page;
      const bottomMargin = page.margins.bottom;
      page.margins.bottom = 0; // the footer sits in the margin; without this pdfkit would start a new page
      const y = page.height - MARGIN;
      this.doc.moveTo(MARGIN, y - 6).lineTo(page.width - MARGIN, y - 6).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
      this.doc.font(this.regular).fontSize(8).fillColor(COLORS.muted);
      this.doc.text(this.text(this.opts.footer), MARGIN, y, { width: this.width * 0.75, lineBreak: false });
      this.doc.text(`page ${i - range.start + 1} of ${range.count}`, MARGIN, y, { width: this.width, align: 'right', lineBreak: false });
      page.margins.bottom = bottomMargin;
    }
    this.doc.end();
    await this.ended;
    return { bytes: new Uint8Array(Buffer.concat(this.chunks)), pages: range.count };
  }
}
