import { expect, it } from "vitest";
import { contractPdfFileName } from "./file-name";

it("names the PDF after the reference and title, safely", () => {
  expect(contractPdfFileName({ id: 3, reference: "PAC-2026-042", title: "Cession « Cœur »" })).toBe(
    "PAC-2026-042 Cession « Cœur ».pdf",
  );
  expect(contractPdfFileName({ id: 3, reference: null, title: 'Bail 3/6/9: "Lyon"\n' })).toBe(
    "Bail 3 6 9 Lyon.pdf",
  );
  expect(contractPdfFileName({ id: 3, reference: null, title: "..." })).toBe("contrat-3.pdf");
  const long = contractPdfFileName({ id: 3, reference: null, title: "Договор ".repeat(40) });
  expect(Array.from(long).length).toBeLessThanOrEqual(104);
});
