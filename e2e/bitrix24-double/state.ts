/**
 * The portal's data, in memory: items per entity type, stored typed, with
 * the rules every write follows (defaults, stages that must belong to the
 * item's pipeline, no-op updates that leave `updatedTime` alone).
 */
import {
  type Category,
  CONTRACT_TYPE_ID,
  catalog,
  type EntityTypeDef,
  type PortalUser,
  type Stage,
  seedUsers,
} from "./catalog";
import type { FieldDef, MultiField, Stored } from "./fields";
import { PortalError } from "./portal-error";
import { WorkflowEngine } from "./workflow-engine";

export interface Item {
  id: number;
  values: Record<string, Stored>;
}

/** One write that changed the portal's data, in the order the portal saved them. */
export interface JournalEntry {
  op: "add" | "update" | "delete";
  entityTypeId: number;
  id: number;
  /** The fields the write changed (all given fields for an add). */
  fields: string[];
}

export interface EntityType extends EntityTypeDef {
  byName: Map<string, FieldDef>;
  byUpper: Map<string, FieldDef>;
  items: Map<number, Item>;
  nextId: number;
}

const DAY = 86_400_000;

export class PortalState {
  readonly users: PortalUser[] = seedUsers();
  readonly types = new Map<number, EntityType>();
  /** Every saved write; a no-op update leaves no entry, as it leaves no trace on a portal. */
  readonly journal: JournalEntry[] = [];
  /** Workflow templates, instances and tasks (the `bizproc.*` methods). */
  readonly bizproc: WorkflowEngine = new WorkflowEngine(this);
  private nextMultiFieldId = 100;
  /** The hour at which date fields (begindate, closedate…) are written. */
  dateHour = 0;

  constructor(
    /** Minutes east of UTC for every datetime the portal writes (+03:00 by default). */
    readonly offsetMinutes = 180,
    /** The portal's clock; tests may move it. */
    public now: () => number = Date.now,
  ) {
    for (const def of catalog()) {
      this.types.set(def.entityTypeId, {
        ...def,
        byName: new Map(def.fields.map((f) => [f.name, f])),
        byUpper: new Map(def.fields.map((f) => [f.upper, f])),
        items: new Map(),
        nextId: 1,
      });
    }
  }

  type(entityTypeId: number): EntityType {
    const type = this.types.get(entityTypeId);
    if (!type) throw new PortalError(400, "NOT_FOUND", "Smart process not found");
    return type;
  }

  user(id: number): PortalUser | undefined {
    return this.users.find((u) => u.id === id);
  }

  /** The portal's calendar date today, `YYYY-MM-DD`. */
  today(plusDays = 0): string {
    return new Date(this.now() + this.offsetMinutes * 60_000 + plusDays * DAY)
      .toISOString()
      .slice(0, 10);
  }

  defaultCategory(type: EntityType): Category | undefined {
    return type.categories.find((c) => c.isDefault === "Y") ?? type.categories[0];
  }

  stagesOf(type: EntityType, categoryId: number): Stage[] {
    return type.stages.get(categoryId) ?? [];
  }

  add(entityTypeId: number, values: Record<string, Stored>, userId: number): Item {
    const type = this.type(entityTypeId);
    const id = type.nextId++;
    const now = this.now();
    const v: Record<string, Stored> = { ...values, id };
    if (type.byName.has("title") && !v.title) v.title = `${type.title} #${id}`;
    if (type.categories.length > 0) {
      const categoryId = typeof v.categoryId === "number" ? v.categoryId : undefined;
      const category = type.categories.find((c) => c.id === categoryId);
      if (categoryId !== undefined && !category) throw badValue("categoryId", categoryId);
      v.categoryId = (category ?? this.defaultCategory(type))?.id ?? 0;
      const stages = this.stagesOf(type, v.categoryId);
      if (!v.stageId) v.stageId = stages[0]?.statusId ?? null;
      else if (!stages.some((s) => s.statusId === v.stageId)) throw badValue("stageId", v.stageId);
    }
    if (type.byName.has("begindate") && !v.begindate) v.begindate = this.today();
    if (type.byName.has("closedate") && !v.closedate) v.closedate = this.today(7);
    if (type.byName.has("entityTypeId")) v.entityTypeId = entityTypeId;
    if (type.byName.has("currencyId") && !v.currencyId) v.currencyId = "EUR";
    if (type.byName.has("isNew")) v.isNew = "Y";
    v.createdTime = now;
    v.updatedTime = now;
    v.createdBy = userId;
    v.updatedBy = userId;
    if (!v.assignedById) v.assignedById = userId;
    if (!v.opened) v.opened = "Y";
    if (Array.isArray(v.fm)) v.fm = (v.fm as MultiField[]).map((m) => this.withId(m));
    this.deriveStage(type, v);
    const item = { id, values: v };
    type.items.set(id, item);
    this.journal.push({ op: "add", entityTypeId, id, fields: Object.keys(values) });
    return item;
  }

