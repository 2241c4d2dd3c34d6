/**
 * The templates store on a real register: versions, optimistic saves,
 * comparison, restore, archive, and refusing syntax errors.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PactaError } from "../../shared/api/result";
import {
  type TemplateContent,
  type TemplateContentInput,
  templateContentSchema,
} from "../../shared/domain/templates";
import { dispatch } from "../api/dispatch";
import { createHandlers } from "../api/handlers";
import { openTempServices } from "../test-support/temp-register";

type Temp = ReturnType<typeof openTempServices>;
let s: Temp;
beforeEach(() => {
  // A clock that moves a second per reading: saves get distinct, ordered times.
  let t = Date.parse("2026-05-04T10:00:00Z");
  s = openTempServices(() => {
    t += 1000;
    return new Date(t);
  });
});
afterEach(() => s.cleanup());

const content = (input: Partial<TemplateContentInput> = {}): TemplateContent =>
  templateContentSchema.parse({
    name: "Contrat de prestation",
    fields: [{ key: "presta.acompte", label: "Acompte", type: "amount" }],
    sections: [
      {
        id: "parties",
        title: "Parties",
        body: "<p>Entre {{company.name}} et {{party.client.name}}.</p>",
      },
      { id: "objet", title: "Objet", body: "<p>Le Prestataire réalise les prestations.</p>" },
      { id: "prix", title: "Prix", body: "<p>Le prix est de {{contract.value}}.</p>" },
    ],
    ...input,
  });

describe("templates", () => {
  it("creates version 1 and lists it", () => {
    const t = s.templates.create(content());
    expect(t).toMatchObject({
      id: 1,
      name: "Contrat de prestation",
      language: "fr",
      version: 1,
      sectionCount: 3,
      fieldCount: 1,
      archived: false,
    });
    expect(s.templates.list()).toEqual([
      expect.objectContaining({ id: 1, version: 1, sectionCount: 3 }),
    ]);
    expect(s.templates.versions(1)).toEqual([
      { version: 1, savedAt: t.updatedAt, savedBy: "tester", note: null },
    ]);
  });

  it("sanitizes bodies on save, keeping merge fields and their quotes", () => {
    const t = s.templates.create(
      content({
        sections: [
          {
            id: "a",
            title: "A",
            body:
              '<p onclick="x()">Bonjour <b>{{party.client.name}}</b><script>alert(1)</script>' +
              '<a href="https://x">lien</a>' +
              '{{#if (eq contract.type "NDA & co")}}<i>nda</i>{{/if}}</p>' +
              "<h1>Titre</h1><table><tr><td>cell</td></tr></table>",
          },
        ],
      }),
    );
    expect(t.content.sections[0]?.body).toBe(
      '<p>Bonjour <strong>{{party.client.name}}</strong>lien{{#if (eq contract.type "NDA & co")}}' +
        "<em>nda</em>{{/if}}</p><h3>Titre</h3>cell",
    );
  });

  it("lets no HTML through inside merge-field braces", () => {
    const t = s.templates.create(
      content({
        sections: [
          { id: "a", title: "A", body: '<p>{{upper "<img src=x onerror=alert(1)>"}}</p>' },
        ],
      }),
    );
    // Braces holding a tag are cleaned like text: the tag is gone.
    expect(t.content.sections[0]?.body).toBe('<p>{{upper ""}}</p>');
  });

  it("saves each change as a new version and refuses a stale one", () => {
    s.templates.create(content());
    const v2 = s.templates.save(1, content({ name: "Prestation v2" }), 1, "renamed");
    expect(v2.version).toBe(2);
    expect(v2.name).toBe("Prestation v2");
    let stale: unknown;
    try {
      s.templates.save(1, content({ name: "from an old tab" }), 1);
    } catch (error) {
      stale = error;
    }
    expect(stale).toBeInstanceOf(PactaError);
    expect((stale as PactaError).reason).toBe("stale_update");
    expect((stale as PactaError).message).toMatch(/template #1 is at version 2/);
    expect(s.templates.versions(1).map((v) => [v.version, v.note])).toEqual([
      [2, "renamed"],
      [1, null],
    ]);
    expect(s.templates.get(1, 1).content.name).toBe("Contrat de prestation");
    expect(s.templates.get(1, 1).version).toBe(1);
    expect(s.templates.version(1, 2)).toMatchObject({ templateId: 1, version: 2, note: "renamed" });
  });

  it("refuses syntax errors with the sections' titles, and saves unknown fields", () => {
    s.templates.create(content());
    const broken = content({
      sections: [
        { id: "a", title: "Parties", body: "<p>ok</p>" },
        { id: "b", title: "Prix", body: "<p>Le prix :\n{{contract.value</p>" },
        { id: "c", title: "Durée", body: "<p>{{#if contract.endDate}}</p>" },
      ],
    });
    let error: PactaError | null = null;
    try {
      s.templates.save(1, broken, 1);
    } catch (e) {
      error = e as PactaError;
    }
    expect(error?.reason).toBe("invalid_argument");
    expect(error?.message).toMatch(
      /^the template has 2 syntax errors: “Prix”, line 2, column \d+: .*; “Durée”, line 1/,
    );
    expect(error?.issues?.map((i) => i.path)).toEqual([
      ["content", "sections", 1, "body"],
      ["content", "sections", 2, "body"],
    ]);
    expect(s.templates.get(1).version).toBe(1);
    const unknown = content({
      sections: [{ id: "a", title: "A", body: "<p>{{presta.inconnu}}</p>" }],
    });
    expect(s.templates.save(1, unknown, 1).version).toBe(2);
  });

  it("compares versions section by section, word by word", () => {
    s.templates.create(content());
    const next = content({
      fields: [
        { key: "presta.acompte", label: "Acompte versé", type: "amount", required: true },
        { key: "presta.delai", label: "Délai", type: "number" },
      ],
      sections: [
        { id: "objet", title: "Objet", body: "<p>Le Prestataire réalise les prestations.</p>" },
        {
          id: "parties",
          title: "Parties",
          body: "<p>Entre {{company.name}} et {{party.client.name}}.</p>",
        },
        { id: "delai", title: "Délai", body: "<p>{{presta.delai}} jours.</p>" },
      ],
    });
    s.templates.save(1, next, 1);
    const third = content({
      ...next,
      sections: [
        {
          id: "objet",
          title: "Objet",
          body: "<p>Le Prestataire réalise <strong>toutes</strong> les prestations.</p>",
        },
        ...(next.sections.slice(1) as TemplateContentInput["sections"]),
      ],
    });
    s.templates.save(1, third, 2);
    const c = s.templates.compare(1, 1, 2);
    // A removed section shows after the one it followed in the older version.
    expect(c.sections.map((x) => [x.id, x.change])).toEqual([
      ["objet", "same"],
      ["prix", "removed"],
      ["parties", "moved"],
      ["delai", "added"],
    ]);
    expect(c.fieldChanges).toEqual([
      "changed presta.acompte: label “Acompte” → “Acompte versé”, now required",
      "added presta.delai (“Délai”, number)",
    ]);
    const words = s.templates.compare(1, 2, 3).sections[0];
    expect(words?.change).toBe("changed");
    expect(words?.diff).toEqual([
      { kind: "same", text: "Objet\nLe Prestataire réalise " },
      { kind: "added", text: "toutes " },
      { kind: "same", text: "les prestations." },
    ]);
  });

  it("restores an old version as a new one, and archives", () => {
    s.templates.create(content());
    s.templates.save(1, content({ name: "Autre nom" }), 1);
    const restored = s.templates.restore(1, 1);
    expect(restored.version).toBe(3);
    expect(restored.name).toBe("Contrat de prestation");
    expect(s.templates.versions(1)[0]).toMatchObject({ version: 3, note: "restored version 1" });
    expect(s.templates.compare(1, 1, 3).sections.every((x) => x.change === "same")).toBe(true);
    s.templates.archive(1, true);
    expect(s.templates.list()).toEqual([]);
    expect(s.templates.list(true)[0]?.archived).toBe(true);
    expect(s.templates.archive(1, false).archived).toBe(false);
    expect(() => s.templates.get(9)).toThrow(/there is no template #9/);
    expect(() => s.templates.get(1, 9)).toThrow(/template #1 has no version 9/);
  });

  it("keeps versions append-only in the database", () => {
    s.templates.create(content());
    expect(() => s.db.prepare("UPDATE template_versions SET note = 'x'").run()).toThrow(
      /append-only/,
    );
    expect(() => s.db.prepare("DELETE FROM template_versions").run()).toThrow(/append-only/);
  });
});

describe("templates through the API", () => {
  it("answers every method of the group, with reasons for failures", async () => {
    const h = createHandlers(s, { door: "headless", version: "test" });
    const call = (channel: string, args: unknown) => dispatch(h, channel, args);
    const created = await call("templates.create", { content: content() });
    expect(created).toMatchObject({ ok: true, value: { id: 1, version: 1 } });
    const check = await call("templates.check", {
      content: content({ sections: [{ id: "a", title: "A", body: "{{nope}} {{#if}}" }] }),
    });
    expect(check).toMatchObject({ ok: true, value: [{ sectionId: "a", kind: "syntax" }] });
    const stale = await call("templates.save", { id: 1, content: content(), expectedVersion: 5 });
    expect(stale).toMatchObject({ ok: false, error: { reason: "stale_update" } });
    const preview = await call("templates.preview", { content: content() });
    expect(preview).toMatchObject({
      ok: true,
      value: { sections: [{ title: "Parties" }, { title: "Objet" }, { title: "Prix" }] },
    });
    const catalog = await call("templates.catalog", {});
    expect(catalog.ok && (catalog.value as { key: string }[]).map((f) => f.key)).toEqual(
      expect.arrayContaining(["contract.endDate", "company.name", "party.client.name", "parties"]),
    );
    const imported = await call("templates.importMarkdown", {
      fileName: "x.en.md",
      content: "# X\n\n## One\n\nHello {{party.customer.name}}.",
    });
    expect(imported).toMatchObject({ ok: true, value: { id: 2, language: "en", fieldCount: 1 } });
    expect(await call("templates.versions", { id: 2 })).toMatchObject({
      ok: true,
      value: [{ version: 1, note: "imported from x.en.md" }],
    });
    expect(await call("templates.get", { id: 3 })).toMatchObject({
      ok: false,
      error: { reason: "not_found" },
    });
  });
});
