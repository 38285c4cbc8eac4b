import type { Design } from '../../core/model/design';

/** The layout worker's protocol: one request per import, answered with the same id. */
export interface LayoutRequest { id: number; design: Design }
export type LayoutResponse = { id: number; ok: true; design: Design } | { id: number; ok: false; message: string };
