/** The questionnaires group of the API (issue 7). */
import { z } from "zod";
import {
  type AnswerOutcome,
  type AttachmentDetail,
  PDF_MAX_BYTES,
  type Questionnaire,
  type QuestionnaireResults,
  type QuestionnaireSummary,
  questionIdSchema,
} from "../domain/questionnaires";
import { endpoint, idArgs } from "./endpoint";

const id = z.number().int().positive();

/** The content is checked by main (it names each problem); here only its size. */
const contentArg = z.object({}).passthrough();

export const stageTriggerSchema = z.object({
  stage: z.string().trim().min(1).max(60),
  partyRole: z
    .string()
    .trim()
    .max(120)
    .nullish()
    .transform((v) => v || null),
});

const answerValues = z.record(questionIdSchema, z.string().max(10_000).nullable());

export const questionnairesApi = {
  list: endpoint<QuestionnaireSummary[]>()(
    z.object({ includeArchived: z.boolean().default(false) }).prefault({}),
  ),
  /** The newest version, or the one asked for. */
  get: endpoint<Questionnaire>()(z.object({ id, version: id.nullish() })),
  create: endpoint<Questionnaire>()(
    z.object({ content: contentArg, trigger: stageTriggerSchema.nullish() }),
  ),
  /** A new version when the questions changed; stale_update when someone else saved first. */
  save: endpoint<Questionnaire>()(
    z.object({
      id,
      content: contentArg,
      trigger: stageTriggerSchema.nullish(),
      expectedVersion: id,
    }),
  ),
  archive: endpoint<Questionnaire>()(z.object({ id, archived: z.boolean().default(true) })),
  /** Hands the newest version to one party of a contract (its index in the parties). */
  attach: endpoint<AttachmentDetail>()(
    z.object({
      questionnaireId: id,
      contractId: id,
      partyIndex: z.number().int().min(0).max(49),
    }),
  ),
  /** Takes back an attachment that has no answers. */
  detach: endpoint<{ id: number }>()(idArgs),
  forContract: endpoint<AttachmentDetail[]>()(z.object({ contractId: id })),
  attachment: endpoint<AttachmentDetail>()(idArgs),
  /** The fillable PDF of an attachment, base64-encoded. */
  pdf: endpoint<{ fileName: string; base64: string; pages: number }>()(
    z.object({ attachmentId: id }),
  ),
  /** A filled PDF: stored answers, or the problems (nothing stored). */
  importPdf: endpoint<AnswerOutcome>()(
    z.object({
      fileName: z.string().trim().min(1).max(500),
      base64: z.string().max(Math.ceil((PDF_MAX_BYTES * 4) / 3) + 1024 * 1024),
    }),
  ),
  /** Answers by hand (every question), or a correction (the questions it names). */
  answer: endpoint<AnswerOutcome>()(
    z.object({
      attachmentId: id,
      mode: z.enum(["manual", "correction"]),
      values: answerValues,
      respondentName: z.string().trim().max(300).nullish(),
      respondentEmail: z.string().trim().max(300).nullish(),
    }),
  ),
  results: endpoint<QuestionnaireResults>()(idArgs),
  exportCsv: endpoint<{ fileName: string; content: string }>()(
    z.object({
      id,
      kind: z.enum(["answers", "summary"]).default("answers"),
      separator: z.enum([",", ";"]).default(","),
    }),
  ),
} as const;
