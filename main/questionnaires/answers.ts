/**
 * Questionnaires handed to a contract's parties (attachments) and the
 * answers that come back: from a filled PDF, typed by hand, or corrected.
 * Every response is kept; an answer's value is the one its newest response
 * gave, and each response names the values it replaced.
 */
import { randomBytes } from "node:crypto";
import { PactaError } from "../../shared/api/result";
import {
  type Answer,
  type AnswerOutcome,
  type AnswerProblem,
  type AnswerSource,
  type Attachment,
  type AttachmentDetail,
  type QuestionnaireResponse,
  readAnswer,
} from "../../shared/domain/questionnaires";
import type { Db } from "../db/open";
import { createLogger } from "../logging/logger";
import type { QuestionnaireDefinitions, QuestionnaireOptions } from "./definitions";

const log = createLogger("questionnaires");

export interface AttachmentRow {
  id: number;
  token: string;
  questionnaire_id: number;
  version: number;
  contract_id: number;
  party_name: string;
  party_email: string | null;
  party_role: string | null;
  trigger_stage: string | null;
  created_at: string;
  created_by: string;
  title: string;
  contract_title: string;
  contract_reference: string | null;
  responses: number;
}

interface ResponseRow {
  id: number;
  source: AnswerSource;
  respondent_name: string;
  respondent_email: string | null;
  at: string;
  recorded_by: string;
  file_name: string | null;
  file_sha256: string | null;
}

interface AnswerRow {
  response_id: number;
  question_id: string;
  value: string | null;
  previous: string | null;
}

/** What came in, before it is checked. */
export interface IncomingAnswers {
  attachmentId: number;
  /** Question id → what was given (null or blank: not answered). */
  values: Record<string, string | null>;
  source: AnswerSource;
  respondentName?: string | null;
  respondentEmail?: string | null;
  fileName?: string | null;
  fileSha256?: string | null;
}

export class QuestionnaireAnswers {
  private readonly sql: ReturnType<typeof prepare>;

  constructor(
    readonly db: Db,
    private readonly definitions: QuestionnaireDefinitions,
    private readonly options: QuestionnaireOptions,
  ) {
    this.sql = prepare(db);
  }

  /** Hands the questionnaire's newest version to party `partyIndex` of the contract. */
  attach(questionnaireId: number, contractId: number, partyIndex: number): AttachmentDetail {
    const id = this.db
      .transaction(() => {
        const q = this.definitions.get(questionnaireId);
        if (q.archived) {
          throw invalid(["questionnaireId"], `questionnaire #${questionnaireId} is archived`);
        }
        const contract = this.sql.contract.get({ id: contractId }) as { id: number } | undefined;
        if (!contract) throw new PactaError("not_found", `there is no contract #${contractId}`);
        const party = this.sql.party.get({ id: contractId, position: partyIndex }) as
          | { name: string; email: string | null; role: string | null }
          | undefined;
        if (!party) {
          throw invalid(["partyIndex"], `contract #${contractId} has no party ${partyIndex + 1}`);
        }
        const pending = this.sql.pending.get({
          questionnaireId,
          version: q.version,
          contractId,
          name: party.name,
        }) as { id: number } | undefined;
        if (pending) {
          throw invalid(
            ["partyIndex"],
            `${party.name} already has version ${q.version} of "${q.content.title}" on contract ` +
              `#${contractId}, not answered yet: attachment #${pending.id}`,
          );
        }
        const info = this.sql.insert.run({
          token: randomBytes(16).toString("hex"),
          questionnaireId,
          version: q.version,
          contractId,
          name: party.name,
          email: party.email,
          role: party.role,
          at: this.options.now().toISOString(),
          by: this.options.actor,
        });
        return Number(info.lastInsertRowid);
      })
      .immediate();
    log.info({ id, questionnaireId, contractId }, "questionnaire attached");
    return this.detail(id);
  }

  /** Takes back an attachment that has no answers yet. */
  remove(id: number): { id: number } {
    const row = this.row(id);
    if (row.responses > 0) {
      throw invalid(["id"], `attachment #${id} has answers: it stays, so that they stay readable`);
    }
    this.sql.remove.run({ id });
    return { id };
  }

  forContract(contractId: number): AttachmentDetail[] {
    const rows = this.sql.byContract.all({ id: contractId }) as AttachmentRow[];
    return rows.map((r) => this.detailOf(r));
  }

