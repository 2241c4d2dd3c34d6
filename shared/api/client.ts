/**
 * Builds the named API object (`client.contracts.list(...)`) from the
 * contract table, over one transport. The Electron preload gives each
 * method its own IPC channel; the headless client posts to its own URL.
 */
import { type ApiClient, api, type GroupName } from "./contract";
import type { ApiResult } from "./result";

export type Transport = (channel: string, args: unknown) => Promise<ApiResult<unknown>>;

export function buildClient(transport: Transport): ApiClient {
  const client: Record<string, Record<string, (args: unknown) => Promise<ApiResult<unknown>>>> = {};
  for (const group of Object.keys(api) as GroupName[]) {
    const methods: Record<string, (args: unknown) => Promise<ApiResult<unknown>>> = {};
    for (const method of Object.keys(api[group])) {
      const channel = `${group}.${method}`;
      methods[method] = (args: unknown) => transport(channel, args);
    }
    client[group] = methods;
  }
  return client as unknown as ApiClient;
}

/** The IPC channel name of one API method in the Electron door. */
export function ipcChannel(channel: string): string {
  return `pacta:${channel}`;
}
