/**
 * The questionnaire round trip through the API: define, attach, generate
 * the fillable PDF, fill it as a PDF reader would, import it, see the
 * answers; the PDF read back with poppler.
 */
import fs from "node:fs";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ApiResult } from "../../shared/api/result";
import type {
  AnswerOutcome,
  AttachmentDetail,
  Questionnaire,
} from "../../shared/domain/questionnaires";
import { dispatch } from "../api/dispatch";
import { createHandlers } from "../api/handlers";
import { openServices, type PactaServices } from "../app/services";
import { pdfFonts, pdfPages } from "../test-support/poppler";
import { tempDataDir } from "../test-support/temp-register";
import { FEEDBACK, fillPdf, seedContract } from "./test-fixtures";

let dataDir: string;
let s: PactaServices;
let call: <T>(channel: string, args: unknown) => Promise<T>;

beforeEach(() => {
  dataDir = tempDataDir();
  s = openServices({ dataDir, actor: "Claire Martin" });
  const handlers = createHandlers(s, { door: "headless", version: "test" });
  call = async <T>(channel: string, args: unknown) => {
    const r = (await dispatch(handlers, channel, args)) as ApiResult<T>;
    if (!r.ok) throw new Error(`${channel}: ${r.error.reason} ${r.error.detail ?? ""}`);
    return r.value;
  };
});

afterEach(() => {
  s.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function attached(): Promise<{ q: Questionnaire; a: AttachmentDetail; pdf: Buffer }> {
  const contractId = seedContract(s);
  const q = await call<Questionnaire>("questionnaires.create", { content: FEEDBACK });
  const a = await call<AttachmentDetail>("questionnaires.attach", {
    questionnaireId: q.id,
    contractId,
    partyIndex: 1,
  });
  const r = await call<{ base64: string }>("questionnaires.pdf", { attachmentId: a.id });
  return { q, a, pdf: Buffer.from(r.base64, "base64") };
}

describe("questionnaire round trip", () => {
  it("gives new questions ids and keeps the party", async () => {
    const { q, a } = await attached();
    expect(q.content.questions.map((x) => x.id)).toEqual(["q1", "q2", "q3", "q4", "q5"]);
    expect(a.party).toEqual({
      name: "ООО «Ромашка»",
      email: "ivan@romashka.example",
      role: "client",
    });
    expect(a.status).toBe("pending");
  });

  it("prints the questions, options and party so that pdftotext reads them", async () => {
    const { pdf, a } = await attached();
    const file = path.join(dataDir, "form.pdf");
    fs.writeFileSync(file, pdf);
    const pages = pdfPages(file);
    // The footer stays on its page: five questions fit on one.
    expect(pages).toHaveLength(1);
    const text = pages.join("\n");
    for (const words of [
      "Retour après signature",
      "1. Qu’avez-vous apprécié ?",
      "2. Comment nous avez-vous connus ? *",
      "Salon « Droit & Tech »",
      "3. Satisfaction générale *",
      "JJ/MM/AAAA",
      "Oui",
      "Non",
      "ООО «Ромашка»",
      `envoi n° ${a.id} · Page 1 / 1`,
    ]) {
      expect(text).toContain(words);
    }
    expect(pdfFonts(file).every((f) => f.embedded && f.name.includes("DejaVuSans"))).toBe(true);
    const form = (await PDFDocument.load(pdf)).getForm();
    const names = form.getFields().map((f) => f.getName());
    expect(names).toEqual(
      expect.arrayContaining(["pacta.form", "answer.q1", "answer.q2", "answer.q5"]),
    );
    expect(form.getRadioGroup("answer.q3").getOptions()).toEqual(["1", "2", "3", "4", "5"]);
    expect(form.getRadioGroup("answer.q5").getOptions()).toEqual(["yes", "no"]);
  });

  it("imports the answers of a PDF filled as a reader fills it", async () => {
    const { a, pdf } = await attached();
    const filled = await fillPdf(pdf, {
      text: { q1: "La réactivité de l’équipe — спасибо", q4: "15/03/2027" },
      radio: { q2: "o2", q3: "4", q5: "yes" },
      respondentName: "Иван Петров",
      updateAppearances: false,
    });
    const outcome = await call<AnswerOutcome>("questionnaires.importPdf", {
      fileName: "retour.pdf",
      base64: Buffer.from(filled).toString("base64"),
    });
    if (!outcome.stored) throw new Error(JSON.stringify(outcome.problems));
    expect(outcome.response).toMatchObject({
      source: "pdf",
      respondentName: "Иван Петров",
      respondentEmail: "ivan@romashka.example",
      fileName: "retour.pdf",
      recordedBy: "Claire Martin",
    });
    const seen = await call<AttachmentDetail>("questionnaires.attachment", { id: a.id });
    expect(seen.status).toBe("answered");
    expect(Object.fromEntries(seen.answers.map((x) => [x.questionId, x.value]))).toEqual({
      q1: "La réactivité de l’équipe — спасибо",
      q2: "Salon « Droit & Tech »",
      q3: "4",
      q4: "2027-03-15",
      q5: "yes",
    });
  });

  it("keeps the value a correction replaced", async () => {
    const { a, pdf } = await attached();
    const filled = await fillPdf(pdf, {
      radio: { q2: "o1", q3: "2", q5: "no" },
      updateAppearances: false,
    });
    await call("questionnaires.importPdf", {
      fileName: "r.pdf",
      base64: Buffer.from(filled).toString("base64"),
    });
    const fixed = await call<AnswerOutcome>("questionnaires.answer", {
      attachmentId: a.id,
      mode: "correction",
      values: { q3: "3" },
    });
    if (!fixed.stored) throw new Error(JSON.stringify(fixed.problems));
    expect(fixed.response.changes).toEqual([{ questionId: "q3", before: "2", after: "3" }]);
    expect(fixed.attachment.answers.find((x) => x.questionId === "q3")?.value).toBe("3");
    expect(fixed.attachment.responses.map((r) => r.source)).toEqual(["pdf", "correction"]);
  });

  it("spreads a long questionnaire over pages, each numbered, and reads it back", async () => {
    const contractId = seedContract(s);
    const questions = Array.from({ length: 30 }, (_, i) => ({
      kind: "choice" as const,
      text: `Question ${i + 1} : laquelle ?`,
      required: true,
      options: ["Un", "Deux", "Trois", "Quatre"],
    }));
    const q = s.questionnaires.definitions.create({ title: "Long", questions }, null);
    const a = s.questionnaires.answers.attach(q.id, contractId, 0);
    const pdf = await s.questionnaires.pdf(a.id);
    const file = path.join(dataDir, "long.pdf");
    fs.writeFileSync(file, pdf.bytes);
    const pages = pdfPages(file);
    expect(pages.length).toBe(pdf.pages);
    expect(pdf.pages).toBeGreaterThan(2);
    pages.forEach((text, i) => {
      expect(text).toContain(`Page ${i + 1} / ${pdf.pages}`);
    });
    const radio = Object.fromEntries(questions.map((_, i) => [`q${i + 1}`, `o${(i % 4) + 1}`]));
    const filled = await fillPdf(pdf.bytes, { radio });
    const outcome = await s.questionnaires.importPdf("long.pdf", filled);
    if (!outcome.stored) throw new Error(JSON.stringify(outcome.problems));
    expect(outcome.attachment.answers.map((x) => x.value).slice(0, 5)).toEqual([
      "Un",
      "Deux",
      "Trois",
      "Quatre",
      "Un",
    ]);
  });
});
