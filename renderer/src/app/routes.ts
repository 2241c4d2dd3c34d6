/**
 * The UI's pages, addressed by the location hash so the app works from a
 * file, from the headless host and behind Electron alike.
 */

export type Route =
  | { page: "register"; needsReview: boolean }
  | { page: "contract"; id: number }
  | { page: "new" }
  | { page: "edit"; id: number }
  | { page: "import" }
  | { page: "reminders" }
  | { page: "settings" }
  | { page: "templates" }
  | { page: "template"; id: number }
  | { page: "clauses" }
  | { page: "conflicts" }
  | { page: "triggers" }
  | { page: "tasks" }
  | { page: "reports" }
  | { page: "questionnaires" }
  | { page: "questionnaire"; id: number }
  | { page: "notFound" };

export const paths = {
  register: "#/",
  /** The register showing only contracts that need review. */
  needsReview: "#/?review=1",
  newContract: "#/contracts/new",
  contract: (id: number) => `#/contracts/${id}`,
  edit: (id: number) => `#/contracts/${id}/edit`,
  import: "#/import",
  reminders: "#/reminders",
  settings: "#/settings",
  templates: "#/templates",
  template: (id: number) => `#/templates/${id}`,
  clauses: "#/clauses",
  reports: "#/reports",
  questionnaires: "#/questionnaires",
  /** A questionnaire's results taken together. */
  questionnaire: (id: number) => `#/questionnaires/${id}`,
  /** Bitrix24 sync conflicts to resolve. */
  conflicts: "#/sync/conflicts",
  /** Trigger rules and their firings. */
  triggers: "#/triggers",
  /** Bitrix24 workflow tasks waiting for the user. */
  tasks: "#/tasks",
};

function toId(text: string | undefined): number | null {
  const id = Number(text);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

export function parseRoute(hash: string): Route {
  const [path = "", query = ""] = hash.replace(/^#/, "").split("?");
  const parts = path.split("/").filter(Boolean);
  if (parts.length === 0) {
    return { page: "register", needsReview: new URLSearchParams(query).get("review") === "1" };
  }
  if (parts[0] === "import" && parts.length === 1) return { page: "import" };
  if (parts[0] === "reminders" && parts.length === 1) return { page: "reminders" };
  if (parts[0] === "settings" && parts.length === 1) return { page: "settings" };
  if (parts[0] === "clauses" && parts.length === 1) return { page: "clauses" };
  if (parts[0] === "triggers" && parts.length === 1) return { page: "triggers" };
  if (parts[0] === "tasks" && parts.length === 1) return { page: "tasks" };
  if (parts[0] === "reports" && parts.length === 1) return { page: "reports" };
  if (parts[0] === "templates") {
    if (parts.length === 1) return { page: "templates" };
    const id = toId(parts[1]);
    return id !== null && parts.length === 2 ? { page: "template", id } : { page: "notFound" };
  }
  if (parts[0] === "questionnaires") {
    if (parts.length === 1) return { page: "questionnaires" };
    const id = toId(parts[1]);
    return id !== null && parts.length === 2 ? { page: "questionnaire", id } : { page: "notFound" };
  }
  if (parts[0] === "sync" && parts[1] === "conflicts" && parts.length === 2) {
    return { page: "conflicts" };
  }
  if (parts[0] !== "contracts") return { page: "notFound" };
  if (parts[1] === "new" && parts.length === 2) return { page: "new" };
  const id = toId(parts[1]);
  if (id === null) return { page: "notFound" };
  if (parts.length === 2) return { page: "contract", id };
  if (parts.length === 3 && parts[2] === "edit") return { page: "edit", id };
  return { page: "notFound" };
}

/** The hash the app itself last moved to, not yet seen by the router. */
let ownMove: string | null = null;

/** Moves to a page on the app's own decision (after a save, say): never held back. */
export function navigate(path: string): void {
  const before = window.location.hash;
  window.location.hash = path.replace(/^#/, "");
  ownMove = window.location.hash === before ? null : window.location.hash;
}

/**
 * Moves to a page as a link the person followed would (a desktop
 * notification's click, say): a page with unsaved edits may hold it back.
 */
export function followLink(path: string): void {
  window.location.hash = path.replace(/^#/, "");
}

/** Whether a move to `url` is the app's own `navigate` (asked once per move). */
export function takeOwnMove(url: string): boolean {
  const own = ownMove !== null && new URL(url).hash === ownMove;
  ownMove = null;
  return own;
}
