/**
 * Filled PDFs and answers that must be refused: each with a clear code and
 * words naming the question or the file, and nothing stored.
 */
import fs from "node:fs";
import { PDFDocument, PDFHexString, PDFName } from "pdf-lib";
import PDFKit from "pdfkit";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AnswerOutcome, AnswerProblem } from "../../shared/domain/questionnaires";
import { openServices, type PactaServices } from "../app/services";
import { loadFonts } from "../pdf/fonts";
import { tempDataDir } from "../test-support/temp-register";
import { FEEDBACK, fillPdf, seedContract } from "./test-fixtures";

const dirs: string[] = [];
const open: PactaServices[] = [];

function register(): PactaServices {
  const dataDir = tempDataDir();
  dirs.push(dataDir);
  const s = openServices({ dataDir, actor: "tester" });
  open.push(s);
  return s;
}

let s: PactaServices;
let attachmentId: number;
let blank: Buffer;

async function setup(services: PactaServices): Promise<{ id: number; pdf: Buffer }> {
  const contractId = seedContract(services);
  const q = services.questionnaires.definitions.create(FEEDBACK, null);
  const a = services.questionnaires.answers.attach(q.id, contractId, 1);
  return { id: a.id, pdf: (await services.questionnaires.pdf(a.id)).bytes };
}

beforeEach(async () => {
  s = register();
  const made = await setup(s);
  attachmentId = made.id;
  blank = made.pdf;
});

afterEach(() => {
  for (const x of open.splice(0)) x.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function refused(outcome: AnswerOutcome): AnswerProblem[] {
  if (outcome.stored) throw new Error("the answers were stored");
  return outcome.problems;
}

function nothingStored(): void {
  const n = s.db.prepare("SELECT count(*) AS n FROM questionnaire_responses").get() as {
    n: number;
  };
  expect(n.n).toBe(0);
  expect(s.questionnaires.answers.detail(attachmentId).status).toBe("pending");
}

const good = { radio: { q2: "o1", q3: "5", q5: "yes" }, updateAppearances: false };

describe("refused imports", () => {
  it("names every required question left empty", async () => {
    const filled = await fillPdf(blank, { text: { q1: "rien" }, updateAppearances: false });
    const problems = refused(await s.questionnaires.importPdf("vide.pdf", filled));
    expect(problems.map((p) => [p.code, p.questionId])).toEqual([
      ["required_missing", "q2"],
      ["required_missing", "q3"],
      ["required_missing", "q5"],
    ]);
    expect(problems[1]?.message).toContain("Satisfaction générale");
    nothingStored();
  });

  it("refuses a date it cannot read, naming the question", async () => {
    const filled = await fillPdf(blank, { ...good, text: { q4: "31/02/2027" } });
    const [problem] = refused(await s.questionnaires.importPdf("date.pdf", filled));
    expect(problem).toMatchObject({
      code: "date_unreadable",
      questionId: "q4",
      found: "31/02/2027",
    });
    expect(problem?.message).toContain("Date de la prochaine revue");
    nothingStored();
  });

  it("refuses a file that is not a PDF, too big, encrypted or damaged", async () => {
    const cases: [string, Uint8Array, string][] = [
      ["notes.pdf", Buffer.from("Bonjour, voici mes réponses"), "not_a_pdf"],
      [
        "huge.pdf",
        Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(11 * 1024 * 1024)]),
        "too_big",
      ],
      ["locked.pdf", await encryptedPdf(), "encrypted"],
      ["cut.pdf", blank.subarray(0, Math.floor(blank.length / 3)), "damaged"],
    ];
    for (const [name, bytes, code] of cases) {
      const [problem] = refused(await s.questionnaires.importPdf(name, bytes));
      expect(problem?.code, name).toBe(code);
      expect(problem?.message).toContain(name);
    }
    nothingStored();
  });

  it("refuses a PDF that is not ours, or ours printed to PDF", async () => {
    const other = await PDFDocument.create();
    other.addPage();
    const [foreign] = refused(await s.questionnaires.importPdf("autre.pdf", await other.save()));
    expect(foreign?.code).toBe("not_ours");
    // "Printed to PDF": the pages come through, the form does not.
    const filled = await PDFDocument.load(await fillPdf(blank, good));
    const printed = await PDFDocument.create();
    for (const page of await printed.copyPages(filled, filled.getPageIndices())) {
      printed.addPage(page);
    }
    const [flat] = refused(await s.questionnaires.importPdf("plat.pdf", await printed.save()));
    expect(flat?.code).toBe("not_ours");
    expect(flat?.message).toContain("flattened");
    nothingStored();
  });

  it("refuses a PDF made by another register for an attachment with the same id", async () => {
    const elsewhere = await setup(register());
    expect(elsewhere.id).toBe(attachmentId);
    const filled = await fillPdf(elsewhere.pdf, good);
    const [problem] = refused(await s.questionnaires.importPdf("ailleurs.pdf", filled));
    expect(problem?.code).toBe("wrong_attachment");
    expect(problem?.message).toContain("another Pacta register");
    nothingStored();
  });

  it("refuses a PDF whose contract was deleted since", async () => {
    const filled = await fillPdf(blank, good);
    const contractId = s.questionnaires.answers.detail(attachmentId).contractId;
    s.register.remove(contractId);
    const [problem] = refused(await s.questionnaires.importPdf("tard.pdf", filled));
    expect(problem?.code).toBe("wrong_attachment");
    const n = s.db.prepare("SELECT count(*) AS n FROM questionnaire_responses").get();
    expect(n).toEqual({ n: 0 });
  });

  it("refuses an answer set past the field's limit by another tool", async () => {
    const doc = await PDFDocument.load(await fillPdf(blank, good));
    const field = doc.getForm().getTextField("answer.q1");
    // Past MaxLen 5000, as a third-party tool could write it; pdf-lib cannot decode it.
    field.acroField.dict.set(PDFName.of("V"), PDFHexString.fromText("a".repeat(150_000)));
    const saved = await doc.save({ updateFieldAppearances: false });
    const outcome = await s.questionnaires.importPdf("longa.pdf", saved);
    expect(outcome).toMatchObject({ stored: false });
    const problems = refused(outcome);
    expect(problems.map((p) => [p.code, p.questionId])).toEqual([["text_too_long", "q1"]]);
    expect(problems[0]?.message).toBe(
      'question q1 ("Qu’avez-vous apprécié ?"): more than 5000 characters',
    );
    nothingStored();
  });

  it("refuses the same file twice", async () => {
    const filled = await fillPdf(blank, good);
    expect((await s.questionnaires.importPdf("r.pdf", filled)).stored).toBe(true);
    const [problem] = refused(await s.questionnaires.importPdf("r.pdf", filled));
    expect(problem?.code).toBe("already_imported");
  });
});

