/**
 * A synthetic register for benchmarks: contracts with French and English
 * titles, accented and Cyrillic party names, dates, values and tags,
 * written as the CSV a firm would export. Deterministic for a given seed.
 */

const KINDS = [
  "Contrat de prestation",
  "Accord de confidentialité",
  "Bail commercial",
  "Master Services Agreement",
  "Licence de logiciel",
  "Contrat de distribution",
  "Supply Agreement",
  "Convention de stage",
  "Contrat de maintenance",
  "Cession de parts",
];
const SUBJECTS = [
  "café",
  "logiciel",
  "transport",
  "nettoyage",
  "conseil",
  "hébergement",
  "formation",
  "sécurité",
  "énergie",
  "télécoms",
  "marketing",
  "recrutement",
];
const NAMES = [
  "Dupont",
  "Lefèvre",
  "Müller",
  "Petrov",
  "Иванов",
  "Östberg",
  "García",
  "Nguyen",
  "Smith",
  "Zoé Marchand",
  "Cœur de Lion",
  "Kowalski",
  "Søren",
  "Дмитриев",
];
const FORMS = ["SARL", "SAS", "GmbH", "Ltd", "Inc.", "ООО", "SA"];
const TAGS = ["achats", "rh", "it", "immobilier", "ventes", "juridique", "urgent"];
const TERMS = ["P1Y", "P2Y", "P6M", "P3Y"];
const NOTICES = ["P1M", "P3M", "P30D", "P90D", "P6M"];

/** A small fast random generator (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, list: readonly T[]): T =>
  list[Math.floor(r() * list.length)] as T;

function date(r: () => number, fromYear: number, years: number): string {
  const d = new Date(Date.UTC(fromYear, 0, 1) + Math.floor(r() * years * 365) * 86_400_000);
  return d.toISOString().slice(0, 10);
}

function csvCell(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const BENCH_HEADERS = [
  "Reference",
  "Title",
  "Type",
  "Parties",
  "Value",
  "Currency",
  "Effective date",
  "End date",
  "Renewal",
  "Renewal term",
  "Notice period",
  "Tags",
  "Notes",
];

export function generateCsv(count: number, seed = 42): string {
  const r = random(seed);
  const lines = [BENCH_HEADERS.join(",")];
  for (let i = 1; i <= count; i++) {
    const kind = pick(r, KINDS);
    const subject = pick(r, SUBJECTS);
    const counterparty = `${pick(r, NAMES)} ${pick(r, FORMS)}`;
    const effective = date(r, 2018, 8);
    const end = date(r, 2026, 6);
    const automatic = r() < 0.4;
    const cells = [
      `BENCH-${String(i).padStart(6, "0")}`,
      `${kind} — ${subject} ${i % 97}`,
      kind.split(" ")[0] ?? "Contrat",
      `Cabinet Martin ("client"); ${counterparty} ("prestataire")`,
      (Math.floor(r() * 10_000_000) / 100).toFixed(2),
      r() < 0.8 ? "EUR" : "USD",
      effective,
      end,
      automatic ? "automatic" : "none",
      automatic ? pick(r, TERMS) : "",
      pick(r, NOTICES),
      [pick(r, TAGS), pick(r, TAGS)].join(","),
      r() < 0.3 ? `Clause de résiliation anticipée pour ${subject}` : "",
    ];
    lines.push(cells.map(csvCell).join(","));
  }
  return `${lines.join("\n")}\n`;
}

/** What people type in the search box: names, words, references, prefixes. */
export function benchQueries(count: number, seed = 7): string[] {
  const r = random(seed);
  const pool = [
    () => pick(r, NAMES).split(" ")[0] ?? "",
    () => pick(r, SUBJECTS),
    () => pick(r, SUBJECTS).slice(0, 3),
    () => `BENCH-0${Math.floor(r() * 99_999)}`.slice(0, 11),
    () => `${pick(r, KINDS).split(" ")[0]} ${pick(r, SUBJECTS)}`,
    () => pick(r, ["securite", "energie", "hebergement", "coeur", "ivanov", "mull"]),
    () => pick(r, ['"bail', "licence AND", "(logiciel", "-conseil", "résil*"]),
  ];
  return Array.from({ length: count }, () => pick(r, pool)());
}
