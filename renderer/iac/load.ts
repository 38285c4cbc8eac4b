import type * as Iac from './iacModules';

/** The IaC code (importer, exporters, YAML) is its own chunk, loaded when first needed. */
export type IacModules = typeof Iac;

let loading: Promise<IacModules> | undefined;
export function loadIac(): Promise<IacModules> {
  loading ??= import('./iacModules').catch((err: unknown) => {
    loading = undefined; // a failed load (a flaky disk, an update) can be retried
    throw err;
  });
  return loading;
}

/** Template file names the import accepts (the file input's filter; a drop of anything else is refused). */
export const TEMPLATE_EXTENSIONS = ['.yaml', '.yml', '.json', '.template'] as const;
export const isTemplateFileName = (name: string) => TEMPLATE_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));