describe("refused answers by hand", () => {
  it("names a scale out of range, an unknown option and an unreadable yes/no", () => {
    const problems = refused(
      s.questionnaires.answer(
        attachmentId,
        { q2: "Autre", q3: "7", q5: "peut-être", q9: "?" },
        "manual",
      ),
    );
    expect(problems.map((p) => [p.code, p.questionId])).toEqual([
      ["unknown_question", "q9"],
      ["choice_unknown", "q2"],
      ["scale_out_of_range", "q3"],
      ["yesno_unreadable", "q5"],
    ]);
    expect(problems[1]?.message).toContain("Bouche-à-oreille");
    nothingStored();
  });

  it("refuses a correction that clears a required answer or changes nothing", () => {
    expect(
      s.questionnaires.answer(attachmentId, { q2: "recherche", q3: "3", q5: "oui" }, "manual"),
    ).toMatchObject({ stored: true });
    const [cleared] = refused(s.questionnaires.answer(attachmentId, { q3: "" }, "correction"));
    expect(cleared).toMatchObject({ code: "required_missing", questionId: "q3" });
    const [same] = refused(s.questionnaires.answer(attachmentId, { q3: "3" }, "correction"));
    expect(same?.code).toBe("no_change");
    const detail = s.questionnaires.answers.detail(attachmentId);
    expect(detail.responses).toHaveLength(1);
    expect(detail.answers.find((a) => a.questionId === "q2")?.value).toBe("Recherche");
  });
});

describe("handing out", () => {
  it("refuses a second pending attachment of the same version to the same party", () => {
    const { questionnaireId, contractId } = s.questionnaires.answers.detail(attachmentId);
    const again = () => s.questionnaires.answers.attach(questionnaireId, contractId, 1);
    expect(again).toThrow(`not answered yet: attachment #${attachmentId}`);
    const n = s.db.prepare("SELECT count(*) AS n FROM questionnaire_attachments").get();
    expect(n).toEqual({ n: 1 });
    // Another party may have it; once answered, the same party may have it again.
    expect(s.questionnaires.answers.attach(questionnaireId, contractId, 0).id).not.toBe(
      attachmentId,
    );
    const answered = s.questionnaires.answer(
      attachmentId,
      { q2: "Recherche", q3: "4", q5: "oui" },
      "manual",
    );
    expect(answered.stored).toBe(true);
    expect(again().id).toBeGreaterThan(attachmentId);
  });
});

/** A PDF with a password, as pdfkit writes one. */
function encryptedPdf(): Promise<Buffer> {
  const doc = new PDFKit({ userPassword: "secret", ownerPassword: "owner" });
  doc.registerFont("regular", loadFonts().files.regular);
  doc.font("regular").text("Questionnaire");
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) =>
    doc.on("end", () => resolve(Buffer.concat(chunks))),
  );
  doc.end();
  return done;
}
