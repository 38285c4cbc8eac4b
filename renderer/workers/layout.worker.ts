/// <reference lib="webworker" />
import { layoutDesign } from '../../core/iac/import/layout';
import type { LayoutRequest, LayoutResponse } from '../iac/layoutMessages';

// Lays out an imported design off the UI thread (ELK takes hundreds of ms on a large template).
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { id, design } = event.data;
  layoutDesign(design).then(
    (laidOut) => scope.postMessage({ id, ok: true, design: laidOut } satisfies LayoutResponse),
    (err: unknown) => scope.postMessage({ id, ok: false, message: err instanceof Error ? err.message : String(err) } satisfies LayoutResponse),
  );
};
