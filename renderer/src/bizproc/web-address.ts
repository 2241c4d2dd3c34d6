/** Whether a text is an http(s) address, the only kind the app opens outside itself. */
export function isWebAddress(text: string | null | undefined): text is string {
  if (!text) return false;
  try {
    const url = new URL(text);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}
