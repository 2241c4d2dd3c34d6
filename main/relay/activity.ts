/**
 * The portal action "Contract lifecycle management" as Pacta registers it
 * (`bizproc.activity.add`, BITRIX24.md 7.2): its code, names in French and
 * English, the properties a workflow fills in and the values Pacta returns.
 * Registering again updates it, so a relay can start any number of times.
 */
import type { Bitrix24Client } from "../bitrix24/client";
import { Bitrix24Error } from "../bitrix24/errors";
import { createLogger } from "../logging/logger";

const log = createLogger("relay");

export const ACTION_CODE = "pacta_contract_lifecycle";
/** Where, under the public URL, the portal's calls arrive. */
export const HANDLER_PATH = "/bizproc/contract-lifecycle";
/** Where the install event (ONAPPINSTALL or the install callback) arrives. */
export const INSTALL_PATH = "/install";

type Text = { fr: string; en: string };
type Property = {
  Name: Text;
  Description?: Text;
  Type: "string" | "text" | "date" | "int" | "user";
  Required: "Y" | "N";
  Multiple: "N";
  Default?: string;
};

/** Keys of what a workflow hands the action. */
export const PROPERTIES: Record<string, Property> = {
  ContractTitle: {
    Name: { fr: "Titre du contrat", en: "Contract title" },
    Type: "string",
    Required: "N",
    Multiple: "N",
  },
  ContractTemplate: {
    Name: { fr: "Modèle de contrat", en: "Contract template" },
    Description: { fr: "Nom ou numéro du modèle Pacta", en: "Pacta template name or number" },
    Type: "string",
    Required: "N",
    Multiple: "N",
  },
  Responsible: {
    Name: { fr: "Responsable", en: "Responsible user" },
    Type: "user",
    Required: "Y",
    Multiple: "N",
  },
  StageDeadlines: {
    Name: { fr: "Échéances des étapes", en: "Stage deadlines" },
    Description: {
      fr: "Une ligne par étape : étape=AAAA-MM-JJ",
      en: "One line per stage: stage=YYYY-MM-DD",
    },
    Type: "text",
    Required: "N",
    Multiple: "N",
  },
  RenewalDate: {
    Name: { fr: "Date de renouvellement", en: "Renewal date" },
    Type: "date",
    Required: "N",
    Multiple: "N",
  },
  NoticePeriodDays: {
    Name: { fr: "Préavis (jours)", en: "Notice period (days)" },
    Type: "int",
    Required: "N",
    Multiple: "N",
    Default: "0",
  },
  WaitStage: {
    Name: { fr: "Étape attendue", en: "Stage to wait for" },
    Description: {
      fr: "Étape Pacta (active…) ou du portail : l'action répond quand le contrat l'atteint",
      en:
        "Pacta stage (active…) or portal stage: " +
        "the action answers when the contract reaches it",
    },
    Type: "string",
    Required: "Y",
    Multiple: "N",
    Default: "active",
  },
};

export const RETURN_PROPERTIES: Record<string, Property> = {
  ContractId: { Name: { fr: "N° du contrat", en: "Contract id" }, Type: "int", ...once() },
  Stage: { Name: { fr: "Étape", en: "Stage" }, Type: "string", ...once() },
  NoticeDeadline: {
    Name: { fr: "Date limite de préavis", en: "Notice deadline" },
    Type: "date",
    ...once(),
  },
};

function once(): { Required: "N"; Multiple: "N" } {
  return { Required: "N", Multiple: "N" };
}

/** The fields of `bizproc.activity.add` (and `update`'s FIELDS) for this handler. */
export function activityFields(handlerUrl: string) {
  return {
    HANDLER: handlerUrl,
    USE_SUBSCRIPTION: "Y",
    NAME: {
      fr: "Gestion du cycle de vie des contrats",
      en: "Contract lifecycle management",
    },
    DESCRIPTION: {
      fr: "Crée ou met à jour le contrat dans Pacta et attend qu'il atteigne une étape",
      en: "Creates or updates the contract in Pacta and waits until it reaches a stage",
    },
    PROPERTIES,
    RETURN_PROPERTIES,
  };
}

/** `https://relay.example/base/` + a path of the relay, without doubling slashes. */
export function publicPath(publicUrl: string, path: string): string {
  return new URL(path.slice(1), publicUrl.endsWith("/") ? publicUrl : `${publicUrl}/`).href;
}

export function handlerUrl(publicUrl: string): string {
  return publicPath(publicUrl, HANDLER_PATH);
}

/**
 * Registers the action, or updates it when the portal already has it (a
 * restart, a new public URL). Returns what was done.
 */
export async function registerAction(
  client: Bitrix24Client,
  publicUrl: string,
): Promise<"added" | "updated"> {
  const fields = activityFields(handlerUrl(publicUrl));
  const listed = await client.call<unknown>("bizproc.activity.list", {});
  const codes = Array.isArray(listed.result) ? listed.result.map(String) : [];
  if (codes.includes(ACTION_CODE)) {
    try {
      await client.call("bizproc.activity.update", { CODE: ACTION_CODE, FIELDS: fields });
      log.info({ code: ACTION_CODE }, "portal action updated");
      return "updated";
    } catch (error) {
      // Deleted between list and update: add it below.
      if (!(error instanceof Bitrix24Error && error.code === "ERROR_ACTIVITY_NOT_FOUND")) {
        throw error;
      }
    }
  }
  await client.call("bizproc.activity.add", { CODE: ACTION_CODE, ...fields });
  log.info({ code: ACTION_CODE }, "portal action added");
  return "added";
}
