import { useEffect, useMemo, useState } from 'react';
import type { Design } from '../../core/model/design';
import type { Diagram } from '../export/exportModules';
import { drawDiagram, imageFileName, pixelSize, PNG_SCALE, selectionNodes, svgToPng, type ImageBackground, type ImageChoice } from '../export/image';
import type { SaveExportRequest } from '../host';
import { Modal } from './Dialogs';
import '../styles/export.css';

interface ExportImageDialogProps {
  design: Design;
  selection: { nodes: readonly string[]; edges: readonly string[] };
  /** The app's theme: the drawing's colours start from it. */
  theme: 'light' | 'dark';
  /** 'browser' downloads; a desktop platform asks where to save. */
  platform: string;
  /** Resolves true when the file was written or downloaded (the dialog then closes). */
  onSave(request: SaveExportRequest): Promise<boolean>;
  /** Resolves true when the PNG is on the clipboard. */
  onCopy(png: Blob): Promise<boolean>;
  onClose(): void;
}

const BACKGROUNDS: { value: ImageBackground; label: string; hint: string }[] = [
  { value: 'transparent', label: 'Transparent', hint: 'no background: the page it is pasted on shows through' },
  { value: 'white', label: 'White', hint: 'a white background, whatever the colours' },
  { value: 'theme', label: 'Canvas colour', hint: 'the canvas background of the chosen colours' },
];

/** File → Export image…: SVG or PNG (2×) of the whole design or the selection, drawn from the
 *  model by core/diagram (not a screenshot), with a preview; Save/Download, or Copy PNG. */
export function ExportImageDialog({ design, selection, theme, platform, onSave, onCopy, onClose }: ExportImageDialogProps) {
  const only = useMemo(() => selectionNodes(design, selection), [design, selection]);
  const [choice, setChoice] = useState<ImageChoice>(() => ({ format: 'png', scope: only.length ? 'selection' : 'design', background: 'white', theme }));
  const [drawn, setDrawn] = useState<{ ok: true; diagram: Diagram; url: string } | { ok: false; message: string } | null>(null);
  const [busy, setBusy] = useState<'save' | 'copy' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const browser = platform === 'browser';
  const scope = only.length ? choice.scope : 'design';

  useEffect(() => {
    let current = true;
    let url: string | undefined;
    setDrawn(null);
    drawDiagram(design, { scope, background: choice.background, theme: choice.theme }, only).then(
      (diagram) => {
        if (!current) return;
        url = URL.createObjectURL(new Blob([diagram.svg], { type: 'image/svg+xml' }));
        setDrawn({ ok: true, diagram, url });
      },
      (err: unknown) => current && setDrawn({ ok: false, message: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      current = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [design, only, scope, choice.background, choice.theme]);

  const set = (patch: Partial<ImageChoice>) => {
    setError(null);
    setChoice((c) => ({ ...c, ...patch }));
  };
  const diagram = drawn?.ok ? drawn.diagram : undefined;
  const name = imageFileName(design.name, choice.format, scope === 'selection' ? 'selection' : undefined);

  const save = async () => {
    if (!diagram) return;
    setBusy('save');
    setError(null);
    try {
      const data = choice.format === 'svg' ? diagram.svg : new Uint8Array(await (await svgToPng(diagram)).arrayBuffer());
      if (await onSave({ kind: choice.format, suggestedName: name, data })) onClose();
    } catch (err) {
      setError(`The image could not be made: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(null);
    }
  };
  const copy = async () => {
    if (!diagram) return;
    setBusy('copy');
    setError(null);
    try {
      if (await onCopy(await svgToPng(diagram))) onClose();
    } catch (err) {
      setError(`The image could not be made: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(null);
    }
  };

  const radio = <K extends keyof ImageChoice>(key: K, value: ImageChoice[K], label: string, opts: { disabled?: boolean; title?: string } = {}) => (
    <label className={`sd-export-image-option${opts.disabled ? ' is-disabled' : ''}`} title={opts.title}>
      <input type="radio" name={`export-image-${key}`} checked={(key === 'scope' ? scope : choice[key]) === value} disabled={opts.disabled}
        onChange={() => set({ [key]: value } as Partial<ImageChoice>)} data-testid={`export-image-${key}-${value}`} />
      {label}
    </label>
  );

  return (
    <Modal title="Export image" onClose={onClose} testId="export-image-dialog" className="sd-export-image-dialog">
      <div className="sd-export-image-body">
        <div className="sd-export-image-options">
          <fieldset>
            <legend>Format</legend>
            {radio('format', 'png', `PNG (${PNG_SCALE}× for sharp text)`)}
            {radio('format', 'svg', 'SVG (scales to any size)')}
          </fieldset>
          <fieldset>
            <legend>What</legend>
            {radio('scope', 'design', 'The whole design')}
            {radio('scope', 'selection', only.length ? `The selection (${only.length} resource${only.length === 1 ? '' : 's'} and their containers)` : 'The selection', {
              disabled: !only.length, title: only.length ? undefined : 'Nothing is selected: select resources on the canvas first',
            })}
            {!only.length && <p className="sd-muted sd-export-image-why" data-testid="export-image-selection-why">Nothing is selected: select resources on the canvas to export only them.</p>}
          </fieldset>
          <fieldset>
            <legend>Background</legend>
            {BACKGROUNDS.map((b) => <span key={b.value}>{radio('background', b.value, b.label, { title: b.hint })}</span>)}
          </fieldset>
          <fieldset>
            <legend>Colours</legend>
            {radio('theme', 'light', 'Light')}
            {radio('theme', 'dark', 'Dark')}
          </fieldset>
        </div>
        <div className={`sd-export-image-preview is-${choice.background}`} data-testid="export-image-preview" aria-live="polite">
          {!drawn && <p className="sd-muted" data-testid="export-image-pending">Drawing the diagram…</p>}
          {drawn && !drawn.ok && <p className="sd-warning" data-testid="export-image-error">The diagram could not be drawn: {drawn.message}</p>}
          {drawn?.ok && <img src={drawn.url} alt={`Preview of ${scope === 'selection' ? 'the selection' : design.name}`} data-testid="export-image-img" />}
        </div>
      </div>
      <p className="sd-muted sd-export-image-size" data-testid="export-image-size">
        {diagram ? `${name}: ${choice.format === 'png' ? pixelSize(diagram.width * PNG_SCALE, diagram.height * PNG_SCALE) : pixelSize(diagram.width, diagram.height)}` : '\u00a0'}
      </p>
      {error && <p className="sd-warning" role="alert" data-testid="export-image-failed">{error}</p>}
      <div className="sd-dialog-actions">
        <button type="button" className="sd-button" onClick={onClose} data-testid="export-image-cancel">Cancel</button>
        <button type="button" className="sd-button" onClick={() => void copy()} disabled={!diagram || !!busy} data-testid="export-image-copy"
          title={`Copy the image as a ${PNG_SCALE}× PNG to the clipboard`}>{busy === 'copy' ? 'Copying…' : 'Copy PNG'}</button>
        <button type="button" className="sd-button sd-primary" onClick={() => void save()} disabled={!diagram || !!busy} data-testid="export-image-save">
          {busy === 'save' ? 'Saving…' : `${browser ? 'Download' : 'Save'} ${choice.format.toUpperCase()}${browser ? '' : '…'}`}
        </button>
      </div>
    </Modal>
  );
}
