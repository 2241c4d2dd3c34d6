/**
 * Mapped rows as one flat list of plain values, to send from the mapping
 * worker to the writing thread: copying a list of strings and numbers
 * between threads costs a fraction of copying the same rows as objects.
 * Decoding builds the objects with the schema's key order, so a decoded
 * row is the row that was encoded, down to its JSON text.
 */
import type { ContractFields, Party, ReviewFlag } from "../../shared/domain/contract";
import type { MappedRow } from "./finish-row";

export type Cell = string | number | boolean | null;

export function encodeRows(rows: readonly MappedRow[]): Cell[] {
  const out: Cell[] = [];
  for (const m of rows) {
    if (!m.ok) {
      out.push(m.row, 0, m.error, m.column);
      continue;
    }
    const f = m.fields;
    out.push(m.row, 1, f.reference, f.title, f.type, f.stage ?? null, f.value, f.currency);
    out.push(f.signatureDate, f.effectiveDate, f.endDate);
    out.push(f.renewal.kind, f.renewal.term, f.renewal.notice, f.governingLaw, f.notes);
    out.push(f.parties.length);
    for (const p of f.parties) out.push(p.name, p.role, p.signatory, p.email, p.internal);
    out.push(f.tags.length);
    for (const tag of f.tags) out.push(tag);
    out.push(m.flags.length);
    for (const g of m.flags) out.push(g.field, g.message, g.raw, g.row, g.column);
  }
  return out;
}

/** Reads the cells back in the order `encodeRows` wrote them. */
class Reader {
  private at = 0;
  constructor(private readonly cells: readonly Cell[]) {}
  get more(): boolean {
    return this.at < this.cells.length;
  }
  private next(): Cell {
    if (this.at >= this.cells.length) throw new Error("encoded rows end too early");
    return this.cells[this.at++] ?? null;
  }
  text(): string {
    const v = this.next();
    if (typeof v !== "string") throw new Error(`encoded rows: expected text, found ${v}`);
    return v;
  }
  textOrNull(): string | null {
    const v = this.next();
    if (v !== null && typeof v !== "string") throw new Error(`encoded rows: bad value ${v}`);
    return v;
  }
  number(): number {
    const v = this.next();
    if (typeof v !== "number") throw new Error(`encoded rows: expected a number, found ${v}`);
    return v;
  }
  numberOrNull(): number | null {
    const v = this.next();
    if (v !== null && typeof v !== "number") throw new Error(`encoded rows: bad number ${v}`);
    return v;
  }
  flag(): boolean {
    const v = this.next();
    if (typeof v !== "boolean") throw new Error(`encoded rows: expected true or false, found ${v}`);
    return v;
  }
}

export function decodeRows(cells: readonly Cell[]): MappedRow[] {
  const r = new Reader(cells);
  const rows: MappedRow[] = [];
  while (r.more) rows.push(decodeRow(r));
  return rows;
}

/** Encoded rows read one at a time, so that each row's objects die young. */
export class EncodedRows {
  private readonly reader: Reader;
  constructor(cells: readonly Cell[]) {
    this.reader = new Reader(cells);
  }
  next(): MappedRow {
    return decodeRow(this.reader);
  }
}

function decodeRow(r: Reader): MappedRow {
  const row = r.number();
  if (r.number() === 0) {
    return { row, ok: false, error: r.text(), column: r.textOrNull() };
  }
  const reference = r.textOrNull();
  const title = r.text();
  const type = r.textOrNull();
  const stage = r.textOrNull();
  const value = r.numberOrNull();
  const currency = r.textOrNull();
  const signatureDate = r.textOrNull();
  const effectiveDate = r.textOrNull();
  const endDate = r.textOrNull();
  const kind = r.text() as ContractFields["renewal"]["kind"];
  const renewal = { kind, term: r.textOrNull(), notice: r.textOrNull() };
  const governingLaw = r.textOrNull();
  const notes = r.text();
  const parties: Party[] = [];
  for (let n = r.number(); n > 0; n -= 1) {
    const name = r.text();
    const role = r.textOrNull();
    const signatory = r.textOrNull();
    parties.push({ name, role, signatory, email: r.textOrNull(), internal: r.flag() });
  }
  const tags: string[] = [];
  for (let n = r.number(); n > 0; n -= 1) tags.push(r.text());
  const flags: ReviewFlag[] = [];
  for (let n = r.number(); n > 0; n -= 1) {
    const field = r.text();
    const message = r.text();
    const raw = r.textOrNull();
    flags.push({ field, message, raw, row: r.numberOrNull(), column: r.textOrNull() });
  }
  // The schema's key order: `stage`, when there is one, comes after `type`.
  const fields: ContractFields =
    stage === null
      ? {
          reference,
          title,
          type,
          parties,
          value,
          currency,
          signatureDate,
          effectiveDate,
          endDate,
          renewal,
          governingLaw,
          tags,
          notes,
        }
      : {
          reference,
          title,
          type,
          stage,
          parties,
          value,
          currency,
          signatureDate,
          effectiveDate,
          endDate,
          renewal,
          governingLaw,
          tags,
          notes,
        };
  return { row, ok: true, fields, flags };
}
