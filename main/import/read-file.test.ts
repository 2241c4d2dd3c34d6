import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PactaError } from "../../shared/api/result";
import { cellsOf, detectDelimiter, detectFormat, readSourceFile } from "./read-file";

const fixtures = path.resolve(__dirname, "../../e2e/fixtures/import");
const fixture = (name: string) => fs.readFileSync(path.join(fixtures, name), "utf8");

function unreadable(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(PactaError);
    expect((error as PactaError).reason).toBe("import_unreadable");
    return (error as PactaError).message;
  }
  throw new Error("expected the file to be refused");
}

describe("readSourceFile, CSV", () => {
  it("reads ';', a BOM and a quoted cell over two lines", () => {
    const content = fixture("contrats-fr.csv");
    expect(content.charCodeAt(0)).toBe(0xfeff);
    const file = readSourceFile("contrats.csv", content);
    if (file.format !== "csv") throw new Error("expected CSV");
    expect(file.delimiter).toBe(";");
    expect(file.headers[0]).toBe("Référence");
    expect(file.rows).toHaveLength(3);
    const first = file.rows[0];
    expect(first?.row).toBe(1);
    const cells = first ? cellsOf(file.headers, first) : {};
    expect(cells.Remarques).toBe("Première ligne\ndeuxième ligne; avec un point-virgule");
    expect(cells.Cocontractant).toContain('(le "Prestataire")');
    expect(file.rows[2]?.row).toBe(3);
  });

  it("detects tabs and commas from the header line only", () => {
    expect(detectDelimiter("a\tb\tc\n1;2;3;4;5")).toBe("\t");
    expect(detectDelimiter('"x;y",b,c\n')).toBe(",");
    expect(detectDelimiter("single\nvalue")).toBe(",");
    const file = readSourceFile("t.tsv", "Title\tReference\r\nLease\tL-1\r\n");
    expect(file.rows[0]).toEqual({ row: 1, values: ["Lease", "L-1"] });
  });

  it("keeps the delimiter the mapping names", () => {
    const file = readSourceFile("x.csv", "Title;Ref,erence\nA;B,C\n", ";");
    expect(file.headers).toEqual(["Title", "Ref,erence"]);
  });

  it("names blank and repeated headers, skips blank lines, counts rows from 1", () => {
    const file = readSourceFile("x.csv", "Title,,Title\n\nA,b,c\n\n , ,\n   \nD,e,f\n");
    expect(file.headers).toEqual(["Title", "column 2", "Title (2)"]);
    expect(file.rows.map((r) => r.row)).toEqual([1, 2]);
  });

  it("reports a row with more cells than the header, and reads the others", () => {
    const file = readSourceFile("x.csv", "Title,Reference\nA,1\nB,2,oops\nC,3,\n");
    if (file.format !== "csv") throw new Error("expected CSV");
    expect(file.rows.map((r) => r.values[0])).toEqual(["A", "C"]);
    expect(file.broken).toHaveLength(1);
    expect(file.broken[0]?.row).toBe(2);
    expect(file.broken[0]?.message).toMatch(/3 cells but the header has 2/);
  });

  it("names the row of an unclosed quote without counting lines of blank cells", () => {
    const content = 'Reference,Title\nR1,One\n \n , ,\nR2,"Two\n';
    expect(() => readSourceFile("x.csv", content)).toThrow(/never closed at row 2$/);
    expect(() => readSourceFile("x.csv", ' , ,\nTitle,"Notes\nA,b\n')).toThrow(
      /never closed in the header line$/,
    );
  });

  it("refuses a quote that is never closed, naming the row", () => {
    const message = unreadable(() =>
      readSourceFile("x.csv", 'Title,Notes\nA,fine\nB,"never closed\nC,d\n'),
    );
    expect(message).toMatch(/x\.csv: a quoted cell is never closed at row 2/);
  });

  it("refuses an empty file", () => {
    expect(unreadable(() => readSourceFile("x.csv", "\ufeff  \n"))).toMatch(/x\.csv is empty/);
  });
});

describe("readSourceFile, JSON", () => {
  it("reads an array of contracts, and one contract on its own", () => {
    const file = readSourceFile("export.json", fixture("contracts.json"));
    expect(file.format).toBe("json");
    expect(file.rows).toHaveLength(3);
    expect(file.headers).toContain("renewal");
    const one = readSourceFile("one.json", '{"title":"Lease"}');
    expect(one.rows).toEqual([{ row: 1, value: { title: "Lease" } }]);
  });

  it("names the line and column where a truncated file stops", () => {
    const content = '[\n  {\n    "reference": "T-1",\n    "title": "Cut sh';
    const message = unreadable(() => readSourceFile("cut.json", content));
    expect(message).toMatch(/^cut\.json: the JSON stops in the middle at line 4, column 21/);
    const cut = unreadable(() => readSourceFile("cut.json", '[{"title": "A"},'));
    expect(cut).toMatch(/stops in the middle at line 1, column 17 .*truncated/);
  });

  it("names the line and column of a syntax error", () => {
    const content = '[\n  {"title": "A"},\n  {"title": "B",}\n]';
    const message = unreadable(() => readSourceFile("bad.json", content));
    expect(message).toMatch(/^bad\.json: not valid JSON at line 3, column 17/);
  });

  it("refuses JSON that is not contracts, and reports items that are not objects", () => {
    expect(unreadable(() => readSourceFile("n.json", "42"))).toMatch(/expected an array/);
    const file = readSourceFile("mixed.json", '[{"title":"A"}, 3, null]');
    expect(file.rows).toHaveLength(1);
    expect(file.broken.map((b) => b.row)).toEqual([2, 3]);
  });

  it("tells CSV from JSON by extension, then by content", () => {
    expect(detectFormat("a.JSON", "x")).toBe("json");
    expect(detectFormat("a.csv", "[1]")).toBe("csv");
    expect(detectFormat("export", "  [{}]")).toBe("json");
    expect(detectFormat("export", "Title,Ref")).toBe("csv");
  });
});
