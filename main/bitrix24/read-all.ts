/**
 * Whole-list reads by id keyset, chained inside `batch`: each batch holds
 * 50 list calls ordered by id with `start=-1` (no count), the first one
 * after the last id seen, each next one after the 50th id of the previous
 * page (`$result[pN][items][49][id]`). One HTTP request reads up to 2,500
 * rows, so N rows take about N/2500 requests.
 *
 * When a page comes back short the list is done, and the chained calls
 * after it (whose reference pointed past the end) are ignored whatever they
 * answered.
 */

import { type BatchCommand, batch, MAX_BATCH_COMMANDS } from "./batch";
import type { Bitrix24Client, Params } from "./client";
import { Bitrix24Error } from "./errors";
import type { QueryValue } from "./query-string";

export const PAGE_SIZE = 50;

export type Row = Record<string, unknown>;

export interface ReadAllOptions {
  /** `filter`, `select`, `entityTypeId`…; `order`, `start` and the `>id` filter are set here. */
  params?: Params;
  /** Commands per batch, 1..50 (default 50). */
  commandsPerBatch?: number;
}

interface Shape {
  /** The id key in rows and in `order`/`filter`: `id` for crm.item.list, `ID` for legacy. */
  idKey: string;
  /** Where the rows sit in the result: `items` for crm.item.list, the result itself for legacy. */
  itemsKey: string | null;
}

function shapeOf(method: string): Shape {
  return method.toLowerCase() === "crm.item.list"
    ? { idKey: "id", itemsKey: "items" }
    : { idKey: "ID", itemsKey: null };
}

function rowsOf(method: string, shape: Shape, result: unknown, command: string): Row[] {
  const list =
    shape.itemsKey === null
      ? result
      : typeof result === "object" && result !== null
        ? (result as Record<string, unknown>)[shape.itemsKey]
        : undefined;
  if (!Array.isArray(list)) {
    throw new Bitrix24Error({
      kind: "bad-response",
      method,
      command,
      description: `expected a list of rows${shape.itemsKey ? ` under "${shape.itemsKey}"` : ""}`,
    });
  }
  return list as Row[];
}

function idOf(method: string, shape: Shape, row: Row | undefined, command: string): number {
  const raw = row?.[shape.idKey];
  const id = typeof raw === "number" ? raw : typeof raw === "string" ? Number(raw) : Number.NaN;
  if (!Number.isInteger(id) || id <= 0) {
    throw new Bitrix24Error({
      kind: "bad-response",
      method,
      command,
      description: `a row has no usable "${shape.idKey}"`,
    });
  }
  return id;
}

function withSelectedId(select: QueryValue, idKey: string): QueryValue {
  if (!Array.isArray(select) || select.length === 0) return select;
  return select.includes(idKey) || select.includes("*") ? select : [idKey, ...select];
}

/** Yields the list page by page (arrays of up to 50 rows) in ascending id order. */
export async function* readAll(
  client: Bitrix24Client,
  method: string,
  options: ReadAllOptions = {},
): AsyncGenerator<Row[]> {
  const shape = shapeOf(method);
  const perBatch = Math.max(1, Math.min(MAX_BATCH_COMMANDS, options.commandsPerBatch ?? 50));
  const { order: _order, start: _start, filter, select, ...rest } = options.params ?? {};
  const baseFilter =
    typeof filter === "object" && filter !== null && !Array.isArray(filter) ? filter : {};
  const more = `>${shape.idKey}`;
  const path = shape.itemsKey ? `[${shape.itemsKey}]` : "";
  let lastId = 0;
  for (;;) {
    const commands: Record<string, BatchCommand> = {};
    for (let i = 0; i < perBatch; i++) {
      const after =
        i === 0 ? lastId : `$result[p${i - 1}]${path}[${PAGE_SIZE - 1}][${shape.idKey}]`;
      commands[`p${i}`] = {
        method,
        params: {
          ...rest,
          ...(select === undefined ? {} : { select: withSelectedId(select, shape.idKey) }),
          filter: { ...baseFilter, [more]: after },
          order: { [shape.idKey]: "ASC" },
          start: -1,
        },
      };
    }
    const outcome = await batch(client, commands);
    for (let i = 0; i < perBatch; i++) {
      const key = `p${i}`;
      const error = outcome.errors[key];
      if (error) throw error;
      const rows = rowsOf(method, shape, outcome.results[key], key);
      if (rows.length > 0) {
        lastId = idOf(method, shape, rows[rows.length - 1], key);
        yield rows;
      }
      if (rows.length < PAGE_SIZE) return;
    }
  }
}

/** Every row of a list, in ascending id order. */
export async function readAllRows(
  client: Bitrix24Client,
  method: string,
  options: ReadAllOptions = {},
): Promise<Row[]> {
  const all: Row[] = [];
  for await (const rows of readAll(client, method, options)) all.push(...rows);
  return all;
}
