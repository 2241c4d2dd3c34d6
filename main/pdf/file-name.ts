/**
 * The name a contract's PDF is offered under: "PAC-2026-042 Contrat de
 * prestation.pdf". Safe on Windows, macOS and Linux, at most 100 characters.
 */
import type { Contract } from "../../shared/domain/contract";

const MAX = 100;

export function contractPdfFileName(
  contract: Pick<Contract, "id" | "reference" | "title">,
): string {
  const raw = [contract.reference, contract.title].filter(Boolean).join(" ");
  let name = Array.from(raw, (ch) => {
    const code = ch.codePointAt(0) ?? 0;
    return code < 0x20 || code === 0x7f || '<>:"/\\|?*'.includes(ch) ? " " : ch;
  })
    .join("")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+|\.+$/g, "");
  if (Array.from(name).length > MAX) name = Array.from(name).slice(0, MAX).join("").trimEnd();
  return `${name || `contrat-${contract.id}`}.pdf`;
}
