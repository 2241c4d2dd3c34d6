/**
 * An error answer of the portal: HTTP status, `error` code (empty for the
 * legacy crm methods) and `error_description`.
 */
export class PortalError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly description: string,
  ) {
    super(`${status} ${code}: ${description}`);
    this.name = "PortalError";
  }
}

export const notFoundMethod = () =>
  new PortalError(404, "ERROR_METHOD_NOT_FOUND", "Method not found!");

export const invalidArg = (description: string) =>
  new PortalError(400, "INVALID_ARG_VALUE", description);

export const accessDenied = (description = "Access denied!") =>
  new PortalError(403, "ACCESS_DENIED", description);

/** Frozen crm.deal/company/contact methods answer with an empty code. */
export const legacyError = (description: string) => new PortalError(400, "", description);
