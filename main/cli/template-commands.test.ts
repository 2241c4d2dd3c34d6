/**
 * `pacta templates`, `pacta template import` and `pacta generate` as
 * scripts use them: the real binary on a real data folder.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contractInputSchema } from "../../shared/domain/contract";
import { templateContentSchema } from "../../shared/domain/templates";
import { openServices } from "../app/services";
import { runPacta } from "../test-support/cli";
import { tempDataDir } from "../test-support/temp-register";

const fixtures = path.resolve(__dirname, "../templates/fixtures");
let dataDir: string;

beforeEach(() => {
  dataDir = tempDataDir();
  const s = openServices({ dataDir, actor: "setup" });
  s.register.create(
    contractInputSchema.parse({
      reference: "C-2026-001",
      title: "Refonte du site",
      parties: [
        { name: "Agence Lumière", role: "prestataire", internal: true },
        { name: "Boulangerie Dupont", role: "Client" },
      ],
      value: 48000,
      currency: "EUR",
      effectiveDate: "2026-06-01",
      endDate: "2027-05-31",
      renewal: { kind: "automatic", term: "P1Y", notice: "P3M" },
    }),
  );
  s.close();
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function pacta(...args: string[]) {
  return runPacta(dataDir, ...args);
}

function importFixture() {
  const r = pacta("template", "import", path.join(fixtures, "prestation.fr.md"));
  expect(r.status, r.stderr).toBe(0);
  return r;
}

describe("pacta template import and pacta templates", () => {
  it("imports a Markdown template and lists it", () => {
    expect(pacta("templates").stdout).toBe(
      "No templates yet: import one with pacta template import FILE.md\n",
    );
    expect(importFixture().stdout).toBe(
      'prestation.fr.md: imported as template #1 "Contrat de prestation de services" (fr), ' +
        "4 sections, 9 fields\n",
    );
    const listed = pacta("templates");
    expect(listed.status).toBe(0);
    const header = "ID +NAME +LANGUAGE +VERSION +SECTIONS +FIELDS +UPDATED";
    const row = String.raw`1 +Contrat de prestation de services +fr +1 +4 +9 +\d{4}-\d\d-\d\d`;
    expect(listed.stdout).toMatch(new RegExp(`^${header}\n${row}\n1 template\n$`));
    const json = pacta("templates", "--json");
    expect(JSON.parse(json.stdout)).toEqual([
      expect.objectContaining({ id: 1, version: 1, sectionCount: 4, fieldCount: 9 }),
    ]);
  });

  it("prints the template as JSON with --json", () => {
    const r = pacta(
      "template",
      "import",
      path.join(fixtures, "services.en.md"),
      "--json",
      "--language",
      "en",
    );
    expect(r.status, r.stderr).toBe(0);
    const t = JSON.parse(r.stdout);
    expect(t).toMatchObject({ id: 1, language: "en", name: "Mutual Services Terms" });
    expect(t.content.sections).toHaveLength(3);
  });

  it("exits 1 on an unreadable file or a broken template, 2 on a usage mistake", () => {
    const missing = pacta("template", "import", path.join(dataDir, "nope.md"));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^pacta: cannot read .*nope\.md: no such file\n$/);
    const broken = path.join(dataDir, "broken.md");
    fs.writeFileSync(broken, "# Cassé\n\n## Prix\n\nLe prix est de {{contract.value}\n");
    const r = pacta("template", "import", broken);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      "pacta: broken.md: the template has a syntax error: “Prix”, line 1, column 35: " +
        "unexpected “}” in a merge field\n",
    );
    expect(pacta("template", "import", broken, "--language", "de").status).toBe(2);
    expect(pacta("template", "import").status).toBe(2);
    expect(pacta("templates").stdout).toMatch(/^No templates yet/);
  });
});

describe("pacta template import refuses what is not a template file", () => {
  it("refuses a binary file, with NUL bytes or without", () => {
    const png = path.join(dataDir, "logo.md");
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
    fs.writeFileSync(png, Buffer.concat([Buffer.from("\x89PNG\r\n\x1a\n"), bytes]));
    const r = pacta("template", "import", png);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("pacta: logo.md is not a text file\n");
    // No NUL at all: bytes that only decode as a soup of control characters.
    const noNul = path.join(dataDir, "archive.md");
    fs.writeFileSync(noNul, Buffer.from(bytes.filter((b) => b !== 0)));
    expect(pacta("template", "import", noNul).stderr).toBe(
      "pacta: archive.md is not a text file\n",
    );
    expect(pacta("templates").stdout).toMatch(/^No templates yet/);
  });

  it("refuses a file over 2 MB before parsing it, naming the limit", () => {
    const big = path.join(dataDir, "big.md");
    fs.writeFileSync(big, `# Gros\n\n## Objet\n\n${"Du texte. ".repeat(2_200_000)}\n`);
    const started = Date.now();
    const r = pacta("template", "import", big);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("pacta: big.md is 21.0 MB: a template file may be 2 MB at most\n");
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe("pacta generate", () => {
  it("generates a contract's text, naming the fields still empty", () => {
    importFixture();
    const r = pacta("generate", "1", "--template", "1", "--set", "presta.acompte=5000");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(
      'Contract #1: text generated from template #1 "Contrat de prestation de services" ' +
        "(version 1), 4 sections\nStill empty: presta.catalogue_url\n",
    );
    const json = pacta(
      "generate",
      "1",
      "--template",
      "1",
      "--set",
      "presta.catalogue_url=https://exemple.fr/catalogue?a=1&b=2",
      "--set",
      "presta.penalites=150 €",
      "--json",
    );
    expect(json.status, json.stderr).toBe(0);
    const { document, missing } = JSON.parse(json.stdout);
    expect(missing).toEqual([]);
    expect(document.values).toEqual({
      "presta.acompte": "5000",
      "presta.catalogue_url": "https://exemple.fr/catalogue?a=1&b=2",
      "presta.penalites": "150 €",
    });
    const text = document.sections.map((s: { body: string }) => s.body).join("\n");
    expect(text).toContain("<strong>Agence Lumière</strong>");
    expect(text).toContain("Boulangerie Dupont");
    expect(text).toContain("(https://exemple.fr/catalogue?a=1&amp;b=2)");
    // Imported fields are text: the amount prints as typed.
    expect(text).toContain("<p>\nUn acompte de 5000 est versé à la signature.\n</p>");
    expect(text).toContain("Le contrat prend effet le 1er juin 2026 et prend fin le\n31 mai 2027.");
    const shown = JSON.parse(pacta("show", "1", "--json").stdout);
    expect(shown.history.map((h: { action: string }) => h.action)).toEqual([
      "created",
      "document",
      "document",
    ]);
    expect(pacta("verify").stdout).toBe("History intact: 3 entries, hash chain verified.\n");
  });

  it("exits 2 on usage mistakes and 1 when the contract or template is missing", () => {
    importFixture();
    const noTemplate = pacta("generate", "1");
    expect(noTemplate.status).toBe(2);
    expect(noTemplate.stderr).toBe("pacta: required option '--template <id>' not specified\n");
    const badSet = pacta("generate", "1", "--template", "1", "--set", "no-equals");
    expect(badSet.status).toBe(2);
    expect(badSet.stderr).toMatch(/--set takes key=value/);
    const unknown = pacta("generate", "1", "--template", "1", "--set", "presta.lieux=Lyon");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^pacta: template #1 has no field "presta.lieux"; its fields/);
    expect(pacta("generate", "x", "--template", "1").status).toBe(2);
    expect(pacta("generate", "1", "--template", "one").status).toBe(2);
    const noContract = pacta("generate", "9", "--template", "1");
    expect(noContract.status).toBe(1);
    expect(noContract.stderr).toBe("pacta: there is no contract #9\n");
    const missingTemplate = pacta("generate", "1", "--template", "7");
    expect(missingTemplate.status).toBe(1);
    expect(missingTemplate.stderr).toBe("pacta: there is no template #7\n");
    expect(pacta("show", "1", "--json").stdout).not.toContain('"document"');
  });

  it("exits 1 with a clear line when the template is archived", () => {
    importFixture();
    const s = openServices({ dataDir, actor: "setup" });
    s.templates.archive(1, true);
    s.close();
    const r = pacta("generate", "1", "--template", "1");
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      "pacta: template #1 (Contrat de prestation de services) is archived: " +
        "unarchive it to use it\n",
    );
  });

  it("refuses a template that uses a helper we do not provide, at import and generate", () => {
    const file = path.join(dataDir, "lookup.md");
    fs.writeFileSync(file, '# Lookup\n\n## Objet\n\nTitre : {{lookup contract "title"}}.\n');
    const imported = pacta("template", "import", file);
    expect(imported.status).toBe(1);
    const cause = "“lookup” is not available in templates";
    const syntaxError = `the template has a syntax error: “Objet”, line 1, column 14: ${cause}`;
    expect(imported.stderr).toMatch(new RegExp(String.raw`^pacta: lookup\.md: ${syntaxError}`));
    // A template stored before this check existed: generate refuses it, stores nothing.
    importFixture();
    const s = openServices({ dataDir, actor: "setup" });
    const t = s.templates.get(1);
    const content = structuredClone(t.content);
    const objet = content.sections.find((x) => x.title === "Objet");
    if (!objet) throw new Error("the fixture has an “Objet” section");
    objet.body = '<p>Titre : {{lookup contract "title"}}.</p>';
    s.db
      .prepare(
        `INSERT INTO template_versions (template_id, version, content, saved_at, saved_by)
         VALUES (1, 2, ?, '2026-05-04T10:00:00Z', 'older version')`,
      )
      .run(JSON.stringify(content));
    s.db.prepare("UPDATE templates SET current_version = 2 WHERE id = 1").run();
    s.close();
    const r = pacta("generate", "1", "--template", "1");
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^pacta: the template has a syntax error: “Objet”, line 1/);
    expect(r.stdout).toBe("");
    const shown = pacta("show", "1", "--json").stdout;
    expect(shown).not.toContain("lookup");
    expect(shown).not.toContain('"document"');
  });

  it("prints what is wrong with the template on stderr, and in --json", () => {
    const file = path.join(dataDir, "unknown.md");
    fs.writeFileSync(file, "# Inconnu\n\n## Objet\n\nLieu : {{presta.ville}} {{toString}}.\n");
    expect(pacta("template", "import", file).status).toBe(0);
    const r = pacta("generate", "1", "--template", "1");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^pacta: warning: “Objet”, line 1: unknown field “toString”/);
    expect(r.stderr).not.toMatch(/Access has been denied/);
    const json = JSON.parse(pacta("generate", "1", "--template", "1", "--json").stdout);
    expect(json.problems).toEqual([
      expect.objectContaining({ kind: "unknown_field", line: 1, column: 30 }),
    ]);
  });

  it("warns about required fields still empty and refuses a value of the wrong type", () => {
    const s = openServices({ dataDir, actor: "setup" });
    s.templates.create(
      templateContentSchema.parse({
        name: "Bail",
        fields: [
          { key: "bail.loyer", label: "Loyer", type: "amount", required: true },
          { key: "bail.note", label: "Note" },
        ],
        sections: [{ id: "s", title: "Loyer", body: "<p>{{bail.loyer}} {{bail.note}}</p>" }],
      }),
    );
    s.close();
    const r = pacta("generate", "1", "--template", "1");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\nStill empty: bail\.note\n$/);
    expect(r.stderr).toBe(
      "pacta: warning: required fields still empty: Loyer (bail.loyer); " +
        "fill them with --set key=value\n",
    );
    const wrong = pacta("generate", "1", "--template", "1", "--set", "bail.loyer=abc");
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toBe(
      "pacta: “Loyer” (bail.loyer) takes an amount such as 12500, 12 500,50 or 12 500 €, " +
        "not “abc”\n",
    );
  });
});
