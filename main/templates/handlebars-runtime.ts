/**
 * Pacta's one isolated Handlebars instance: HTML escaping on, prototype
 * access off, only Pacta's helpers. A field with no value is bound to a
 * marker that records itself when printed and reads as false in `{{#if}}`.
 */
import Handlebars from "handlebars";
import { createLogger } from "../logging/logger";

export const hb = Handlebars.create();
hb.unregisterHelper("log");
hb.unregisterHelper("lookup");

const log = createLogger("templates");
// Handlebars' runtime logs through its module-wide logger, to the console by
// default (e.g. "Access has been denied to resolve the property…"). Checks
// already report such uses as problems; its words go to our log instead.
Handlebars.logger.log = (level: unknown, ...message: unknown[]): void => {
  log.debug({ level, message: message.map(String).join(" ") }, "handlebars");
};

/**
 * Handlebars' own helpers that Pacta does not provide: naming one is an
 * error, never a field (the compiled code would call them directly).
 */
export const FOREIGN_HELPERS = new Set(["lookup", "log", "helperMissing", "blockHelperMissing"]);

/** Helpers that take a block: `{{#if x}}…{{else}}…{{/if}}`. */
export const BLOCK_HELPERS = new Set(["if", "unless", "each", "with"]);
/** Helpers used inline or inside `(…)`: `{{#if (eq contract.type "NDA")}}`. */
export const HELPERS = ["eq", "ne", "and", "or", "not", "upper", "lower", "default"] as const;
export const INLINE_HELPERS = new Set<string>(HELPERS);

/** A field with no value: prints empty (and says so), reads as false. */
export class Missing {
  readonly #key: string;
  readonly #printed: Set<string>;
  constructor(key: string, printed: Set<string>) {
    this.#key = key;
    this.#printed = printed;
  }
  toHTML(): string {
    this.#printed.add(this.#key);
    return "";
  }
  toString(): string {
    return this.toHTML();
  }
}

/** A list field: prints as "A, B et C", and `{{#each}}` walks its items. */
export class ListValue extends Array<string> {
  text = "";
  toHTML(): string {
    return hb.Utils.escapeExpression(this.text);
  }
  override toString(): string {
    return this.text;
  }
}

type HelperOptions = Handlebars.HelperOptions;

function plain(value: unknown): string {
  if (value === null || value === undefined) return "";
  // Testing a field is not printing it: a missing one compares as empty, unrecorded.
  if (value instanceof Missing) return "";
  return String(value);
}

function truthy(value: unknown): boolean {
  if (value instanceof Missing) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (value instanceof hb.SafeString) return value.toString().trim() !== "";
  if (typeof value === "string") return value.trim() !== "";
  return Boolean(value);
}

function splitArgs(args: unknown[]): { params: unknown[]; options: HelperOptions } {
  return { params: args.slice(0, -1), options: args[args.length - 1] as HelperOptions };
}

function block(truth: boolean, self: unknown, options: HelperOptions): string {
  if (typeof options?.fn !== "function") return "";
  return truth ? options.fn(self) : options.inverse(self);
}

hb.registerHelper("if", function (this: unknown, ...args: unknown[]) {
  const { params, options } = splitArgs(args);
  return block(truthy(params[0]), this, options);
});
hb.registerHelper("unless", function (this: unknown, ...args: unknown[]) {
  const { params, options } = splitArgs(args);
  return block(!truthy(params[0]), this, options);
});
hb.registerHelper("with", function (this: unknown, ...args: unknown[]) {
  const { params, options } = splitArgs(args);
  const value = params[0];
  if (typeof options?.fn !== "function") return "";
  if (!truthy(value)) return options.inverse(this);
  return options.fn(value, { data: options.data, blockParams: [value] });
});
hb.registerHelper("eq", (...args: unknown[]) => {
  const [a, b] = splitArgs(args).params;
  return plain(a).trim() === plain(b).trim();
});
hb.registerHelper("ne", (...args: unknown[]) => {
  const [a, b] = splitArgs(args).params;
  return plain(a).trim() !== plain(b).trim();
});
hb.registerHelper("and", (...args: unknown[]) => splitArgs(args).params.every(truthy));
hb.registerHelper("or", (...args: unknown[]) => splitArgs(args).params.some(truthy));
hb.registerHelper("not", (...args: unknown[]) => !truthy(splitArgs(args).params[0]));
/** The text of a value a helper prints (a missing one records itself). */
function printedText(value: unknown): string {
  return value === null || value === undefined ? "" : String(value);
}
hb.registerHelper("upper", (...args: unknown[]) =>
  printedText(splitArgs(args).params[0]).toLocaleUpperCase(),
);
hb.registerHelper("lower", (...args: unknown[]) =>
  printedText(splitArgs(args).params[0]).toLocaleLowerCase(),
);
hb.registerHelper("default", (...args: unknown[]) => {
  const [value, fallback] = splitArgs(args).params;
  return truthy(value) ? value : fallback;
});
// An unknown helper prints nothing rather than throwing (check reports it).
hb.registerHelper("helperMissing", () => "");
