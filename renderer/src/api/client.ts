/**
 * The renderer's one way to reach main. Behind Electron, the preload has put
 * `window.pacta` there; behind the headless host, we post to `/api/<method>`
 * with the run's bearer token (given once in the address as `#token=`). The
 * token is kept in localStorage so that every tab of the same host address
 * (a contract opened with Ctrl+click) shares it; a later `#token=` replaces it.
 */
import { buildClient } from "../../../shared/api/client";
import type { ApiClient } from "../../../shared/api/contract";
import { type ApiResult, fail } from "../../../shared/api/result";

declare global {
  interface Window {
    pacta?: ApiClient;
  }
}

const TOKEN_KEY = "pacta.token";

function takeToken(): string {
  const m = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (m?.[1]) {
    localStorage.setItem(TOKEN_KEY, decodeURIComponent(m[1]));
    history.replaceState(null, "", window.location.pathname + window.location.search);
  }
  return localStorage.getItem(TOKEN_KEY) ?? "";
}

function httpClient(): ApiClient {
  let token = takeToken();
  // A new address with its own #token= can arrive without a page load.
  window.addEventListener("hashchange", () => {
    if (window.location.hash.includes("token=")) token = takeToken();
  });
  return buildClient(async (channel, args): Promise<ApiResult<unknown>> => {
    try {
      const res = await fetch(`./api/${channel}`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
        body: JSON.stringify(args ?? {}),
      });
      return (await res.json()) as ApiResult<unknown>;
    } catch (error) {
      return fail("internal", error instanceof Error ? error.message : String(error));
    }
  });
}

export const pacta: ApiClient = window.pacta ?? httpClient();
