/**
 * Checking templates (syntax errors with their place, unknown fields), what
 * templates may not do (helpers, triple braces, partials), and robustness
 * against any body.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkTemplate } from "./check";
import { body, contract, render, template } from "./engine-test-setup";

describe("check", () => {
  it("reports a syntax error with its 1-based line and column", () => {
    const t = template({
      sections: [
        { id: "s1", title: "Bon", body: "<p>{{contract.title}}</p>" },
        { id: "s2", title: "Prix", body: "<p>Prix :\n  {{contract.value}</p>" },
      ],
    });
    const problems = checkTemplate(t);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ sectionId: "s2", line: 2, column: 19, kind: "syntax" });
    expect(problems[0]?.message).toMatch(/unexpected “}”/);
  });

  it("reports mismatched blocks and unclosed blocks where they are", () => {
    const mismatched = checkTemplate(
      template({ sections: body("<p>a</p>\n<p>{{#if contract.title}}x{{/each}}</p>") }),
    );
    // The place of the block that does not match: the `if` of {{#if.
    expect(mismatched[0]).toMatchObject({ line: 2, column: 7, kind: "syntax" });
    expect(mismatched[0]?.message).toBe("if doesn't match each");
    const unclosed = checkTemplate(
      template({ sections: body("<p>{{#if contract.title}}\nx</p>") }),
    );
    expect(unclosed[0]).toMatchObject({ line: 2, kind: "syntax" });
    expect(unclosed[0]?.message).toMatch(/is missing/);
  });

  it("reports unknown fields where they are used, not declared or built-in ones", () => {
    const t = template({
      fields: [{ key: "deal.price", label: "Prix" }],
      sections: body(
        "<p>{{deal.price}} {{party.any_role.email}} {{company.name}}</p>\n" +
          "<p>{{#if deal.prise}}{{contract.titel}}{{/if}} {{contract}}</p>",
      ),
    });
    const problems = checkTemplate(t);
    expect(problems.map((p) => [p.kind, p.line, p.column, p.message])).toEqual([
      ["unknown_field", 2, 10, expect.stringContaining("“deal.prise”")],
      ["unknown_field", 2, 24, expect.stringContaining("“contract.titel”")],
      ["unknown_field", 2, 50, expect.stringContaining("is a group of fields")],
    ]);
  });

  it("reports invalid conditions and declared fields", () => {
    const t = template({
      fields: [
        { key: "a.b", label: "B" },
        { key: "a.b", label: "B again" },
        { key: "a.b.c", label: "C" },
      ],
      sections: [
        { id: "s1", title: "Un", body: "<p>1</p>", condition: { field: "nope", op: "present" } },
        { id: "s2", title: "Deux", body: "<p>2</p>", condition: { field: "a.b", op: "equals" } },
      ],
    });
    expect(checkTemplate(t).map((p) => [p.sectionId, p.kind])).toEqual([
      [null, "invalid_field"],
      [null, "invalid_field"],
      ["s1", "condition"],
      ["s2", "condition"],
    ]);
  });

  it("reports merge fields in titles without a position", () => {
    const t = template({ sections: [{ id: "s1", title: "De {{x.y}}", body: "<p>1</p>" }] });
    expect(checkTemplate(t)).toEqual([
      {
        sectionId: "s1",
        line: null,
        column: null,
        kind: "unknown_field",
        message: expect.stringMatching(/^in the title: unknown field “x.y”/),
      },
    ]);
  });
});

describe("what templates may not do", () => {
  const problemsOf = (text: string) =>
    checkTemplate(template({ sections: body(text) })).map((p) => [p.kind, p.message]);

  it("refuses Handlebars helpers we do not provide, and never prints template code", () => {
    for (const text of [
      '<p>{{lookup contract "title"}}</p>',
      "<p>{{lookup}}</p>",
      "<p>{{#lookup contract}}x{{/lookup}}</p>",
      "<p>{{log contract.title}}</p>",
      "<p>{{blockHelperMissing}}</p>",
      "<p>{{#blockHelperMissing}}x{{/blockHelperMissing}}</p>",
      "<p>{{helperMissing contract.title}}</p>",
      "<p>{{inconnu contract.title}}</p>",
    ]) {
      const problems = problemsOf(text);
      expect(
        problems.map(([kind]) => kind),
        text,
      ).toContain("syntax");
      const r = render(template({ sections: body(text) }));
      expect(r.sections[0]?.body, text).toBe("");
      expect(
        r.problems.some((p) => p.kind === "syntax" && p.sectionId === "s1"),
        text,
      ).toBe(true);
    }
    const notAvailable = /^“lookup” is not available in templates \(helpers: if/;
    expect(problemsOf('<p>{{lookup contract "title"}}</p>')).toEqual([
      ["syntax", expect.stringMatching(notAvailable)],
    ]);
  });

  it("refuses triple braces and {{& …}}: values are always escaped", () => {
    for (const text of ["<p>{{{contract.title}}}</p>", "<p>{{&amp; contract.title}}</p>"]) {
      expect(problemsOf(text), text).toEqual([
        ["syntax", expect.stringContaining("values are always escaped: write {{field}}")],
      ]);
      const t = template({ sections: body(text) });
      const r = render(t, {}, contract({ title: "<b>gras</b>" }));
      expect(r.sections[0]?.body).toBe("");
    }
  });

  it("reads merge fields as typed, so partials and comparisons get a clear message", () => {
    expect(problemsOf("<p>{{&gt; autre}}</p>")).toEqual([
      ["syntax", "partials ({{> …}}) are not supported in templates"],
    ]);
    expect(problemsOf("<p>{{#if contract.value &gt; 1}}x{{/if}}</p>")).toEqual([
      ["syntax", "unexpected “>” in a merge field"],
    ]);
    // Entities in literals compare as typed; outside merge fields nothing changes.
    const t = template({
      sections: body('<p>A &amp; B{{#if (eq contract.title "A &amp; B")}} oui{{/if}}</p>'),
    });
    expect(render(t, {}, contract({ title: "A & B" })).sections[0]?.body).toBe(
      "<p>A &amp; B oui</p>",
    );
  });

  it("treats names every object inherits as unknown fields, silently", () => {
    const written: string[] = [];
    const original = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    try {
      const t = template({
        sections: body("<p>{{toString}}{{valueOf}}{{hasOwnProperty}}{{contract.constructor}}</p>"),
      });
      const r = render(t);
      expect(r.problems.map((p) => p.kind)).toEqual([
        "unknown_field",
        "unknown_field",
        "unknown_field",
        "unknown_field",
      ]);
      expect(r.missing).toEqual([]);
      expect(r.sections[0]?.body).toBe("");
    } finally {
      process.stderr.write = original;
    }
    expect(written.join("")).not.toMatch(/Access has been denied/);
  });
});

describe("robustness", () => {
  it("never throws, whatever the body, and never lets a tag outside the subset through", () => {
    const pieces = fc.constantFrom(
      "{{",
      "}}",
      "{{{",
      "}}}",
      "{{#if contract.title}}",
      "{{/if}}",
      "{{else}}",
      "{{#each parties}}",
      "{{/each}}",
      "{{> p}}",
      "{{!--",
      "--}}",
      "{{this}}",
      "{{../x}}",
      "{{@root.contract.title}}",
      "{{eq a}}",
      "(",
      '"',
      "<p>",
      "</p>",
      "<script>",
      "<img src=x onerror=alert(1)>",
      "party.client.name",
      "texte",
      "\n",
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 20 }), (parts) => {
        const t = template({ sections: body(parts.join("")) });
        const r = render(t);
        expect(Array.isArray(checkTemplate(t))).toBe(true);
        for (const s of r.sections) {
          expect(s.body).not.toMatch(/<(script|img)\b/i);
        }
      }),
      { numRuns: 500 },
    );
  });
});
