/**
 * `batch`: up to 50 commands in one HTTP request. Longer lists go out in
 * chunks of 50, one after another (not atomic: a failure in one chunk does
 * not undo the others, and `$result` references reach only within a
 * chunk). Each failed command comes back as its own `Bitrix24Error`.
 */
import { type Bitrix24Client, isReadMethod, type Params } from "./client";
import { batchResultSchema } from "./envelope";
import { Bitrix24Error, kindOf } from "./errors";
import { toQueryString } from "./query-string";

export const MAX_BATCH_COMMANDS = 50;

export interface BatchCommand {
  method: string;
  params?: Params;
}

export interface BatchOptions {
  /** Stop at the first failing command (the portal's default is to go on). */
  halt?: boolean;
}

export interface BatchOutcome {
  /** Results by command key, for the commands that succeeded. */
  results: Record<string, unknown>;
  /** Errors by command key. */
  errors: Record<string, Bitrix24Error>;
  totals: Record<string, number>;
  nexts: Record<string, number>;
}

/** The `cmd` string of one command: `method?a=1&filter%5B%3Eid%5D=5`. */
export function commandString(command: BatchCommand): string {
  const query = toQueryString(command.params ?? {});
  return query === "" ? command.method : `${command.method}?${query}`;
}

export async function batch(
  client: Bitrix24Client,
  commands: Record<string, BatchCommand>,
  options: BatchOptions = {},
): Promise<BatchOutcome> {
  const entries = Object.entries(commands);
  const outcome: BatchOutcome = { results: {}, errors: {}, totals: {}, nexts: {} };
  for (let i = 0; i < entries.length; i += MAX_BATCH_COMMANDS) {
    const chunk = Object.fromEntries(entries.slice(i, i + MAX_BATCH_COMMANDS));
    const part = await batchOnce(client, chunk, options);
    Object.assign(outcome.results, part.results);
    Object.assign(outcome.errors, part.errors);
    Object.assign(outcome.totals, part.totals);
    Object.assign(outcome.nexts, part.nexts);
    if (options.halt && Object.keys(part.errors).length > 0) break;
  }
  return outcome;
}

async function batchOnce(
  client: Bitrix24Client,
  commands: Record<string, BatchCommand>,
  options: BatchOptions,
): Promise<BatchOutcome> {
  const cmd: Record<string, string> = {};
  for (const [key, command] of Object.entries(commands)) cmd[key] = commandString(command);
  const reads = Object.values(commands).every((c) => isReadMethod(c.method));
  const answer = await client.send("batch", { halt: options.halt ? 1 : 0, cmd }, reads);
  const parsed = batchResultSchema.safeParse(answer.result);
  if (!parsed.success) {
    throw new Bitrix24Error({
      kind: "bad-response",
      method: "batch",
      status: 200,
      description: "the batch result lacks result/result_error/result_total/result_next maps",
    });
  }
  const maps = parsed.data;
  const errors: Record<string, Bitrix24Error> = {};
  for (const [key, e] of Object.entries(maps.result_error)) {
    errors[key] = new Bitrix24Error({
      kind: kindOf(e.error, e.error_description, 0),
      method: commands[key]?.method ?? "batch",
      command: key,
      code: e.error,
      description: e.error_description,
    });
  }
  return { results: maps.result, errors, totals: maps.result_total, nexts: maps.result_next };
}
