/**
 * The report as an A4 PDF: title, date and filters, then a table per
 * figure (a table never starts at the foot of a page, long ones go on
 * with their headings repeated), "Page N / M" on every page. The same
 * embedded DejaVu fonts as contract PDFs, so accents and Cyrillic names
 * print and extract.
 */
import PDFDocument from "pdfkit";
import type { Report } from "../../shared/domain/reports";
import { createLogger } from "../logging/logger";
import { FONT_FACES, loadFonts } from "../pdf/fonts";
import {
  CONTENT_BOTTOM,
  CONTENT_TOP,
  CONTENT_WIDTH,
  GREY,
  PAGE,
  RULE_GREY,
  TYPE,
} from "../pdf/page";
import { lineHeight, type PdfDoc, Typesetter } from "../pdf/typeset";
import {
  type Cell,
  describeFilters,
  type ReportLanguage,
  type ReportTable,
  reportTables,
  reportWords,
} from "./tables";

const log = createLogger("reports");

export interface ReportPdfOptions {
  language: ReportLanguage;
  personName: (id: number) => string;
  /** When the PDF was made (its metadata). */
  now: Date;
}

const ROW = lineHeight(TYPE.body) + 4;

function formatCell(value: Cell, language: ReportLanguage): string {
  if (typeof value === "string") return value;
  const locale = language === "fr" ? "fr-FR" : "en-GB";
  if (typeof value === "number") {
    return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
  }
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: value.digits,
    maximumFractionDigits: value.digits,
  }).format(value.amount);
}

class ReportWriter {
  private y = CONTENT_TOP;
  pages = 0;
  private readonly t: Typesetter;

  constructor(
    private readonly doc: PdfDoc,
    private readonly language: ReportLanguage,
  ) {
    this.t = new Typesetter(doc);
  }

  newPage(): void {
    this.doc.addPage({ size: "A4", margins: PAGE.margin });
    this.pages += 1;
    this.y = CONTENT_TOP;
  }

  /** Starts a new page unless `height` still fits on this one. */
  room(height: number): void {
    if (this.pages === 0 || this.y + height > CONTENT_BOTTOM) this.newPage();
  }

  line(text: string, size: number, face: "regular" | "bold", color = "black"): void {
    this.room(lineHeight(size));
    this.doc.fillColor(color).font(face).fontSize(size);
    this.doc.text(this.t.truncate(text, CONTENT_WIDTH, size), PAGE.margin.left, this.y, {
      lineBreak: false,
    });
    this.y += lineHeight(size);
  }

  gap(points: number): void {
    this.y += points;
  }

  table(table: ReportTable): void {
    // The title, the headings and at least one row stay together.
    this.room(lineHeight(TYPE.section) + ROW * 2 + 8);
    this.line(table.title, TYPE.section, "bold");
    this.gap(4);
    if (table.rows.length === 0) {
      this.line(table.empty, TYPE.body, "regular", GREY);
      this.gap(14);
      return;
    }
    const width = CONTENT_WIDTH / table.headers.length;
    const numeric = table.headers.map((_, i) => table.rows.every((r) => typeof r[i] === "number"));
    const drawRow = (cells: string[], face: "regular" | "bold") => {
      this.doc.fillColor("black").font(face).fontSize(TYPE.body);
      cells.forEach((text, i) => {
        const fitted = this.t.truncate(text, width - 8, TYPE.body);
        const x = PAGE.margin.left + i * width;
        const shift = numeric[i] ? width - 8 - this.doc.widthOfString(fitted) : 0;
        this.doc.text(fitted, x + shift, this.y + 2, { lineBreak: false });
      });
      this.y += ROW;
    };
    const head = () => {
      drawRow(table.headers, "bold");
      this.doc
        .moveTo(PAGE.margin.left, this.y - 2)
        .lineTo(PAGE.margin.left + CONTENT_WIDTH, this.y - 2)
        .strokeColor(RULE_GREY)
        .lineWidth(0.5)
        .stroke();
    };
    head();
    for (const row of table.rows) {
      if (this.y + ROW > CONTENT_BOTTOM) {
        this.newPage();
        head();
      }
      drawRow(
        row.map((c) => formatCell(c, this.language)),
        "regular",
      );
    }
    this.gap(14);
  }

  furniture(): void {
    for (let i = 0; i < this.pages; i += 1) {
      this.doc.switchToPage(i);
      this.doc.fillColor(GREY).font("regular").fontSize(TYPE.small);
      const label = `Page ${i + 1} / ${this.pages}`;
      const x = (PAGE.width - this.doc.widthOfString(label)) / 2;
      this.doc.text(label, x, PAGE.footerTop, { lineBreak: false });
    }
  }
}

function collect(doc: PdfDoc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
}

export async function renderReportPdf(
  report: Report,
  o: ReportPdfOptions,
): Promise<{ bytes: Buffer; pages: number }> {
  const w = reportWords(o.language);
  const fonts = loadFonts();
  const doc: PdfDoc = new PDFDocument({
    size: "A4",
    margins: PAGE.margin,
    bufferPages: true,
    autoFirstPage: false,
    lang: o.language === "fr" ? "fr-FR" : "en-GB",
    displayTitle: true,
    pdfVersion: "1.7",
    info: {
      Title: `${w.report} — ${report.today}`,
      Creator: "Pacta",
      CreationDate: o.now,
      ModDate: o.now,
    },
  });
  for (const face of FONT_FACES) {
    // pdfkit takes parsed fontkit fonts (see main/pdf/contract-pdf.ts).
    doc.registerFont(face, fonts.parsed[face] as unknown as Buffer);
  }
  const bytes = collect(doc);
  const writer = new ReportWriter(doc, o.language);
  writer.line(w.report, TYPE.title, "bold");
  writer.gap(6);
  writer.line(`${w.asOf} ${report.today}`, TYPE.subtitle, "regular");
  const colon = o.language === "fr" ? " : " : ": ";
  const filters = describeFilters(report, o.language, o.personName);
  writer.line(`${w.filters}${colon}${filters}`, TYPE.body, "regular", GREY);
  writer.gap(16);
  for (const table of reportTables(report, o.language)) writer.table(table);
  writer.furniture();
  doc.end();
  const result = { bytes: await bytes, pages: writer.pages };
  log.info({ pages: result.pages, bytes: result.bytes.length }, "report PDF rendered");
  return result;
}
