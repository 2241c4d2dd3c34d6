/** The lifecycle commands of `pacta`: verify, move. */
import type { Command } from "commander";
import type { MoveResult } from "../../shared/api/lifecycle";
import { PactaError } from "../../shared/api/result";
import type { PactaServices } from "../app/services";
import { parseId } from "./commands";
import { out, printJson, type Runner, UsageError } from "./output";

export function lifecycleCommands(cli: Command, run: Runner): void {
  cli
    .command("verify")
    .description("check the history's hash chain; names the first broken entry")
    .option("--json", "print the result as JSON")
    .action((o: { json?: boolean }) => run((s) => verifyCommand(s, o)));

  cli
    .command("move")
    .description("move a contract to another stage")
    .argument("<id>", "contract ID")
    .argument("<stage>", "stage key (draft, legal_review, ...)")
    .option("--comment <text>", "why, kept with the move")
    .option("--yes", "confirm skipping required stages")
    .action((id: string, stage: string, o: MoveOptions) =>
      run((s) => moveCommand(s, id, stage, o)),
    );
}

export function verifyCommand(s: PactaServices, o: { json?: boolean }): void {
  const check = s.lifecycle.verify();
  if (o.json) printJson(check);
  const broken = check.firstBroken;
  if (!broken) {
    if (!o.json) out(`History intact: ${check.entries} entries, hash chain verified.`);
    return;
  }
  throw new Error(
    `history broken at entry #${broken.id} (contract #${broken.contractId}, ${broken.at}): ` +
      `${broken.reason}: ${broken.detail}`,
  );
}

export interface MoveOptions {
  comment?: string;
  yes?: boolean;
}

export function moveCommand(s: PactaServices, idText: string, to: string, o: MoveOptions): void {
  const contractId = parseId(idText);
  const stages = s.lifecycle.pipeline.list();
  const target = stages.find((st) => st.key === to);
  if (!target) {
    const keys = stages.filter((st) => !st.retired).map((st) => st.key);
    throw new UsageError(`there is no stage "${to}"; stages are: ${keys.join(", ")}`);
  }
  const request = { contractId, to, comment: o.comment?.trim() || null, confirmSkip: !!o.yes };
  let result: MoveResult;
  try {
    result = s.lifecycle.move(request);
  } catch (error) {
    if (error instanceof PactaError && error.reason === "confirmation_required") {
      const keys = (error.issues ?? []).map((i) => i.path[1]).join(", ");
      throw new PactaError(
        error.reason,
        `moving contract #${contractId} to ${to} skips the required stages ${keys}; ` +
          "add --yes to confirm",
        error.issues,
      );
    }
    throw error;
  }
  const { move, timeline } = result;
  const skipped = move.skipped.length > 0 ? ` (skipped ${move.skipped.join(", ")})` : "";
  const due = timeline.current.dueDate ? `, due ${timeline.current.dueDate}` : "";
  out(`Contract #${contractId}: ${move.from} → ${move.to}${skipped}${due}`);
}
