import { describe, expect, it } from "vitest";
import type { TemplateContent } from "../../../shared/domain/templates";
import {
  contentIssues,
  moveItem,
  newSectionId,
  patchSection,
  problemsBySection,
} from "./template-content";

const content: TemplateContent = {
  name: "Cession",
  description: "",
  language: "fr",
  fields: [],
  sections: [
    { id: "a", title: "Parties", body: "<p>{{party.client.name}}</p>" },
    { id: "b", title: "Prix", body: "<p>{{contract.value}}</p>" },
  ],
};

describe("template content helpers", () => {
  it("moves an item up, down and clamps past either end", () => {
    expect(moveItem(["a", "b", "c"], 2, 0)).toEqual(["c", "a", "b"]);
    expect(moveItem(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
    expect(moveItem(["a", "b", "c"], 1, 9)).toEqual(["a", "c", "b"]);
    expect(moveItem(["a", "b", "c"], 1, -3)).toEqual(["b", "a", "c"]);
    expect(moveItem(["a"], 5, 0)).toEqual(["a"]);
  });

  it("gives a new section an id no other section has", () => {
    const id = newSectionId(content.sections);
    expect(content.sections.some((s) => s.id === id)).toBe(false);
    expect(newSectionId(content.sections)).not.toBe(id);
    expect(id.length).toBeLessThanOrEqual(64);
  });

  it("patches only the section named", () => {
    const next = patchSection(content, "b", { title: "Prix et paiement" });
    expect(next.sections.map((s) => s.title)).toEqual(["Parties", "Prix et paiement"]);
    expect(content.sections[1]?.title).toBe("Prix");
  });

  it("groups problems by section, the template's own under null", () => {
    const map = problemsBySection([
      { sectionId: "a", line: 1, column: 4, kind: "unknown_field", message: "x" },
      { sectionId: null, line: null, column: null, kind: "invalid_field", message: "y" },
      { sectionId: "a", line: 2, column: 1, kind: "syntax", message: "z" },
    ]);
    expect(map.get("a")?.map((p) => p.message)).toEqual(["x", "z"]);
    expect(map.get(null)?.length).toBe(1);
    expect(map.has("b")).toBe(false);
  });

  it("names each thing to fix before saving, by place", () => {
    expect(contentIssues(content).size).toBe(0);
    const broken: TemplateContent = {
      ...content,
      name: " ",
      fields: [
        { key: "client.nom", label: "Nom", type: "text", required: true },
        { key: "client.nom", label: "", type: "text", required: false },
        { key: "1bad key", label: "Mauvais", type: "text", required: false },
      ],
      sections: [
        { id: "a", title: "", body: "", condition: { field: "x", op: "equals", value: "" } },
        { id: "b", title: "Prix", body: "", condition: { field: "", op: "present" } },
      ],
    };
    expect(Object.fromEntries(contentIssues(broken))).toEqual({
      name: "nameRequired",
      "sections.0.title": "sectionTitleRequired",
      "sections.0.condition": "conditionValueRequired",
      "sections.1.condition": "conditionFieldRequired",
      "fields.1.key": "fieldKeyDuplicate",
      "fields.1.label": "fieldLabelRequired",
      "fields.2.key": "fieldKeyInvalid",
    });
  });
});
