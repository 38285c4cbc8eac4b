import { useEffect, useState } from 'react';
import { slugFor } from '../../core/iac/names';
import type { IacExport } from '../../core/iac/types';
import { loadIac } from '../iac/load';
import type { Design } from '../../core/model/design';
import type { ExportRequest } from '../host';
import { Modal } from './Dialogs';

export type ExportFormat = 'sam' | 'cdk';

interface ExportDialogProps {
  format: ExportFormat;
  design: Design;
  /** 'browser' downloads; a desktop platform writes through the host's dialogs. */
  platform: string;
  /** Resolves true when the files were written or downloaded (the dialog then closes). */
  onExport(request: ExportRequest): Promise<boolean>;
  onClose(): void;
}

const TITLES: Record<ExportFormat, string> = { sam: 'Export AWS SAM template', cdk: 'Export AWS CDK app (TypeScript)' };

/** What an export would write, before it is written: the files (list + content), what the target
 *  format cannot say (warnings), then Save / Download or Cancel (Escape). */
export function ExportDialog({ format, design, platform, onExport, onClose }: ExportDialogProps) {
  const [result, setResult] = useState<{ ok: true; value: IacExport } | { ok: false; message: string } | null>(null);
  useEffect(() => {
    let current = true;
    loadIac().then(
      ({ exportSam, exportCdk }) => (format === 'sam' ? exportSam(design) : exportCdk(design)),
    ).then(
      (value) => current && setResult({ ok: true, value }),
      (err: unknown) => current && setResult({ ok: false, message: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      current = false;
    };
  }, [design, format]);
  const [shown, setShown] = useState(0);
  const [busy, setBusy] = useState(false);
  const slug = slugFor(design.name);
  const browser = platform === 'browser';

  const run = async (zip: boolean) => {
    if (!result?.ok) return;
    setBusy(true);
    const suggestedName = format === 'sam' ? (zip ? `${slug}-sam.zip` : 'template.yaml') : (browser ? `${slug}-cdk.zip` : `${slug}-cdk`);
    const done = await onExport({ format, files: result.value.files, suggestedName, ...(zip ? { zip } : {}) });
    setBusy(false);
    if (done) onClose();
  };

  const files = result?.ok ? result.value.files : [];
  const file = files[Math.min(shown, files.length - 1)];
  const warnings = result?.ok ? result.value.warnings : [];
  return (
    <Modal title={TITLES[format]} onClose={onClose} testId="export-dialog" className="sd-export-dialog">
      {!result && <p className="sd-muted" data-testid="export-pending">Preparing the files…</p>}
      {result && !result.ok && <p className="sd-warning" data-testid="export-error">The design could not be exported: {result.message}</p>}
      {result?.ok && (
        <>
          <p className="sd-muted sd-export-intro">
            {files.length} file{files.length === 1 ? '' : 's'}
            {format === 'sam'
              ? (browser ? ': download template.yaml alone, or a .zip with the placeholder handlers its CodeUri names.' : ': template.yaml where you choose, the placeholder handlers beside it (existing files are never overwritten).')
              : (browser ? ': downloaded as a .zip; run npm install and cdk synth in it.' : ': written into an empty folder you choose; run npm install and cdk synth there.')}
          </p>
          <div className="sd-export-body">
            <ul className="sd-export-files" role="listbox" aria-label="Files" data-testid="export-files" onKeyDown={(e) => {
              // Arrow keys move through the files, as in any list box.
              const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
              if (!step || !files.length) return;
              e.preventDefault();
              const next = (Math.min(shown, files.length - 1) + step + files.length) % files.length;
              setShown(next);
              e.currentTarget.querySelectorAll<HTMLElement>('[role="option"]')[next]?.focus();
            }}>
              {files.map((f, i) => (
                <li key={f.path}>
                  <button type="button" role="option" aria-selected={f === file} tabIndex={f === file ? 0 : -1} className={`sd-export-file${f === file ? ' is-active' : ''}`} onClick={() => setShown(i)} data-testid={`export-file-${f.path}`}>
                    <span className="sd-mono">{f.path}</span>
                  </button>
                </li>
              ))}
            </ul>
            <pre className="sd-export-preview sd-mono" tabIndex={0} aria-label={file ? `Content of ${file.path}` : 'Content'} data-testid="export-preview">{file?.content}</pre>
          </div>
          {warnings.length > 0 && (
            <details className="sd-export-warnings" open={warnings.length <= 6} data-testid="export-warnings">
              <summary>{warnings.length} warning{warnings.length === 1 ? '' : 's'}: what the {format === 'sam' ? 'template' : 'app'} cannot say</summary>
              <ul>{warnings.map((w, i) => <li key={i}>{w}</li>)}</ul>
            </details>
          )}
        </>
      )}
      <div className="sd-dialog-actions">
        <button type="button" className="sd-button" onClick={onClose} data-testid="export-cancel">Cancel</button>
        {format === 'sam' && browser && (
          <button type="button" className="sd-button" onClick={() => void run(true)} disabled={!result?.ok || busy} data-testid="export-zip">Download .zip with handlers</button>
        )}
        <button type="button" className="sd-button sd-primary" onClick={() => void run(false)} disabled={!result?.ok || busy} data-testid="export-save">
          {browser ? (format === 'sam' ? 'Download template.yaml' : 'Download .zip') : (format === 'sam' ? 'Save template.yaml…' : 'Save to folder…')}
        </button>
      </div>
    </Modal>
  );
}
