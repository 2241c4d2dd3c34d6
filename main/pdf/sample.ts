/**
 * A generated contract for the PDF tests and `npm run bench`: French text
 * with accents, « guillemets », œ, €, a Cyrillic party, lists, quotes,
 * headings and a very long URL, in as many sections as asked.
 */
import type { Contract } from "../../shared/domain/contract";
import type { ContractDocument, RenderedSection } from "../../shared/domain/templates";

export function sampleContract(overrides: Partial<Contract> = {}): Contract {
  return {
    id: 42,
    uid: "5f0c7d7e-3b7a-4a43-9a55-0d6c2f4f9a42",
    reference: "PAC-2026-042",
    title: "Contrat de prestation de services — Œuvre « Cœur de ville »",
    type: "Prestation de services",
    stage: "negotiation",
    counterparty: "Société Générale d’Études",
    effectiveDate: "2026-02-01",
    endDate: "2027-01-31",
    renewal: { kind: "automatic", term: "P1Y", notice: "P3M" },
    value: 125000.5,
    currency: "EUR",
    tags: ["prestations", "urbanisme"],
    archived: false,
    needsReview: false,
    updatedAt: "2026-12-01T10:00:00.000Z",
    currentTermEnd: "2027-01-31",
    noticeDeadline: "2026-10-31",
    parties: [
      {
        name: "Pacta Conseil SAS",
        role: "Prestataire",
        signatory: "Hélène Lefèvre",
        email: "helene.lefevre@pacta.example",
        internal: true,
      },
      {
        name: "Société Générale d’Études",
        role: "Client",
        signatory: "François Cœurdacier",
        email: null,
        internal: false,
      },
      {
        name: "ООО «Северный Ветер»",
        role: "Sous-traitant",
        signatory: "Иван Петров",
        email: "ivan.petrov@veter.example",
        internal: false,
      },
    ],
    signatureDate: "2026-01-20",
    governingLaw: "Droit français",
    notes: "Négocié en décembre.\n\nRelancer le client « avant » l’échéance.",
    review: [],
    createdAt: "2026-01-10T09:00:00.000Z",
    history: [],
    ...overrides,
  };
}

const SENTENCES = [
  "Le Prestataire s’engage à exécuter la mission décrite ci-dessous avec tout le soin " +
    "et la diligence d’un professionnel averti.",
  "Le prix forfaitaire s’élève à 125\u00a0000,50\u00a0€ hors taxes, payable à trente " +
    "(30) jours fin de mois.",
  "Les parties conviennent que l’œuvre « Cœur de ville » reste la propriété exclusive " +
    "du Client dès sa réception.",
  "Toute modification du périmètre fera l’objet d’un avenant écrit, signé par les " +
    "représentants habilités des parties.",
  "Le sous-traitant ООО «Северный Ветер», représenté par " +
    "Иван Петров, intervient sous la seule responsabilité du Prestataire.",
  "En cas de retard, des pénalités égales à trois fois le taux d’intérêt légal seront " +
    "exigibles de plein droit.",
  "Aucune des parties ne pourra être tenue responsable d’un manquement résultant d’un " +
    "cas de force majeure au sens de l’article 1218 du Code civil.",
];

function paragraph(i: number, count: number): string {
  const out: string[] = [];
  for (let k = 0; k < count; k += 1) out.push(SENTENCES[(i + k) % SENTENCES.length] ?? "");
  return out.join(" ");
}

const SYLLABLES = (
  "ré sil ia tion con trat pré avis clau se ga ran tie li vra ble fac tu ra " +
  "ex é cu pé na li té ob jet du rée ces sion œu vre"
).split(" ");
const CYRILLIC = "до го вор сто ро на ис пол не ние".split(" ");

/**
 * Eighty words, nearly all different from those of other sections: a real
 * contract's vocabulary runs to thousands of words, and each costs the
 * renderer a measurement.
 */
function vocabulary(i: number): string {
  let seed = 7919 * (i + 1);
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const words: string[] = [];
  for (let k = 0; k < 80; k += 1) {
    const pool = k % 10 === 9 ? CYRILLIC : SYLLABLES;
    const length = 2 + next(3);
    let word = "";
    for (let s = 0; s < length; s += 1) word += pool[next(pool.length)];
    words.push(word);
  }
  return `${words.join(" ")}.`;
}

function sectionBody(i: number): string {
  const parts = [
    `<p>${paragraph(i, 5)}</p>`,
    `<p>${vocabulary(i)}</p>`,
    `<h3>${i + 1}.1. Obligations de l’<em>entreprise</em></h3>`,
    `<p><strong>Le Prestataire</strong> s’engage notamment à : </p>`,
    "<ul><li>fournir les livrables dans les délais convenus ;</li>",
    "<li>respecter les <u>règles de sécurité</u> du site, y compris :",
    "<ol><li>le port des équipements de protection ;</li>",
    "<li>l’accès par badge nominatif.</li></ol></li>",
    "<li>informer le Client de toute difficulté « sans délai ».</li></ul>",
    `<h4>${i + 1}.1.1. Références</h4>`,
    "<p>Documentation : https://docs.pacta.example/contrats/annexes/prestations-de-services/" +
      "version-2026/conditions-particulieres-et-generales-applicables-au-present-contrat.pdf</p>",
    `<blockquote><p><em>${paragraph(i + 3, 2)}</em></p></blockquote>`,
    `<p>${paragraph(i + 1, 6)}</p>`,
  ];
  return parts.join("");
}

/** A document of `sections` sections (about 1.6 pages each). */
export function sampleDocument(contractId: number, sections: number): ContractDocument {
  const titles: string[] = [
    "Objet",
    "Durée",
    "Prix et paiement",
    "Propriété intellectuelle",
    "Résiliation",
  ];
  const list: RenderedSection[] = [];
  for (let i = 0; i < sections; i += 1) {
    const part = i < titles.length ? "" : ` (suite ${Math.floor(i / titles.length)})`;
    list.push({ title: `${titles[i % titles.length]}${part}`, body: sectionBody(i) });
  }
  return {
    contractId,
    templateId: 7,
    templateName: "Prestation de services (FR)",
    templateVersion: 3,
    generatedAt: "2026-12-01T10:00:00.000Z",
    updatedAt: "2026-12-01T10:00:00.000Z",
    values: {},
    sections: list,
  };
}

/** Sections that make the sample contract about 30 pages long. */
export const THIRTY_PAGES = 30;
