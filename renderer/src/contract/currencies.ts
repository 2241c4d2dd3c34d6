/** Currency choices for a select: ISO 4217 codes the runtime knows, with their names. */
export function currencyOptions(locale: string, first: readonly string[]) {
  const names = new Intl.DisplayNames(locale, { type: "currency" });
  const codes = [...new Set([...first, ...Intl.supportedValuesOf("currency")])];
  return codes.map((code) => ({ value: code, label: `${code} · ${names.of(code) ?? code}` }));
}
