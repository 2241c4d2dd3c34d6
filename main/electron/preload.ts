/**
 * Exposes `window.pacta`: the named API object built from the contract,
 * one IPC channel per method. No generic invoke reaches the page.
 */
import { contextBridge, ipcRenderer } from "electron";
import { buildClient, ipcChannel } from "../../shared/api/client";
import type { ApiResult } from "../../shared/api/result";

const client = buildClient(
  (channel, args) => ipcRenderer.invoke(ipcChannel(channel), args) as Promise<ApiResult<unknown>>,
);

contextBridge.exposeInMainWorld("pacta", client);
