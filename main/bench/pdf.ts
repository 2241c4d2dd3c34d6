/**
 * The PDF part of `npm run bench`: a generated contract of about 30 pages
 * (target ≤ 1 s). The first render also parses the fonts; the figure is
 * the median of the renders after it.
 */
import { performance } from "node:perf_hooks";
import { renderContractPdf } from "../pdf/contract-pdf";
import { sampleContract, sampleDocument, THIRTY_PAGES } from "../pdf/sample";

const RUNS = 5;

export async function benchPdf(results: Record<string, number | string>): Promise<void> {
  const contract = sampleContract();
  const input = {
    contract,
    document: sampleDocument(contract.id, THIRTY_PAGES),
    language: "fr" as const,
    author: "bench",
    now: new Date(2026, 11, 4),
  };
  let t = performance.now();
  const first = await renderContractPdf(input);
  results.pdf30PagesFirstMs = Math.round(performance.now() - t);
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    t = performance.now();
    await renderContractPdf(input);
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  results.pdf30PagesMs = Math.round(samples[Math.floor(RUNS / 2)] ?? 0);
  results.pdf30PagesCount = first.pages;
}
