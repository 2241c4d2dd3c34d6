import { describe, expect, it } from "vitest";
import { type Block, parseBlocks } from "./html-blocks";

function summary(blocks: Block[]) {
  return blocks.map((b) => ({
    kind: b.kind,
    text: b.inline.map((i) => ("text" in i ? i.text : "⏎")).join(""),
    list: b.listDepth,
    quote: b.quoteDepth,
    marker: b.marker,
  }));
}

describe("section bodies as blocks", () => {
  it("reads paragraphs, headings and inline styles", () => {
    const blocks = parseBlocks(
      "<h3>Prix</h3><p>Le <strong>prix</strong> est <em>ferme</em> et <u>définitif</u>,<br>" +
        "soit <b><i>12&nbsp;000 €</i></b>.</p><h4>Révision</h4>",
    );
    expect(summary(blocks)).toEqual([
      { kind: "h3", text: "Prix", list: 0, quote: 0, marker: null },
      {
        kind: "paragraph",
        text: "Le prix est ferme et définitif,⏎soit 12\u00a0000 €.",
        list: 0,
        quote: 0,
        marker: null,
      },
      { kind: "h4", text: "Révision", list: 0, quote: 0, marker: null },
    ]);
    const styles = blocks[1]?.inline.flatMap((i) => ("style" in i ? [i.style] : []));
    expect(styles?.[1]).toEqual({ bold: true, italic: false, underline: false });
    expect(styles?.[3]).toEqual({ bold: false, italic: true, underline: false });
    expect(styles?.[5]).toEqual({ bold: false, italic: false, underline: true });
    expect(styles?.at(-2)).toEqual({ bold: true, italic: true, underline: false });
  });

  it("numbers ordered lists, bullets the others, and nests them", () => {
    const blocks = parseBlocks(
      "<ol><li>un</li><li><p>deux</p><ul><li>puce</li>" +
        "<li>autre<ol><li>a</li><li>b</li></ol></li></ul>" +
        "suite de deux</li></ol><ol start='4'><li>quatre</li></ol>",
    );
    expect(summary(blocks).map((b) => [b.text, b.list, b.marker])).toEqual([
      ["un", 1, "1."],
      ["deux", 1, "2."],
      ["puce", 2, "◦"],
      ["autre", 2, "◦"],
      ["a", 3, "1."],
      ["b", 3, "2."],
      ["suite de deux", 1, null],
      ["quatre", 1, "4."],
    ]);
  });

  it("letters the second level of ordered lists", () => {
    const blocks = parseBlocks("<ol><li>x<ol><li>y</li><li>z</li></ol></li></ol>");
    expect(blocks.map((b) => b.marker)).toEqual(["1.", "a.", "b."]);
  });

  it("marks quotes, keeps empty paragraphs as blank lines, drops scripts", () => {
    const blocks = parseBlocks(
      "<blockquote><p>cité</p><blockquote>dans la citation</blockquote></blockquote>" +
        "<p></p><p> <br> </p><script>alert(1)</script><div>bloc <span>inconnu</span></div>",
    );
    expect(summary(blocks).map((b) => [b.kind, b.text, b.quote])).toEqual([
      ["paragraph", "cité", 1],
      ["paragraph", "dans la citation", 2],
      ["blank", "", 0],
      ["blank", "", 0],
      ["paragraph", "bloc inconnu", 0],
    ]);
  });

  it("keeps loose text and unclosed tags", () => {
    const blocks = parseBlocks("Texte libre <strong>gras non fermé<p>suite");
    expect(summary(blocks).map((b) => b.text)).toEqual(["Texte libre gras non fermé", "suite"]);
    expect(parseBlocks("")).toEqual([]);
  });
});