  forQuestionnaire(questionnaireId: number): AttachmentDetail[] {
    const rows = this.sql.byQuestionnaire.all({ id: questionnaireId }) as AttachmentRow[];
    return rows.map((r) => this.detailOf(r));
  }

  detail(id: number): AttachmentDetail {
    return this.detailOf(this.row(id));
  }

  /** The attachment as stored, with its token; not_found when absent or removed. */
  row(id: number): AttachmentRow {
    const row = this.sql.byId.get({ id }) as AttachmentRow | undefined;
    if (!row) throw new PactaError("not_found", `there is no questionnaire attachment #${id}`);
    return row;
  }

  /** Whether this file was imported for the attachment before, and when. */
  importedBefore(attachmentId: number, sha256: string): string | null {
    const row = this.sql.sameFile.get({ id: attachmentId, sha: sha256 }) as
      | { at: string }
      | undefined;
    return row?.at ?? null;
  }

  /**
   * Checks every answer against its question and stores them as one
   * response, or stores nothing and names each problem. PDFs and entries by
   * hand answer every question; a correction changes the ones it names.
   */
  record(incoming: IncomingAnswers): AnswerOutcome {
    const outcome = this.db
      .transaction((): AnswerOutcome => {
        const row = this.row(incoming.attachmentId);
        const questions = this.definitions.get(row.questionnaire_id, row.version).content.questions;
        const current = new Map(this.detailOf(row).answers.map((a) => [a.questionId, a.value]));
        const problems: AnswerProblem[] = [];
        const known = new Set(questions.map((q) => q.id));
        for (const qid of Object.keys(incoming.values)) {
          if (!known.has(qid)) {
            problems.push({
              code: "unknown_question",
              questionId: qid,
              question: null,
              found: null,
              message: `version ${row.version} of "${row.title}" has no question ${qid}`,
            });
          }
        }
        const correction = incoming.source === "correction";
        const values: { questionId: string; value: string | null; previous: string | null }[] = [];
        for (const q of questions) {
          if (correction && !Object.hasOwn(incoming.values, q.id)) continue;
          const read = readAnswer(q, incoming.values[q.id] ?? null);
          if (!read.ok) {
            problems.push(read.problem);
            continue;
          }
          const previous = current.get(q.id) ?? null;
          if (correction && previous === read.value) continue;
          values.push({ questionId: q.id, value: read.value, previous });
        }
        if (problems.length > 0) return { stored: false, problems };
        if (correction && values.length === 0) {
          const message = "the correction changes no answer";
          return {
            stored: false,
            problems: [
              { code: "no_change", questionId: null, question: null, found: null, message },
            ],
          };
        }
        const info = this.sql.insertResponse.run({
          attachmentId: row.id,
          source: incoming.source,
          name: incoming.respondentName?.trim() || row.party_name,
          email: incoming.respondentEmail?.trim() || row.party_email,
          at: this.options.now().toISOString(),
          by: this.options.actor,
          fileName: incoming.fileName ?? null,
          sha: incoming.fileSha256 ?? null,
        });
        const responseId = Number(info.lastInsertRowid);
        for (const v of values) this.sql.insertAnswer.run({ responseId, ...v });
        const attachment = this.detail(row.id);
        const response = attachment.responses.find((r) => r.id === responseId);
        if (!response) throw new Error(`response #${responseId} was not stored`);
        return { stored: true, attachment, response };
      })
      .immediate();
    if (outcome.stored) {
      log.info(
        { attachmentId: incoming.attachmentId, source: incoming.source },
        "questionnaire answers recorded",
      );
    }
    return outcome;
  }

