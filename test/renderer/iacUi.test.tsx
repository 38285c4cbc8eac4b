// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDesign, type Design } from '../../core/model/design';
import { readTemplate } from '../../renderer/iac/importFlow';
import { LayoutClient } from '../../renderer/iac/layoutClient';
import type { LayoutRequest, LayoutResponse } from '../../renderer/iac/layoutMessages';
import { zipFiles } from '../../renderer/iac/zip';
import { createBrowserHost } from '../../renderer/host-browser';
import { ExportDialog } from '../../renderer/panels/ExportDialog';
import { ImportReportPanel } from '../../renderer/panels/ImportReportPanel';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const FIXTURE = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'iac', 'app', 'apigw-sqs-lambda.yaml'), 'utf8');

/** A Worker stand-in that answers only when told to, in any order. */
class FakeWorker {
  onmessage: ((e: MessageEvent<LayoutResponse>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  requests: LayoutRequest[] = [];
  postMessage(r: LayoutRequest) { this.requests.push(r); }
  terminate() {}
  answer(id: number, design: Design) { this.onmessage?.({ data: { id, ok: true, design } } as MessageEvent<LayoutResponse>); }
}

describe('LayoutClient', () => {
  it('drops a stale layout: an older import finishing last never replaces the newer one', async () => {
    const worker = new FakeWorker();
    const client = new LayoutClient(() => worker as unknown as Worker);
    const first = client.layout(createDesign('First'));
    const second = client.layout(createDesign('Second'));
    worker.answer(worker.requests[1]!.id, createDesign('Second laid out'));
    worker.answer(worker.requests[0]!.id, createDesign('First laid out'));
    expect(await first).toBeNull();
    expect((await second)?.name).toBe('Second laid out');
  });

  it('turns a worker failure into an error naming the layout', async () => {
    const worker = new FakeWorker();
    const client = new LayoutClient(() => worker as unknown as Worker);
    const pending = client.layout(createDesign('X'));
    worker.onmessage?.({ data: { id: worker.requests[0]!.id, ok: false, message: 'boom' } } as MessageEvent<LayoutResponse>);
    await expect(pending).rejects.toThrow('automatic layout failed: boom');
  });

  it('lays out in place when the worker script fails to load, then stops using the worker', async () => {
    const read = readTemplate('apigw-sqs-lambda.yaml', FIXTURE);
    if (!read.ok) throw new Error(read.message);
    const worker = new FakeWorker();
    const make = vi.fn(() => worker as unknown as Worker);
    const client = new LayoutClient(make);
    const pending = client.layout(read.design);
    worker.onerror?.({ message: 'Failed to load', preventDefault() {} } as ErrorEvent);
    const laidOut = await pending;
    expect(Object.keys(laidOut?.layout.positions ?? {}).sort()).toEqual(read.design.nodes.map((n) => n.id).sort());
    await client.layout(read.design);
    expect(make).toHaveBeenCalledTimes(1);
    expect(worker.requests).toHaveLength(1);
  });

  it('lays out in place where there is no Worker, giving every node a distinct position', async () => {
    const read = readTemplate('apigw-sqs-lambda.yaml', FIXTURE);
    if (!read.ok) throw new Error(read.message);
    const laidOut = await new LayoutClient(null).layout(read.design);
    const positions = laidOut?.layout.positions ?? {};
    const spots = new Set(read.design.nodes.map((n) => `${positions[n.id]?.x},${positions[n.id]?.y}`));
    expect(spots.has("undefined,undefined")).toBe(false);
    expect(spots.size).toBe(read.design.nodes.length);
  });
});

describe('readTemplate', () => {
  it('reports a syntax error with its line and column instead of throwing', () => {
    const result = readTemplate('bad.yaml', 'Resources:\n  Queue:\n    Type: [AWS::SQS::Queue\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.line).toBeGreaterThanOrEqual(3);
    expect(result.message).toMatch(/^line \d+, column \d+: /);
  });
});

describe('zipFiles', () => {
  it('zips every file under its path, byte-for-byte the same each time', () => {
    const files = [{ path: 'bin/app.ts', content: 'app' }, { path: 'lib/a-stack.ts', content: 'stack ✓' }];
    const a = zipFiles(files);
    const b = zipFiles(files);
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
    const back = unzipSync(a);
    expect(Object.keys(back)).toEqual(['bin/app.ts', 'lib/a-stack.ts']);
    expect(strFromU8(back['lib/a-stack.ts']!)).toBe('stack ✓');
  });
});

describe('browser host exports', () => {
  const capture = () => {
    const clicked: string[] = [];
    const blobs: Blob[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) { clicked.push(this.download); });
    URL.createObjectURL = vi.fn((blob: Blob) => { blobs.push(blob); return 'blob:x'; });
    return { clicked, blobs };
  };
  const files = [{ path: 'template.yaml', content: 'Resources: {}\n' }, { path: 'src/fn/index.mjs', content: 'export const handler = 1;\n' }];

  it('downloads SAM as template.yaml alone, or as a .zip with the handlers', async () => {
    const { clicked, blobs } = capture();
    const host = createBrowserHost();
    expect(await host.exportFiles({ format: 'sam', files, suggestedName: 'template.yaml' })).toEqual({ name: 'template.yaml', written: 1, kept: [] });
    expect(await blobs[0]!.text()).toBe('Resources: {}\n');
    expect(await host.exportFiles({ format: 'sam', files, suggestedName: 'orders-sam.zip', zip: true })).toEqual({ name: 'orders-sam.zip', written: 2, kept: [] });
    expect(clicked).toEqual(['template.yaml', 'orders-sam.zip']);
    expect(Object.keys(unzipSync(new Uint8Array(await blobs[1]!.arrayBuffer())))).toEqual(['template.yaml', 'src/fn/index.mjs']);
  });

  it('downloads CDK as a .zip named after the design', async () => {
    const { clicked } = capture();
    expect(await createBrowserHost().exportFiles({ format: 'cdk', files, suggestedName: 'orders-cdk' })).toMatchObject({ name: 'orders-cdk.zip', written: 2 });
    expect(clicked).toEqual(['orders-cdk.zip']);
  });

  it('picks templates with a filter for YAML and JSON', async () => {
    let accept = '';
    vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
      accept = this.accept;
      Object.defineProperty(this, 'files', { value: [new File(['Resources: {}'], 't.yaml')] });
      this.dispatchEvent(new Event('change'));
    });
    expect(await createBrowserHost().openTemplate()).toEqual({ name: 't.yaml', text: 'Resources: {}' });
    expect(accept.split(',')).toEqual(expect.arrayContaining(['.yaml', '.yml', '.json']));
  });
});

