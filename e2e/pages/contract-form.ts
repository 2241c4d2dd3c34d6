/**
 * The contract form (new or edit): fields found by their labels, parties by
 * their "Partie N" group, Mantine selects opened and picked like a person does.
 */
import { expect, type Locator, type Page } from "@playwright/test";

export interface PartyEntry {
  name: string;
  role?: string;
  signatory?: string;
  email?: string;
}

export interface RenewalEntry {
  /**
   * As the select shows it: "Aucun", "Tacite reconduction", "Sur option",
   * "Durée indéterminée"
   */
  kind: string;
  term?: { amount: number; unit: "Jours" | "Semaines" | "Mois" | "Années" };
  notice?: { amount: number; unit: "Jours" | "Semaines" | "Mois" | "Années" };
}

/** What a person types into the form for a new contract; dates as DD/MM/YYYY. */
export interface ContractEntry {
  title: string;
  reference?: string;
  type?: string;
  parties?: PartyEntry[];
  value?: string;
  signatureDate?: string;
  effectiveDate?: string;
  endDate?: string;
  renewal?: RenewalEntry;
  governingLaw?: string;
  tags?: string[];
  notes?: string;
}

export class ContractForm {
  readonly title: Locator;
  readonly reference: Locator;
  readonly type: Locator;
  /** The stage, read-only in the edit form */
  readonly stage: Locator;
  readonly value: Locator;
  readonly signatureDate: Locator;
  readonly effectiveDate: Locator;
  readonly endDate: Locator;
  readonly governingLaw: Locator;
  readonly tags: Locator;
  readonly notes: Locator;
  readonly termAmount: Locator;
  readonly noticeAmount: Locator;
  readonly addParty: Locator;
  readonly create: Locator;
  readonly save: Locator;
  readonly fixErrors: Locator;

  constructor(readonly page: Page) {
    const form = page.getByRole("main");
    this.title = form.getByRole("textbox", { name: "Titre", exact: true });
    this.reference = form.getByRole("textbox", { name: "Référence", exact: true });
    this.type = form.getByRole("combobox", { name: "Type", exact: true });
    this.stage = form.getByRole("textbox", { name: "Étape", exact: true });
    this.value = form.getByRole("textbox", { name: "Montant", exact: true });
    this.signatureDate = form.getByRole("textbox", { name: "Date de signature" });
    this.effectiveDate = form.getByRole("textbox", { name: "Date d'effet" });
    this.endDate = form.getByRole("textbox", { name: "Date de fin" });
    this.governingLaw = form.getByRole("textbox", { name: "Droit applicable" });
    this.tags = form.getByRole("combobox", { name: "Étiquettes" });
    this.notes = form.getByRole("textbox", { name: "Notes" });
    this.termAmount = form.getByRole("textbox", { name: "Durée de renouvellement", exact: true });
    this.noticeAmount = form.getByRole("textbox", { name: "Préavis", exact: true });
    this.addParty = form.getByRole("button", { name: "Ajouter une partie" });
    this.create = form.getByRole("button", { name: "Créer le contrat" });
    this.save = form.getByRole("button", { name: "Enregistrer" });
    const fixText = "Certains champs sont à corriger";
    this.fixErrors = form.getByRole("alert").filter({ hasText: fixText });
  }

  async expectNew(): Promise<void> {
    await expect(
      this.page.getByRole("heading", { level: 1, name: "Nouveau contrat" }),
    ).toBeVisible();
  }

  async expectEdit(): Promise<void> {
    await expect(
      this.page.getByRole("heading", { level: 1, name: "Modifier le contrat" }),
    ).toBeVisible();
  }

  /** Fills the fields an entry names; the rest keep their values. */
  async fill(entry: ContractEntry): Promise<void> {
    await this.title.fill(entry.title);
    if (entry.reference !== undefined) await this.reference.fill(entry.reference);
    if (entry.type !== undefined) await this.type.fill(entry.type);
    for (const [index, party] of (entry.parties ?? []).entries()) {
      if (index > 0) await this.addParty.click();
      await this.fillParty(index + 1, party);
    }
    if (entry.signatureDate) await this.typeDate(this.signatureDate, entry.signatureDate);
    if (entry.effectiveDate) await this.typeDate(this.effectiveDate, entry.effectiveDate);
    if (entry.endDate) await this.typeDate(this.endDate, entry.endDate);
    if (entry.value !== undefined) await this.value.fill(entry.value);
    if (entry.renewal) await this.setRenewal(entry.renewal);
    if (entry.governingLaw !== undefined) await this.governingLaw.fill(entry.governingLaw);
    if (entry.tags) await this.addTags(...entry.tags);
    if (entry.notes !== undefined) await this.notes.fill(entry.notes);
  }

  /** The fields of party N (from 1), inside its "Partie N" group. */
  party(number: number) {
    const group = this.page.getByRole("group", { name: `Partie ${number}`, exact: true });
    return {
      group,
      name: group.getByRole("textbox", { name: "Nom de la partie" }),
      role: group.getByRole("textbox", { name: "Rôle" }),
      signatory: group.getByRole("textbox", { name: "Signataire" }),
      email: group.getByRole("textbox", { name: "E-mail" }),
      ourSide: group.getByRole("checkbox", { name: "Notre côté" }),
    };
  }

  async fillParty(number: number, party: PartyEntry): Promise<void> {
    const fields = this.party(number);
    await fields.name.fill(party.name);
    if (party.role !== undefined) await fields.role.fill(party.role);
    if (party.signatory !== undefined) await fields.signatory.fill(party.signatory);
    if (party.email !== undefined) await fields.email.fill(party.email);
  }

  /** A select, by its label. */
  select(label: string): Locator {
    return this.page.getByRole("main").getByRole("combobox", { name: label, exact: true });
  }

  /** Opens a select by its label and picks an option, as a person does with the mouse. */
  async choose(label: string, option: string): Promise<void> {
    await this.select(label).click();
    await this.page.getByRole("option", { name: option, exact: true }).click();
    await expect(this.select(label)).toHaveValue(option);
  }

  /** Types a date as people write it, then leaves the field. */
  async typeDate(field: Locator, ddmmyyyy: string): Promise<void> {
    await field.fill(ddmmyyyy);
    await field.press("Tab");
    await expect(field).toHaveValue(ddmmyyyy);
  }

  async setRenewal(renewal: RenewalEntry): Promise<void> {
    await this.choose("Type de renouvellement", renewal.kind);
    if (renewal.term) {
      await this.termAmount.fill(String(renewal.term.amount));
      await this.choose("Unité de la durée de renouvellement", renewal.term.unit);
    }
    if (renewal.notice) {
      await this.noticeAmount.fill(String(renewal.notice.amount));
      await this.choose("Unité du préavis", renewal.notice.unit);
    }
  }

  async addTags(...tags: string[]): Promise<void> {
    for (const tag of tags) {
      await this.tags.fill(tag);
      await this.tags.press("Enter");
    }
  }

  /** The message shown under a field, read as the field's accessible description. */
  async expectFieldError(field: Locator, message: string | RegExp): Promise<void> {
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toHaveAccessibleDescription(message);
  }
}
