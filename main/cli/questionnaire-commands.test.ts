/**
 * The questionnaire commands end to end with the real `pacta` binary:
 * write the fillable PDF, fill it as a PDF reader would, import it, read
 * the answers and the CSV back.
 */
import fs from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { PDFDocument, PDFHexString, PDFName } from "pdf-lib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openServices } from "../app/services";
import { FEEDBACK, fillPdf, seedContract } from "../questionnaires/test-fixtures";
import { runPacta } from "../test-support/cli";
import { pdfPages } from "../test-support/poppler";
import { tempDataDir } from "../test-support/temp-register";

let dataDir: string;
let questionnaireId: number;

beforeEach(() => {
  dataDir = tempDataDir();
  const s = openServices({ dataDir, actor: "tester" });
  seedContract(s);
  questionnaireId = s.questionnaires.definitions.create(FEEDBACK, null).id;
  s.close();
});

afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe("pacta questionnaire", () => {
  it("lists, attaches, writes the PDF, imports it filled and shows the answers", async () => {
    const list = runPacta(dataDir, "questionnaires", "--json");
    expect(list.status).toBe(0);
    expect(JSON.parse(list.stdout)).toMatchObject([{ id: questionnaireId, questionCount: 5 }]);

    const attach = runPacta(
      dataDir,
      "questionnaire",
      "attach",
      String(questionnaireId),
      "1",
      "--party",
      "2",
      "--json",
    );
    expect(attach.stderr).toBe("");
    const attachmentId = (JSON.parse(attach.stdout) as { id: number }).id;

    const blank = path.join(dataDir, "blank.pdf");
    const pdf = runPacta(dataDir, "questionnaire", "pdf", String(attachmentId), blank, "--json");
    expect(pdf.status).toBe(0);
    expect(JSON.parse(pdf.stdout)).toEqual({ file: blank, pages: 1 });
    expect(pdfPages(blank).join("\n")).toContain("5. Nous recommanderiez-vous ? *");

    const filled = path.join(dataDir, "filled.pdf");
    const bytes = await fillPdf(fs.readFileSync(blank), {
      text: { q1: "Tout", q4: "2027-01-31" },
      radio: { q2: "o3", q3: "3", q5: "no" },
      updateAppearances: false,
    });
    fs.writeFileSync(filled, bytes);
    const imported = runPacta(dataDir, "questionnaire", "import", filled);
    expect(imported.stderr).toBe("");
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain(`Attachment #${attachmentId}`);
    expect(imported.stdout).toContain("5 answers imported");

    const again = runPacta(dataDir, "questionnaire", "import", filled);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/filled\.pdf: this same file was imported on/);

    const csv = path.join(dataDir, "out.csv");
    const answers = runPacta(
      dataDir,
      "questionnaire",
      "answers",
      String(questionnaireId),
      "--csv",
      csv,
      "--separator",
      ";",
      "--json",
    );
    expect(answers.status).toBe(0);
    const json = JSON.parse(answers.stdout);
    expect(json).toMatchObject({ answered: 1, attachments: 1 });
    expect(json.questions[2]).toMatchObject({ questionId: "q3", average: 3 });
    const plain = runPacta(dataDir, "questionnaire", "answers", String(questionnaireId));
    expect(plain.stdout).toContain("q3. Satisfaction générale — 1 answer, average 3.00");
    const rows = Papa.parse<string[]>(fs.readFileSync(csv, "utf8").slice(1), {
      delimiter: ";",
      skipEmptyLines: true,
    }).data;
    expect(rows[1]?.slice(7)).toEqual(["Tout", "Recherche", "3", "2027-01-31", "non"]);
  });

  it("refuses a file that is not a questionnaire, naming it, and stores nothing", () => {
    const file = path.join(dataDir, "notes.pdf");
    fs.writeFileSync(file, "pas un PDF");
    const r = runPacta(dataDir, "questionnaire", "import", file);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("notes.pdf: this file is not a PDF");
    expect(r.stdout).toBe("");
    const answers = runPacta(dataDir, "questionnaire", "answers", String(questionnaireId));
    expect(answers.stdout).toContain("0 answered of 0 handed out");
  });

  it("refuses a too long answer and a too big file in words and JSON, never a stack", async () => {
    const attach = runPacta(dataDir, "questionnaire", "attach", "1", "1", "--party", "2");
    expect(attach.status).toBe(0);
    const blank = path.join(dataDir, "blank.pdf");
    expect(runPacta(dataDir, "questionnaire", "pdf", "1", blank).status).toBe(0);
    const doc = await PDFDocument.load(fs.readFileSync(blank));
    const field = doc.getForm().getTextField("answer.q1");
    field.acroField.dict.set(PDFName.of("V"), PDFHexString.fromText("a".repeat(150_000)));
    const longa = path.join(dataDir, "longa.pdf");
    const saved = await doc.save({ updateFieldAppearances: false });
    fs.writeFileSync(longa, saved);
    const text = runPacta(dataDir, "questionnaire", "import", longa);
    expect(text.status).toBe(1);
    expect(text.stderr).toContain("more than 5000 characters");
    expect(text.stderr).not.toContain("call stack");
    const json = runPacta(dataDir, "questionnaire", "import", longa, "--json");
    expect(json.status).toBe(1);
    const outcome = JSON.parse(json.stdout);
    expect(outcome.stored).toBe(false);
    expect(outcome.problems[0]).toMatchObject({ code: "text_too_long", questionId: "q1" });

    const big = path.join(dataDir, "big.pdf");
    fs.writeFileSync(big, Buffer.concat([saved, Buffer.alloc(11 * 1024 * 1024 - saved.length)]));
    const refused = runPacta(dataDir, "questionnaire", "import", big, "--json");
    expect(refused.status).toBe(1);
    const tooBig = JSON.parse(refused.stdout);
    expect(tooBig).toMatchObject({ stored: false, problems: [{ code: "too_big" }] });
    expect(tooBig.problems[0].message).toContain("big.pdf: 11 MB");
    expect(tooBig.problems[0].message).toContain("more than the 10 MB");
  });

  it("refuses handing the same questionnaire twice to a party that has not answered", () => {
    const args = ["questionnaire", "attach", String(questionnaireId), "1", "--party", "1"];
    expect(runPacta(dataDir, ...args).status).toBe(0);
    const again = runPacta(dataDir, ...args);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("not answered yet: attachment #1");
  });

  it("defines a questionnaire from a JSON file, and names what is wrong in a bad one", () => {
    const file = path.join(dataDir, "q.json");
    const trigger = { stage: "signature", partyRole: "client" };
    fs.writeFileSync(file, JSON.stringify({ ...FEEDBACK, title: "Autre", trigger }));
    const made = runPacta(dataDir, "questionnaire", "create", file, "--json");
    expect(made.stderr).toBe("");
    expect(JSON.parse(made.stdout)).toMatchObject({ version: 1, trigger });
    fs.writeFileSync(
      file,
      JSON.stringify({ title: "Vide", questions: [{ kind: "choice", text: "?" }] }),
    );
    const bad = runPacta(dataDir, "questionnaire", "create", file);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(
      "content.questions.0.options: a choice question needs at least two",
    );
  });

  it("says which separators it takes", () => {
    const r = runPacta(dataDir, "questionnaire", "answers", "1", "--separator", "|");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--separator takes , or ;");
  });
});
