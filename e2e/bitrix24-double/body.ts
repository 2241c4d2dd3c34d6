/**
 * Reading a request body: JSON, or form/query strings in PHP bracket
 * notation; the query string is merged in by the caller.
 */
import type http from "node:http";
import { isMap, type ParamMap, parseQuery } from "./params";
import { PortalError } from "./portal-error";

export function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export function parseBody(req: http.IncomingMessage, body: string): ParamMap {
  if (body.trim() === "") return {};
  const type = (req.headers["content-type"] ?? "").toLowerCase();
  if (type.includes("application/json")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      throw new PortalError(400, "INVALID_REQUEST", "Malformed JSON body");
    }
    if (!isMap(parsed as ParamMap)) {
      throw new PortalError(400, "INVALID_REQUEST", "The JSON body must be an object");
    }
    return parsed as ParamMap;
  }
  // TODO(bitrix24): multipart/form-data bodies (file uploads) are not parsed yet.
  return parseQuery(body);
}
