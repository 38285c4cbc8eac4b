import type * as Exports from './exportModules';

/** The diagram and report code (core/diagram, core/report, with ELK for designs without saved
 *  positions) is its own chunk, loaded on the first export, print or copy. */
export type ExportModules = typeof Exports;

let loading: Promise<ExportModules> | undefined;
export function loadExports(): Promise<ExportModules> {
  loading ??= import('./exportModules').catch((err: unknown) => {
    loading = undefined; // a failed load can be retried
    throw err;
  });
  return loading;
}