  private detailOf(row: AttachmentRow): AttachmentDetail {
    const questions = this.definitions.get(row.questionnaire_id, row.version).content.questions;
    const responseRows = this.sql.responses.all({ id: row.id }) as ResponseRow[];
    const answerRows = this.sql.answers.all({ id: row.id }) as AnswerRow[];
    const byResponse = new Map<number, AnswerRow[]>();
    for (const a of answerRows) {
      const list = byResponse.get(a.response_id) ?? [];
      list.push(a);
      byResponse.set(a.response_id, list);
    }
    const latest = new Map<string, Answer>();
    const responses: QuestionnaireResponse[] = responseRows.map((r) => {
      const rows = byResponse.get(r.id) ?? [];
      for (const a of rows) {
        latest.set(a.question_id, { questionId: a.question_id, value: a.value, responseId: r.id });
      }
      return {
        id: r.id,
        source: r.source,
        respondentName: r.respondent_name,
        respondentEmail: r.respondent_email,
        at: r.at,
        recordedBy: r.recorded_by,
        fileName: r.file_name,
        changes: rows.map((a) => ({
          questionId: a.question_id,
          before: a.previous,
          after: a.value,
        })),
      };
    });
    const attachment: Attachment = {
      id: row.id,
      questionnaireId: row.questionnaire_id,
      title: row.title,
      version: row.version,
      contractId: row.contract_id,
      contractTitle: row.contract_title,
      contractReference: row.contract_reference,
      party: { name: row.party_name, email: row.party_email, role: row.party_role },
      triggerStage: row.trigger_stage,
      createdAt: row.created_at,
      createdBy: row.created_by,
      status: responses.length > 0 ? "answered" : "pending",
    };
    const answers = questions
      .map((q) => latest.get(q.id))
      .filter((a): a is Answer => a !== undefined);
    return { ...attachment, questions, answers, responses };
  }
}

function invalid(path: string[], message: string): PactaError {
  return new PactaError("invalid_argument", message, [{ path, message }]);
}

const ATTACHMENT = `SELECT a.*, q.title, c.title AS contract_title,
    c.reference AS contract_reference,
    (SELECT count(*) FROM questionnaire_responses r WHERE r.attachment_id = a.id) AS responses
  FROM questionnaire_attachments a
  JOIN questionnaires q ON q.id = a.questionnaire_id
  JOIN contracts c ON c.id = a.contract_id
  WHERE a.removed = 0`;

function prepare(db: Db) {
  return {
    contract: db.prepare("SELECT id FROM contracts WHERE id = @id AND deleted = 0"),
    party: db.prepare(
      `SELECT name, email, role FROM parties
       WHERE contract_id = @id AND position = @position`,
    ),
    insert: db.prepare(
      `INSERT INTO questionnaire_attachments (token, questionnaire_id, version, contract_id,
         party_name, party_email, party_role, created_at, created_by)
       VALUES (@token, @questionnaireId, @version, @contractId, @name, @email, @role, @at, @by)`,
    ),
    // An attachment still waiting for answers: handing the same one out twice is refused.
    pending: db.prepare(
      `SELECT a.id FROM questionnaire_attachments a
       WHERE a.removed = 0 AND a.questionnaire_id = @questionnaireId AND a.version = @version
         AND a.contract_id = @contractId AND a.party_name = @name
         AND NOT EXISTS (SELECT 1 FROM questionnaire_responses r WHERE r.attachment_id = a.id)
       ORDER BY a.id LIMIT 1`,
    ),
    remove: db.prepare("UPDATE questionnaire_attachments SET removed = 1 WHERE id = @id"),
    // A deleted contract's questionnaires take no more answers.
    byId: db.prepare(`${ATTACHMENT} AND a.id = @id AND c.deleted = 0`),
    byContract: db.prepare(`${ATTACHMENT} AND a.contract_id = @id ORDER BY a.id`),
    byQuestionnaire: db.prepare(
      `${ATTACHMENT} AND a.questionnaire_id = @id AND c.deleted = 0 ORDER BY a.id`,
    ),
    responses: db.prepare(
      "SELECT * FROM questionnaire_responses WHERE attachment_id = @id ORDER BY id",
    ),
    answers: db.prepare(
      `SELECT a.* FROM questionnaire_answers a
       JOIN questionnaire_responses r ON r.id = a.response_id
       WHERE r.attachment_id = @id ORDER BY a.response_id`,
    ),
    sameFile: db.prepare(
      `SELECT at FROM questionnaire_responses
       WHERE attachment_id = @id AND file_sha256 = @sha ORDER BY id LIMIT 1`,
    ),
    insertResponse: db.prepare(
      `INSERT INTO questionnaire_responses (attachment_id, source, respondent_name,
         respondent_email, at, recorded_by, file_name, file_sha256)
       VALUES (@attachmentId, @source, @name, @email, @at, @by, @fileName, @sha)`,
    ),
    insertAnswer: db.prepare(
      `INSERT INTO questionnaire_answers (response_id, question_id, value, previous)
       VALUES (@responseId, @questionId, @value, @previous)`,
    ),
  };
}
