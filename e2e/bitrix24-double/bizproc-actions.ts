/**
 * What the double's portal knows about app actions (BITRIX24.md 7.2–7.4):
 * the activities each OAuth app registered, each app's application token,
 * and the workflow runs that reached an action and wait for its answer
 * (`bizproc.event.send` with their event token). Kept beside the portal's
 * state, one set per double.
 */
import { randomBytes } from "node:crypto";
import type { Param, ParamMap } from "./params";
import type { PortalState } from "./state";

export interface ActivityDef {
  code: string;
  handler: string;
  authUserId: number;
  useSubscription: string;
  name: Param;
  description: Param;
  properties: ParamMap;
  returnProperties: ParamMap;
  documentType: Param;
}

/** A workflow that reached an app action: waiting for the answer, or resumed by it. */
export interface ActionRun {
  workflowId: string;
  code: string;
  clientId: string;
  eventToken: string;
  documentId: string[];
  properties: Record<string, string>;
  state: "waiting" | "resumed";
  /** What `bizproc.event.send` returned to the workflow. */
  returnValues: Record<string, Param> | null;
  logMessage: string | null;
}

export class BizprocActions {
  /** clientId → code → activity. */
  readonly activities = new Map<string, Map<string, ActivityDef>>();
  readonly runs: ActionRun[] = [];
  private readonly appTokens = new Map<string, string>();

  appActivities(clientId: string): Map<string, ActivityDef> {
    let map = this.activities.get(clientId);
    if (!map) {
      map = new Map();
      this.activities.set(clientId, map);
    }
    return map;
  }

  /** The token the portal sends with every event and action call of this app. */
  applicationToken(clientId: string): string {
    let token = this.appTokens.get(clientId);
    if (!token) {
      token = randomBytes(16).toString("hex");
      this.appTokens.set(clientId, token);
    }
    return token;
  }

  startRun(clientId: string, code: string, documentId: string[], props: Record<string, string>) {
    const workflowId = `${randomBytes(7).toString("hex")}.${randomBytes(4).toString("hex")}`;
    const run: ActionRun = {
      workflowId,
      code,
      clientId,
      eventToken: [
        workflowId,
        `A${randomBytes(3).toString("hex")}`,
        randomBytes(8).toString("hex"),
      ].join("|"),
      documentId,
      properties: props,
      state: "waiting",
      returnValues: null,
      logMessage: null,
    };
    this.runs.push(run);
    return run;
  }

  /** The live run holding this token, if any (answered runs hold none). */
  waiting(eventToken: string): ActionRun | undefined {
    return this.runs.find((r) => r.eventToken === eventToken && r.state === "waiting");
  }
}

const byPortal = new WeakMap<PortalState, BizprocActions>();

export function bizprocActionsOf(state: PortalState): BizprocActions {
  let actions = byPortal.get(state);
  if (!actions) {
    actions = new BizprocActions();
    byPortal.set(state, actions);
  }
  return actions;
}
