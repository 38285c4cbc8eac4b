import { useState } from 'react';
import { alternativeNames, currentAlternativeName } from '../../core/commands/alternatives';
import type { Design } from '../../core/model/design';
import { SUPPORTED_REGIONS } from '../../core/pricing';
import { imageFileName } from '../export/image';
import { reportText, type CompareChoice, type ReportFormat } from '../export/report';
import type { SaveExportRequest } from '../host';
import { Modal } from './Dialogs';
import '../styles/export.css';

interface ExportReportDialogProps {
  design: Design;
  platform: string;
  /** Resolves true when the file was written or downloaded (the dialog then closes). */
  onSave(request: SaveExportRequest): Promise<boolean>;
  /** Prints the HTML report (the dialog closes first). */
  onPrint(compare: CompareChoice): void;
  onClose(): void;
}

type CompareKind = CompareChoice['kind'];

/** File → Export report…: the design-review report (core/report) as one HTML file or Markdown,
 *  optionally comparing with another alternative, usage profile or Region (the CLI's --compare,
 *  --profiles, --regions); Save/Download, or Print. */
export function ExportReportDialog({ design, platform, onSave, onPrint, onClose }: ExportReportDialogProps) {
  const current = currentAlternativeName(design);
  const others = alternativeNames(design).filter((n) => n !== current);
  const profiles = Object.keys(design.usage.profiles);
  const regions = SUPPORTED_REGIONS.includes(design.region) ? SUPPORTED_REGIONS : [design.region, ...SUPPORTED_REGIONS];
  const [format, setFormat] = useState<ReportFormat>('html');
  const [kind, setKind] = useState<CompareKind>('none');
  const [alternative, setAlternative] = useState(others[0] ?? '');
  const [profileA, setProfileA] = useState(design.usage.active && profiles.includes(design.usage.active) ? design.usage.active : profiles[0] ?? '');
  const [profileB, setProfileB] = useState(profiles.find((p) => p !== profileA) ?? '');
  const [regionA, setRegionA] = useState(design.region);
  const [regionB, setRegionB] = useState(regions.find((r) => r !== design.region) ?? design.region);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const browser = platform === 'browser';

  const compare: CompareChoice = kind === 'alternative' ? { kind, name: alternative }
    : kind === 'profiles' ? { kind, a: profileA, b: profileB }
      : kind === 'regions' ? { kind, a: regionA, b: regionB }
        : { kind: 'none' };
  const why = kind === 'profiles' && profileA === profileB ? 'Pick two different profiles.'
    : kind === 'regions' && regionA === regionB ? 'Pick two different Regions.'
      : undefined;

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const text = await reportText(design, format, compare, 'auto');
      if (await onSave({ kind: format, suggestedName: imageFileName(design.name, format, 'report'), data: text })) onClose();
    } catch (err) {
      setError(`The report could not be made: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(false);
    }
  };

  const option = (value: CompareKind, label: string, disabled = false, title?: string) => (
    <label className={`sd-export-image-option${disabled ? ' is-disabled' : ''}`} title={title}>
      <input type="radio" name="export-report-compare" checked={kind === value} disabled={disabled} onChange={() => { setKind(value); setError(null); }} data-testid={`export-report-compare-${value}`} />
      {label}
    </label>
  );
  const select = (label: string, value: string, values: readonly string[], onChange: (v: string) => void, testId: string) => (
    <label className="sd-export-report-select">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>{values.map((v) => <option key={v} value={v}>{v}</option>)}</select>
    </label>
  );

  return (
    <Modal title="Export design-review report" onClose={onClose} testId="export-report-dialog" className="sd-export-report-dialog">
      <p className="sd-muted">The diagram, findings with their fixes, retry paths, reachability and cost of <strong>{design.name}</strong>, as a document to circulate after the review.</p>
      <fieldset>
        <legend>Format</legend>
        <label className="sd-export-image-option"><input type="radio" name="export-report-format" checked={format === 'html'} onChange={() => setFormat('html')} data-testid="export-report-format-html" />HTML (one self-contained file; prints to PDF)</label>
        <label className="sd-export-image-option"><input type="radio" name="export-report-format" checked={format === 'md'} onChange={() => setFormat('md')} data-testid="export-report-format-md" />Markdown</label>
        {format === 'md' && <p className="sd-muted sd-export-image-why" data-testid="export-report-md-hint">Markdown cannot hold the diagram: the report says so; save it with Export image… beside the file.</p>}
      </fieldset>
      <fieldset>
        <legend>Compare with</legend>
        {option('none', 'Nothing: this design alone')}
        {option('alternative', 'Another alternative', !others.length, others.length ? undefined : 'The design has no other alternative (Duplicate as alternative makes one)')}
        {kind === 'alternative' && select(`Alternative ${current} against`, alternative, others, setAlternative, 'export-report-alternative')}
        {option('profiles', 'Two usage profiles', profiles.length < 2, profiles.length < 2 ? 'The design has fewer than two usage profiles' : undefined)}
        {kind === 'profiles' && <div className="sd-export-report-pair">{select('Profile A', profileA, profiles, setProfileA, 'export-report-profile-a')}{select('Profile B', profileB, profiles, setProfileB, 'export-report-profile-b')}</div>}
        {option('regions', 'Two Regions')}
        {kind === 'regions' && <div className="sd-export-report-pair">{select('Region A', regionA, regions, setRegionA, 'export-report-region-a')}{select('Region B', regionB, regions, setRegionB, 'export-report-region-b')}</div>}
      </fieldset>
      {why && <p className="sd-warning" data-testid="export-report-why">{why}</p>}
      {error && <p className="sd-warning" role="alert" data-testid="export-report-error">{error}</p>}
      <div className="sd-dialog-actions">
        <button type="button" className="sd-button" onClick={onClose} data-testid="export-report-cancel">Cancel</button>
        <button type="button" className="sd-button" onClick={() => { onClose(); onPrint(compare); }} disabled={busy || !!why} data-testid="export-report-print"
          title="Print the HTML report (or save it as PDF from the print dialog)">Print…</button>
        <button type="button" className="sd-button sd-primary" onClick={() => void save()} disabled={busy || !!why} data-testid="export-report-save">
          {busy ? 'Preparing…' : `${browser ? 'Download' : 'Save'} ${format === 'html' ? 'HTML' : 'Markdown'}${browser ? '' : '…'}`}
        </button>
      </div>
    </Modal>
  );
}
