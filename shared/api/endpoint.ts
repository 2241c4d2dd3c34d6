/**
 * One entry of the API table: the schema its argument must pass, and (as a
 * type only) what it answers. Each feature's group of entries lives in its
 * own file beside this one.
 */
import { z } from "zod";

export interface Endpoint<A extends z.ZodType, R> {
  args: A;
  /** Never read: carries the result type. */
  result?: R;
}

export function endpoint<R>() {
  return <A extends z.ZodType>(args: A): Endpoint<A, R> => ({ args });
}

export const idArgs = z.object({ id: z.number().int().positive() });
