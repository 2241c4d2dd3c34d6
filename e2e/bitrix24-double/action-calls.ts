/**
 * Test controls for app actions: the portal installing the app (the
 * ONAPPINSTALL event posted to the app's handler) and a workflow of the
 * double reaching a registered action, which POSTs the form-encoded call of
 * BITRIX24.md 7.3 to the action's HANDLER. `bizproc.event.send` then
 * resumes the run (methods/bizproc-activity.ts).
 */
import { type ActionRun, bizprocActionsOf } from "./bizproc-actions";
import type { Bitrix24Double } from "./server";
import { DEFAULT_APP } from "./server";

type FormValue = string | number | FormValue[] | { [key: string]: FormValue };

/** PHP bracket notation, as the portal's queue servers send it. */
export function formEncode(values: Record<string, FormValue>): string {
  const parts: string[] = [];
  const walk = (key: string, value: FormValue): void => {
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) walk(`${key}[${i}]`, v);
    } else if (typeof value === "object") {
      for (const [k, v] of Object.entries(value)) walk(`${key}[${k}]`, v);
    } else parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  };
  for (const [k, v] of Object.entries(values)) walk(k, v);
  return parts.join("&");
}

export interface PostAnswer {
  status: number;
  body: string;
}

async function post(url: string, values: Record<string, FormValue>): Promise<PostAnswer> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: formEncode(values),
  });
  return { status: response.status, body: await response.text() };
}

/** The `auth[...]` block: a fresh token pair of `userId` and the app's token. */
function authBlock(double: Bitrix24Double, clientId: string, userId: number, appToken?: string) {
  const pair = double.issueTokens(userId, clientId);
  const now = Math.floor(double.state.now() / 1000);
  return {
    access_token: pair.accessToken,
    expires: Math.floor(pair.expiresAt / 1000),
    expires_in: Math.floor(pair.expiresAt / 1000) - now,
    scope: double.credentials.appScopes(clientId).join(","),
    domain: new URL(double.origin).host,
    server_endpoint: `${double.origin}/oauth/rest/`,
    status: "L",
    client_endpoint: double.restUrl,
    member_id: "0123456789abcdef0123456789abcdef",
    user_id: userId,
    refresh_token: pair.refreshToken,
    application_token: appToken ?? bizprocActionsOf(double.state).applicationToken(clientId),
  };
}

/** The portal installs the app: ONAPPINSTALL goes to `url` with the app's tokens. */
export function installApp(
  double: Bitrix24Double,
  url: string,
  options: { clientId?: string; userId?: number; applicationToken?: string } = {},
): Promise<PostAnswer> {
  const clientId = options.clientId ?? DEFAULT_APP.clientId;
  return post(url, {
    event: "ONAPPINSTALL",
    data: { VERSION: 1, ACTIVE: "Y", INSTALLED: "Y", LANGUAGE_ID: "fr" },
    ts: Math.floor(double.state.now() / 1000),
    auth: authBlock(double, clientId, options.userId ?? 1, options.applicationToken),
  });
}

export interface ReachAction {
  code: string;
  /** `["crm", "CCrmDocumentDeal", "DEAL_3"]` and the like. */
  documentId: string[];
  documentType: string[];
  /** The action's properties, already evaluated by the workflow. */
  properties: Record<string, string>;
  clientId?: string;
}

/** A workflow reaches the action: a new run waits, its call goes to the HANDLER. */
export async function reachAction(
  double: Bitrix24Double,
  input: ReachAction,
): Promise<{ run: ActionRun; answer: PostAnswer }> {
  const clientId = input.clientId ?? DEFAULT_APP.clientId;
  const actions = bizprocActionsOf(double.state);
  const activity = actions.appActivities(clientId).get(input.code);
  if (!activity) throw new Error(`no action "${input.code}" is registered by ${clientId}`);
  const run = actions.startRun(clientId, input.code, input.documentId, input.properties);
  const answer = await postAction(double, run, { documentType: input.documentType });
  return { run, answer };
}

/** Posts a run's call (again, or forged with another application token). */
export function postAction(
  double: Bitrix24Double,
  run: ActionRun,
  options: { documentType?: string[]; applicationToken?: string } = {},
): Promise<PostAnswer> {
  const activity = bizprocActionsOf(double.state).appActivities(run.clientId).get(run.code);
  if (!activity) throw new Error(`the action "${run.code}" is no longer registered`);
  return post(activity.handler, {
    workflow_id: run.workflowId,
    code: run.code,
    document_id: run.documentId,
    document_type: options.documentType ?? run.documentId.slice(0, 2).concat("DEAL"),
    event_token: run.eventToken,
    properties: run.properties,
    use_subscription: activity.useSubscription === "N" ? "N" : "Y",
    timeout_duration: 0,
    ts: Math.floor(double.state.now() / 1000),
    auth: authBlock(double, run.clientId, activity.authUserId, options.applicationToken),
  });
}
