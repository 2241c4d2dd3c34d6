/**
 * The portal's shape: entity types with their fields, pipelines
 * (categories) and stages, and its users. Deals (2), contacts (3),
 * companies (4) and one smart process "Contrats" (entityTypeId 1220, type
 * record id 5, so its user fields are `UF_CRM_5_…`).
 */
import { type FieldDef, field, userField } from "./fields";

export interface Category {
  id: number;
  name: string;
  sort: number;
  entityTypeId: number;
  isDefault: "Y" | "N";
}

export interface Stage {
  statusId: string;
  name: string;
  sort: number;
  semantics: null | "S" | "F";
  color: string;
}

export interface EntityTypeDef {
  entityTypeId: number;
  /** Used in default titles: "Deal #12". */
  title: string;
  /** The smart process's type record id (≠ entityTypeId); null for built-in types. */
  typeRecordId: number | null;
  code: string;
  legacy: "deal" | "company" | "contact" | null;
  fields: FieldDef[];
  categories: Category[];
  /** Stages per category id. */
  stages: Map<number, Stage[]>;
}

export interface PortalUser {
  id: number;
  name: string;
  lastName: string;
  email: string;
  admin: boolean;
  timeZone: string;
  position: string;
}

const audit = (): FieldDef[] => [
  field("createdBy", "user", "Created by", { readOnly: true, upper: "CREATED_BY_ID" }),
  field("updatedBy", "user", "Modified by", { readOnly: true, upper: "MODIFY_BY_ID" }),
  field("createdTime", "datetime", "Created on", { readOnly: true, upper: "DATE_CREATE" }),
  field("updatedTime", "datetime", "Modified on", { readOnly: true, upper: "DATE_MODIFY" }),
  field("assignedById", "user", "Responsible person"),
  field("opened", "char", "Available to everyone"),
];

const pipeline = (): FieldDef[] => [
  field("categoryId", "crm_category", "Pipeline"),
  field("stageId", "crm_status", "Stage"),
  field("previousStageId", "crm_status", "Previous stage", { readOnly: true }),
  field("movedBy", "user", "Moved by", { readOnly: true, upper: "MOVED_BY_ID" }),
  field("movedTime", "datetime", "Moved on", { readOnly: true }),
];

const money = (): FieldDef[] => [
  field("opportunity", "double", "Amount"),
  field("isManualOpportunity", "char", "Manual amount"),
  field("taxValue", "double", "Tax"),
  field("currencyId", "crm_currency", "Currency"),
];

const id = () => field("id", "integer", "ID", { readOnly: true });
const origin = (): FieldDef[] => [
  field("originatorId", "string", "External source"),
  field("originId", "string", "Item ID in data source"),
];

const dealStages = (prefix: string): Stage[] => [
  { statusId: `${prefix}NEW`, name: "Nouveau", sort: 10, semantics: null, color: "#39A8EF" },
  {
    statusId: `${prefix}PREPARATION`,
    name: "Préparation",
    sort: 20,
    semantics: null,
    color: "#2FC6F6",
  },
  {
    statusId: `${prefix}EXECUTING`,
    name: "В работе",
    sort: 30,
    semantics: null,
    color: "#55D0E0",
  },
  { statusId: `${prefix}WON`, name: "Gagné", sort: 60, semantics: "S", color: "#7BD500" },
  { statusId: `${prefix}LOSE`, name: "Perdu", sort: 70, semantics: "F", color: "#FF5752" },
];

const contractStages = (category: number): Stage[] => {
  const p = `DT1220_${category}:`;
  return [
    { statusId: `${p}NEW`, name: "Brouillon", sort: 10, semantics: null, color: "#39A8EF" },
    {
      statusId: `${p}PREPARATION`,
      name: "Revue juridique",
      sort: 20,
      semantics: null,
      color: "#2FC6F6",
    },
    { statusId: `${p}CLIENT`, name: "Négociation", sort: 30, semantics: null, color: "#55D0E0" },
    { statusId: `${p}SUCCESS`, name: "Signé", sort: 60, semantics: "S", color: "#7BD500" },
    { statusId: `${p}FAIL`, name: "Abandonné", sort: 70, semantics: "F", color: "#FF5752" },
  ];
};

export const CONTRACT_TYPE_ID = 1220;

