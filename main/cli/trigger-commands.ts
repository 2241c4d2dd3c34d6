/** `pacta triggers`: the trigger rules, their recent firings, and carrying out what waits. */
import type { Command } from "commander";
import { PactaError } from "../../shared/api/result";
import type { TriggerAction } from "../../shared/api/triggers";
import type { PactaServices } from "../app/services";
import { out, printJson, type Runner, table } from "./output";

export function triggerCommands(cli: Command, run: Runner): void {
  cli
    .command("triggers")
    .description("list the trigger rules and what they did; --run carries out what waits")
    .option("--run", "carry out the waiting firings now (needs the portal)")
    .option("--json", "print JSON")
    .action((o: { run?: boolean; json?: boolean }) => run((s) => triggersCommand(s, o)));
}

function actionText(a: TriggerAction): string {
  switch (a.kind) {
    case "push":
      return "push";
    case "moveStage":
      return `stage ${a.stageId}`;
    case "startWorkflow":
      return `workflow ${a.templateId}`;
    case "comment":
      return a.attachPdf ? "comment+pdf" : "comment";
    case "notify":
      return `notify ${a.userIds.join(",")}`;
  }
}

export async function triggersCommand(
  s: PactaServices,
  o: { run?: boolean; json?: boolean },
): Promise<void> {
  const counts = o.run ? await s.triggers.run() : s.triggers.counts();
  const rules = s.triggers.list();
  const firings = s.triggers.firings(20);
  if (o.json) printJson({ rules, firings, ...counts });
  else printText(rules, counts);
  if (o.run && s.triggers.portalUnreachable) {
    // Exit 1 (the work failed for now), as `pacta sync` does offline.
    const n = counts.pending;
    const left = n === 1 ? "1 trigger firing still waits" : `${n} trigger firings still wait`;
    throw new PactaError("portal_unreachable", `the portal could not be reached; ${left}`);
  }
}

function printText(
  rules: ReturnType<PactaServices["triggers"]["list"]>,
  counts: { done: number; pending: number; failed: number },
): void {
  out(
    rules.length === 0
      ? "No trigger rules."
      : table(
          ["ID", "NAME", "ON", "ACTIONS", "ENABLED"],
          rules.map((r) => [
            String(r.id),
            r.name,
            r.groups.join(","),
            r.actions.map(actionText).join("; "),
            r.enabled ? "yes" : "no",
          ]),
        ),
  );
  out(`${counts.done} done, ${counts.pending} pending, ${counts.failed} failed.`);
}
