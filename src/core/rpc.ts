// The contract between the sidebar and the server: every RPC the sidebar may call through google.script.run,
// with its argument and result types. src/server/index.ts implements it (checked by the compiler there);
// src/sidebar/rpc.ts calls it. Inputs are still parsed with zod on the server: the sidebar is never trusted.

export interface TabSummary {
  name: string;
  rows: number;
  columns: number;
}

export interface Overview {
  spreadsheetName: string;
  tabs: TabSummary[];
}

export interface RpcApi {
  getOverview(): Overview;
}

export type RpcName = keyof RpcApi;