  /** Applies the changed fields; returns false when nothing changed. */
  update(entityTypeId: number, id: number, changes: Record<string, Stored>, userId: number) {
    const type = this.type(entityTypeId);
    const item = type.items.get(id);
    if (!item) throw new PortalError(400, "NOT_FOUND", "Item not found");
    const changed = Object.entries(changes).filter(
      ([k, value]) => JSON.stringify(item.values[k] ?? null) !== JSON.stringify(value),
    );
    if (changed.length === 0) return false;
    const next = { ...item.values, ...Object.fromEntries(changed) };
    if (type.categories.length > 0) {
      const categoryId = next.categoryId as number;
      if (!type.categories.some((c) => c.id === categoryId))
        throw badValue("categoryId", categoryId);
      const stages = this.stagesOf(type, categoryId);
      if (next.categoryId !== item.values.categoryId && !("stageId" in changes)) {
        next.stageId = stages[0]?.statusId ?? null;
      }
      if (!stages.some((s) => s.statusId === next.stageId)) throw badValue("stageId", next.stageId);
      if (next.stageId !== item.values.stageId) {
        if (type.byName.has("previousStageId")) next.previousStageId = item.values.stageId ?? null;
        next.movedTime = this.now();
        next.movedBy = userId;
      }
    }
    next.updatedTime = this.now();
    next.updatedBy = userId;
    if (type.byName.has("isNew")) next.isNew = "N";
    this.deriveStage(type, next);
    item.values = next;
    this.journal.push({ op: "update", entityTypeId, id, fields: changed.map(([k]) => k) });
    return true;
  }

  remove(entityTypeId: number, id: number): void {
    const type = this.type(entityTypeId);
    if (!type.items.delete(id)) throw new PortalError(400, "NOT_FOUND", "Item not found");
    this.journal.push({ op: "delete", entityTypeId, id, fields: [] });
  }

  /** A new multi-field entry (phone, e-mail…) with the portal's next id. */
  withId(m: Omit<MultiField, "id">): MultiField {
    return {
      typeId: m.typeId,
      valueType: m.valueType,
      value: m.value,
      id: this.nextMultiFieldId++,
    };
  }

  private deriveStage(type: EntityType, v: Record<string, Stored>): void {
    if (!type.byName.has("stageSemanticId")) return;
    const stage = this.stagesOf(type, v.categoryId as number).find((s) => s.statusId === v.stageId);
    v.stageSemanticId = stage?.semantics ?? "P";
    v.closed = stage?.semantics ? "Y" : "N";
  }
}

function badValue(name: string, value: Stored | undefined): PortalError {
  return new PortalError(
    400,
    "CRM_FIELD_ERROR_VALUE_NOT_VALID",
    `Invalid value "${String(value)}" for field "${name}"`,
  );
}

const TITLES = [
  "Contrat de prestation de services",
  "Accord de confidentialité",
  "Bail commercial",
  "Contrat de licence",
  "Договор поставки",
  "Соглашение о неразглашении",
  "Contrato de distribución",
  "Master Services Agreement",
];
const COMPANIES = [
  "Société Générale d'Équipement",
  "Boulangerie Lemaître & Fils",
  "ООО «Северсталь-Сервис»",
  "Ñandú Logística S.L.",
  "Crédit Agricole Île-de-France",
  "АО «Ростелеком»",
];

/** Adds `count` contracts to the smart process, accented and Cyrillic titles included. */
export function seedContracts(state: PortalState, count: number): void {
  const type = state.type(CONTRACT_TYPE_ID);
  for (let i = 0; i < count; i++) {
    const n = type.nextId;
    const category = n % 5 === 0 ? 31 : 30;
    const stages = state.stagesOf(type, category);
    state.add(
      CONTRACT_TYPE_ID,
      {
        title: `${TITLES[n % TITLES.length]} n° ${n} — ${COMPANIES[n % COMPANIES.length]}`,
        categoryId: category,
        stageId: stages[n % stages.length]?.statusId ?? null,
        opportunity: (n % 97) * 1250.5,
        currencyId: n % 3 === 0 ? "RUB" : "EUR",
        xmlId: `seed-${n}`,
        ufCrm5PactaUuid: null,
        ufCrm5NoticeDays: (n % 4) * 30,
        ufCrm5AutoRenewal: n % 2 === 0 ? "Y" : "N",
      },
      1 + (n % 3),
    );
  }
}

/** A small portal: companies, contacts with phones and e-mails, deals in two pipelines. */
export function seedCrm(state: PortalState): void {
  COMPANIES.forEach((title, i) => {
    state.add(
      4,
      {
        title,
        companyType: "CUSTOMER",
        isMyCompany: i === 0 ? "Y" : "N",
        ufCrmSiren: String(552_120_222 + i),
        fm: [{ id: 0, typeId: "EMAIL", valueType: "WORK", value: `contact${i}@example.test` }],
      },
      1,
    );
  });
  const people: [string, string][] = [
    ["Hélène", "Dupré"],
    ["Дмитрий", "Иванов"],
    ["Zoë", "Åkesson"],
  ];
  people.forEach(([name, lastName], i) => {
    state.add(
      3,
      {
        name,
        lastName,
        companyId: i + 1,
        fm: [
          { id: 0, typeId: "PHONE", valueType: "WORK", value: `+33 1 40 00 00 0${i}` },
          { id: 0, typeId: "EMAIL", valueType: "HOME", value: `person${i}@example.test` },
        ],
      },
      1,
    );
  });
  for (let i = 0; i < 8; i++) {
    state.add(
      2,
      {
        title: `${TITLES[i % TITLES.length]} — ${COMPANIES[i % COMPANIES.length]}`,
        categoryId: i % 2 === 0 ? 0 : 4,
        opportunity: 1_000_000 + i,
        companyId: (i % COMPANIES.length) + 1,
        contactId: i < people.length ? i + 1 : 0,
        contactIds: i < people.length ? [i + 1] : [],
        originatorId: i === 0 ? "pacta" : null,
        originId: i === 0 ? "seed-deal-0" : null,
      },
      1,
    );
  }
}
