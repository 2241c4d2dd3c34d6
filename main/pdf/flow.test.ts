import { describe, expect, it } from "vitest";
import { type FlowBox, placeBoxes } from "./flow";

const AREA = { top: 0, bottom: 100 };
const line = (label: string, keepWithNext = 0): FlowBox => ({ height: 10, label, keepWithNext });
const gap = (height: number): FlowBox => ({ height, gap: true });

function pages(boxes: FlowBox[]) {
  return placeBoxes(boxes, AREA).map((p) => `${p.page}:${p.top}:${p.box.label}`);
}

describe("placing boxes on pages", () => {
  it("fills a page, then the next", () => {
    const boxes = Array.from({ length: 12 }, (_, i) => line(`l${i}`));
    expect(pages(boxes).slice(8)).toEqual(["0:80:l8", "0:90:l9", "1:0:l10", "1:10:l11"]);
  });

  it("moves a heading to the next page with the lines it keeps", () => {
    const boxes = [
      ...Array.from({ length: 8 }, (_, i) => line(`l${i}`)),
      line("h", 2),
      line("a"),
      line("b"),
    ];
    expect(pages(boxes).slice(8)).toEqual(["1:0:h", "1:10:a", "1:20:b"]);
  });

  it("drops gaps at the top of a page and counts only lines in keepWithNext", () => {
    const boxes = [
      ...Array.from({ length: 9 }, (_, i) => line(`l${i}`)),
      gap(10),
      line("x", 1),
      gap(5),
      line("y"),
    ];
    expect(pages(boxes).slice(9)).toEqual(["1:0:x", "1:15:y"]);
  });

  it("starts a page at a page break, but never leaves an empty page", () => {
    const boxes = [
      { height: 0, pageBreak: true },
      line("a"),
      { height: 0, pageBreak: true },
      line("b"),
    ];
    expect(pages(boxes)).toEqual(["0:0:a", "1:0:b"]);
  });

  it("breaks a chain taller than a page where the rest fits on the next", () => {
    const boxes = Array.from({ length: 15 }, (_, i) => line(`l${i}`, 1));
    const placed = pages(boxes);
    expect(placed.slice(4, 6)).toEqual(["0:40:l4", "1:0:l5"]);
    expect(placed.at(-1)).toBe("1:90:l14");
  });

  it("refuses a box taller than a page, naming it", () => {
    expect(() => placeBoxes([{ height: 120, label: "the signature block of ACME" }], AREA)).toThrow(
      "the signature block of ACME is taller than a page (120 pt)",
    );
  });
});
