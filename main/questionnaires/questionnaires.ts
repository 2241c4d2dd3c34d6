/**
 * Questionnaires for a contract's parties (issue 7): definitions and their
 * versions, attachments to parties, the fillable PDF, answers from a PDF or
 * by hand, and the results taken together.
 */
import type { AnswerOutcome, AnswerSource } from "../../shared/domain/questionnaires";
import type { Db } from "../db/open";
import { QuestionnaireAnswers } from "./answers";
import { QuestionnaireDefinitions, type QuestionnaireOptions } from "./definitions";
import { renderFormPdf } from "./form-pdf";
import { importFilledPdf } from "./import-pdf";
import { type CsvKind, type CsvSeparator, questionnaireCsv, questionnaireResults } from "./results";

export interface QuestionnairePdf {
  fileName: string;
  bytes: Buffer;
  pages: number;
}

export class Questionnaires {
  readonly definitions: QuestionnaireDefinitions;
  readonly answers: QuestionnaireAnswers;

  constructor(
    db: Db,
    private readonly options: QuestionnaireOptions,
  ) {
    this.definitions = new QuestionnaireDefinitions(db, options);
    this.answers = new QuestionnaireAnswers(db, this.definitions, options);
  }

  /** The fillable PDF of an attachment, in its questionnaire's version and language. */
  async pdf(attachmentId: number): Promise<QuestionnairePdf> {
    const row = this.answers.row(attachmentId);
    const q = this.definitions.get(row.questionnaire_id, row.version);
    const pdf = await renderFormPdf({
      mark: {
        questionnaireId: row.questionnaire_id,
        version: row.version,
        attachmentId: row.id,
        token: row.token,
      },
      title: q.content.title,
      language: q.content.language,
      intro: q.content.intro,
      questions: q.content.questions,
      contract: { title: row.contract_title, reference: row.contract_reference },
      party: { name: row.party_name, email: row.party_email },
      author: this.options.actor,
      now: this.options.now(),
    });
    const name = `${q.content.title} - ${row.party_name}`
      .replace(/[\\/:*?"<>|\p{Cc}]/gu, " ")
      .replace(/\s+/g, " ")
      .trim()
      .slice(0, 120);
    return { fileName: `${name || `questionnaire-${row.id}`}.pdf`, ...pdf };
  }

  importPdf(fileName: string, bytes: Uint8Array): Promise<AnswerOutcome> {
    return importFilledPdf(this.answers, this.definitions, fileName, bytes);
  }

  answer(
    attachmentId: number,
    values: Record<string, string | null>,
    source: Exclude<AnswerSource, "pdf">,
    respondent: { name?: string | null; email?: string | null } = {},
  ): AnswerOutcome {
    return this.answers.record({
      attachmentId,
      values,
      source,
      respondentName: respondent.name ?? null,
      respondentEmail: respondent.email ?? null,
    });
  }

  results(id: number) {
    return questionnaireResults(this.definitions, this.answers, id);
  }

  csv(id: number, kind: CsvKind, separator: CsvSeparator) {
    return questionnaireCsv(this.definitions, this.answers, id, kind, separator);
  }
}
