/**
 * The REST envelope, checked with zod: `{result, total?, next?, time?}` on
 * success, `{error, error_description}` on failure, and the five maps of a
 * `batch` answer (which PHP writes as `[]` when empty, or as arrays when
 * the command keys are 0..n-1).
 */
import { z } from "zod";

const timeSchema = z
  .object({
    start: z.number().optional(),
    finish: z.number().optional(),
    duration: z.number().optional(),
    processing: z.number().optional(),
    date_start: z.string().optional(),
    date_finish: z.string().optional(),
    operating_reset_at: z.number().optional(),
    operating: z.number().optional(),
  })
  .loose();

export type CallTime = z.infer<typeof timeSchema>;

export const successSchema = z.object({
  result: z.unknown(),
  total: z.coerce.number().optional(),
  next: z.coerce.number().optional(),
  time: timeSchema.optional(),
});

export type Envelope = z.infer<typeof successSchema>;

export const errorSchema = z.object({
  error: z.string(),
  error_description: z.string().optional().default(""),
});

/** A PHP array read as a map: `[]` → `{}`, `[a, b]` → `{"0": a, "1": b}`. */
export const phpMap = <T extends z.ZodType>(value: T) =>
  z
    .union([z.record(z.string(), value), z.array(value)])
    .transform(
      (v): Record<string, z.infer<T>> =>
        Array.isArray(v) ? Object.fromEntries(v.map((x, i) => [String(i), x])) : v,
    );

const commandError = z.union([
  z.object({ error: z.string(), error_description: z.string().optional().default("") }),
  z.string().transform((text) => ({ error: "", error_description: text })),
]);

export const batchResultSchema = z.object({
  result: phpMap(z.unknown()),
  result_error: phpMap(commandError),
  result_total: phpMap(z.coerce.number()),
  result_next: phpMap(z.coerce.number()),
  result_time: phpMap(z.unknown()).optional(),
});

export type BatchResultMaps = z.infer<typeof batchResultSchema>;