describe('ImportReportPanel', () => {
  const read = readTemplate('apigw-sqs-lambda.yaml', FIXTURE);
  if (!read.ok) throw new Error(read.message);
  const present = new Set(read.design.nodes.map((n) => `node:${n.id}`));

  it('lists every resource, skipped first with the reason, and selects a node when clicked', () => {
    const onSelect = vi.fn();
    render(<ImportReportPanel report={read.report} present={present} onSelect={onSelect} />);
    const rows = screen.getAllByTestId(/^import-row-/).map((r) => r.dataset.testid?.replace('import-row-', ''));
    expect(rows.sort()).toEqual(read.report.resources.map((r) => r.logicalId).sort());
    const skipped = screen.getByTestId('import-skipped');
    expect(within(skipped).getAllByTestId(/^import-row-/).map((r) => r.dataset.testid)).toEqual(['import-row-MyHttpApiRole', 'import-row-MyHttpApiAccessLogs']);
    expect(within(skipped).queryByRole('button')).toBeNull(); // nothing to select
    fireEvent.click(within(screen.getByTestId('import-row-MyLambdaFunction')).getByRole('button'));
    expect(onSelect).toHaveBeenCalledWith({ type: 'node', id: 'MyLambdaFunction' });
  });

  it('does not offer to select a node that was deleted since', () => {
    render(<ImportReportPanel report={read.report} present={new Set()} onSelect={vi.fn()} />);
    expect(within(screen.getByTestId('import-row-MyLambdaFunction')).queryByRole('button')).toBeNull();
  });
});

describe('ExportDialog', () => {
  it('previews the files, switches between them, and hands the export over with the suggested name', async () => {
    const read = readTemplate('apigw-sqs-lambda.yaml', FIXTURE);
    if (!read.ok) throw new Error(read.message);
    const onExport = vi.fn(async () => true);
    const onClose = vi.fn();
    render(<ExportDialog format="sam" design={read.design} platform="linux" onExport={onExport} onClose={onClose} />);
    await waitFor(() => expect(screen.getByTestId('export-preview').textContent).toContain('Transform: AWS::Serverless-2016-10-31'));
    const options = within(screen.getByTestId('export-files')).getAllByRole('option');
    expect(options[0]!.textContent).toBe('template.yaml');
    fireEvent.click(options[1]!);
    expect(screen.getByTestId('export-preview').textContent).not.toContain('Transform:');
    fireEvent.keyDown(options[1]!, { key: 'ArrowUp' });
    expect(screen.getByTestId('export-preview').textContent).toContain('Transform:');
    expect(document.activeElement).toBe(options[0]);
    expect(screen.queryByTestId('export-zip')).toBeNull(); // the desktop writes handlers beside the template
    fireEvent.click(screen.getByTestId('export-save'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(onExport).toHaveBeenCalledWith(expect.objectContaining({ format: 'sam', suggestedName: 'template.yaml' }));
  });

  it('closes on Escape without exporting', async () => {
    const onExport = vi.fn(async () => true);
    const onClose = vi.fn();
    render(<ExportDialog format="cdk" design={createDesign('Orders')} platform="browser" onExport={onExport} onClose={onClose} />);
    await waitFor(() => expect(screen.getByTestId('export-files').textContent).toContain('bin/app.ts'));
    fireEvent.keyDown(screen.getByTestId('export-dialog'), { key: 'Escape' });
    expect(onClose).toHaveBeenCalled();
    expect(onExport).not.toHaveBeenCalled();
  });
});