export function catalog(): EntityTypeDef[] {
  const deal: EntityTypeDef = {
    entityTypeId: 2,
    title: "Deal",
    typeRecordId: null,
    code: "DEAL",
    legacy: "deal",
    fields: [
      id(),
      field("title", "string", "Name"),
      field("typeId", "crm_status", "Type"),
      ...pipeline(),
      field("stageSemanticId", "string", "Stage group", { readOnly: true }),
      field("isNew", "char", "New", { readOnly: true }),
      field("closed", "char", "Closed"),
      field("probability", "integer", "Probability"),
      ...money(),
      field("companyId", "crm_company", "Company"),
      field("contactId", "crm_contact", "Contact"),
      field("contactIds", "crm_contact", "Contacts", { multiple: true }),
      field("begindate", "date", "Start date"),
      field("closedate", "date", "Close date"),
      field("comments", "text", "Comment"),
      field("sourceId", "crm_status", "Source"),
      ...origin(),
      ...audit(),
      userField("UF_CRM_PACTA_UUID", "string", "Pacta contract"),
    ],
    categories: [
      { id: 0, name: "General", sort: 300, entityTypeId: 2, isDefault: "Y" },
      { id: 4, name: "Contrats cadres", sort: 400, entityTypeId: 2, isDefault: "N" },
    ],
    stages: new Map([
      [0, dealStages("")],
      [4, dealStages("C4:")],
    ]),
  };
  const contact: EntityTypeDef = {
    entityTypeId: 3,
    title: "Contact",
    typeRecordId: null,
    code: "CONTACT",
    legacy: "contact",
    fields: [
      id(),
      field("name", "string", "First name"),
      field("lastName", "string", "Last name"),
      field("secondName", "string", "Second name"),
      field("post", "string", "Position"),
      field("companyId", "crm_company", "Company"),
      field("fm", "crm_multifield", "Multi-fields", { multiple: true }),
      field("comments", "text", "Comment"),
      ...origin(),
      ...audit(),
    ],
    categories: [],
    stages: new Map(),
  };
  const company: EntityTypeDef = {
    entityTypeId: 4,
    title: "Company",
    typeRecordId: null,
    code: "COMPANY",
    legacy: "company",
    fields: [
      id(),
      field("title", "string", "Company name"),
      field("companyType", "crm_status", "Company type", { upper: "COMPANY_TYPE" }),
      field("industry", "crm_status", "Industry"),
      field("isMyCompany", "char", "My company"),
      field("fm", "crm_multifield", "Multi-fields", { multiple: true }),
      field("comments", "text", "Comment"),
      ...origin(),
      ...audit(),
      userField("UF_CRM_SIREN", "string", "SIREN"),
    ],
    categories: [],
    stages: new Map(),
  };
  const contracts: EntityTypeDef = {
    entityTypeId: CONTRACT_TYPE_ID,
    title: "Contrats",
    typeRecordId: 5,
    code: "contrats",
    legacy: null,
    fields: [
      id(),
      field("xmlId", "string", "External ID"),
      field("title", "string", "Name"),
      ...pipeline(),
      field("begindate", "date", "Start date"),
      field("closedate", "date", "Finish date"),
      field("companyId", "crm_company", "Company"),
      field("contactId", "crm_contact", "Contact"),
      field("contactIds", "crm_contact", "Contacts", { multiple: true }),
      field("mycompanyId", "crm_company", "Your company details"),
      ...money(),
      field("sourceId", "crm_status", "Source"),
      field("sourceDescription", "text", "Source information"),
      field("observers", "user", "Observers", { multiple: true }),
      field("parentId2", "integer", "Deal"),
      field("entityTypeId", "integer", "Entity type", { readOnly: true }),
      ...audit(),
      userField("UF_CRM_5_PACTA_UUID", "string", "Pacta contract"),
      userField("UF_CRM_5_NOTICE_DAYS", "integer", "Notice period (days)"),
      userField("UF_CRM_5_AUTO_RENEWAL", "boolean", "Auto-renewal"),
    ],
    categories: [
      { id: 30, name: "Contrats clients", sort: 100, entityTypeId: 1220, isDefault: "Y" },
      { id: 31, name: "Contrats fournisseurs", sort: 200, entityTypeId: 1220, isDefault: "N" },
    ],
    stages: new Map([
      [30, contractStages(30)],
      [31, contractStages(31)],
    ]),
  };
  return [deal, contact, company, contracts];
}

export function seedUsers(): PortalUser[] {
  return [
    {
      id: 1,
      name: "Camille",
      lastName: "Lefèvre",
      email: "camille.lefevre@example.test",
      admin: true,
      timeZone: "Europe/Moscow",
      position: "Avocate associée",
    },
    {
      id: 2,
      name: "Анна",
      lastName: "Смирнова",
      email: "anna.smirnova@example.test",
      admin: false,
      timeZone: "Europe/Moscow",
      position: "Юрист",
    },
    {
      id: 3,
      name: "José",
      lastName: "Núñez",
      email: "jose.nunez@example.test",
      admin: false,
      timeZone: "Europe/Paris",
      position: "Juriste",
    },
  ];
}
