/** How backups read in the UI: their date and size, in the UI's language. */

/** `4 déc. 2026, 21:30:05` / `4 Dec 2026, 21:30:05`, in the person's time zone. */
export function backupDate(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language === "fr" ? "fr-FR" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "medium",
  }).format(new Date(iso));
}

/** The size in KB (under 1 MB) or MB with one decimal, as the key and count to show. */
export function backupSize(bytes: number, language: string): { key: "kb" | "mb"; count: string } {
  const locale = language === "fr" ? "fr-FR" : "en-GB";
  if (bytes < 1024 * 1024) {
    return { key: "kb", count: String(Math.max(1, Math.round(bytes / 1024))) };
  }
  const mb = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(
    bytes / 1024 / 1024,
  );
  return { key: "mb", count: mb };
}
