/** What an exporter produces: files relative to the folder the user picks, and what the design says
 *  that the target format cannot (shown before saving, never silently dropped). */
export interface IacFile {
  /** Forward slashes, relative, no `..` (e.g. `template.yaml`, `lib/orders-stack.ts`). */
  path: string;
  content: string;
}

export interface IacExport {
  files: IacFile[];
  warnings: string[];
}
