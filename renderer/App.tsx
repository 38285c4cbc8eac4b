import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { alternativeNames, currentAlternativeName } from '../core/commands/alternatives';
import { planConnection } from '../core/commands/connectPlan';
import { nextId } from '../core/commands/ids';
import { kindLabel } from '../core/model/kinds';
import { createDesign, type DesignNode } from '../core/model/design';
import { parseDesign } from '../core/model/parse';
import type { EdgeKind } from '../core/model/edges';
import type { Problem } from '../core/model/problems';
import type { FindingTarget } from '../core/rules/types';
import { Canvas, GRID, type CanvasHandle } from './canvas/Canvas';
import { keyboardResize } from './canvas/keyboardResize';
import { autoLayoutLabel, selectedDesignNodes, useAutoLayout } from './canvas/useAutoLayout';
import type { ExportRequest, Host, MenuCommand, SaveExportRequest } from './host';
import { isTemplateFileName, loadIac } from './iac/load';
import { LayoutClient } from './iac/layoutClient';
import type { ImportReport } from '../core/iac/import/report';
import { AnalysisDock, DEFAULT_TABS, type DockTab } from './panels/AnalysisDock';
import { ComparePanel } from './panels/ComparePanel';
import { costBadges, CostPanel, defaultCostRegion } from './panels/CostPanel';
import type { CostView, CostViewOptions } from './workers/costEstimate';
import { RecoveryDialog, UnsavedDialog, type UnsavedChoice, type UnsavedRequest } from './drafts/DraftDialogs';
import type { Draft } from './drafts/store';
import { useDrafts } from './drafts/useDrafts';
import { ConnectMenu, ImportErrorDialog, ProblemDialog, Toasts, type ToastMessage } from './panels/Dialogs';
import { WelcomeScreen, type RecentFilesSource } from './panels/WelcomeScreen';
import { DiskChangedWatcher } from './panels/DiskChangedDialog';
import { ExportDialog, type ExportFormat } from './panels/ExportDialog';
import { ExportImageDialog } from './panels/ExportImageDialog';
import { ExportReportDialog } from './panels/ExportReportDialog';
import { copyPng } from './export/clipboard';
import { drawDiagram, selectionNodes, svgToPng } from './export/image';
import { printHtml } from './export/print';
import { reportText, type CompareChoice } from './export/report';
import { ImportReportPanel } from './panels/ImportReportPanel';
import { OpenExternalContext } from './panels/ExternalLink';
import { FindingsPanel, requestFindingsSearchFocus } from './panels/FindingsPanel';
import { Inspector } from './panels/InspectorPanel';
import { Palette } from './panels/Palette';
import { ProblemsPanel } from './panels/ProblemsPanel';
import { ReachabilityPanel } from './panels/ReachabilityPanel';
import { RetryPathsPanel } from './panels/RetryPathsPanel';
import { Toolbar } from './panels/Toolbar';
import { EditTools } from './panels/EditTools';
import { ShortcutSheet } from './panels/ShortcutSheet';
import { useEditing } from './useEditing';
import { NoteActionsContext } from './canvas/NoteNode';
import type { UsageFocus } from './panels/UsageFields';
import { UsagePanel } from './panels/UsagePanel';
import { isTextField, shortcutMatch, type ShortcutAction } from './shortcuts';
import { loadTemplates, type Template } from './templates';
import { useTheme } from './theme';
import { issueMarks, pathsOverlay, relatedHighlight, selectionWithRelated, useAnalysis, type PickedFinding } from './useAnalysis';
import { problemsBesideFindings } from '../core/analyze';
import { BLANK_NAME, useEditor, type Notices } from './useEditor';

const TEMPLATES = loadTemplates();
const WELCOME_ACTIONS = new Set<string>(['open', 'importTemplate', 'new', 'save', 'saveAs', 'toggleTheme', 'showShortcuts']);
/** The keyboard resize rows of shortcuts.ts: which edge moves which way. */
const RESIZE_KEYS: Partial<Record<string, readonly [number, number]>> = { growWidth: [1, 0], shrinkWidth: [-1, 0], growHeight: [0, 1], shrinkHeight: [0, -1] };
let toastId = 0;
let usageFocusSeq = 0;

/** The "$" cost badges stay on or off for the session (a reload keeps them; a new window starts off). */
const COST_BADGES_KEY = 'sd-cost-badges';
const readCostBadges = (): boolean => {
  try {
    return sessionStorage.getItem(COST_BADGES_KEY) === 'on';
  } catch {
    return false;
  }
};

interface PendingConnect { from: string; to: string; kinds: EdgeKind[]; at: { x: number; y: number } }

export function App({ host }: { host: Host }) {
  const [toasts, setToasts] = useState<ToastMessage[]>([]);
  const [problemDialog, setProblemDialog] = useState<{ title: string; intro: string; problems: readonly Problem[] } | null>(null);
  const [unsavedRequest, setUnsavedRequest] = useState<UnsavedRequest | null>(null);
  /** The welcome screen: on at start ('start'), and New… over a design ('new'). */
  const [welcome, setWelcome] = useState<'start' | 'new' | null>('start');
  const [pendingConnect, setPendingConnect] = useState<PendingConnect | null>(null);
  const [dock, setDock] = useState<{ tab: DockTab; open: boolean }>({ tab: 'findings', open: true });
  const [pathsOn, setPathsOn] = useState(false);
  const [costBadgesOn, setCostBadgesOn] = useState(readCostBadges);
  const [usageFocus, setUsageFocus] = useState<UsageFocus | undefined>();
  const [importReport, setImportReport] = useState<ImportReport | null>(null);
  const [importError, setImportError] = useState<{ fileName: string; message: string } | null>(null);
  const [exportFormat, setExportFormat] = useState<ExportFormat | null>(null);
  /** File → Export image… / Export report… (renderer/export). */
  const [shareDialog, setShareDialog] = useState<'image' | 'report' | null>(null);
  const [importing, setImporting] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [paletteFocus, setPaletteFocus] = useState(0);
  const canvas = useRef<CanvasHandle>(null);
  const layout = useRef<LayoutClient | null>(null);
  /** Set while an import replaces the document, so the report survives that one document change. */
  const keepReport = useRef(false);

  const dismissToast = useCallback((id: number) => setToasts((ts) => ts.filter((t) => t.id !== id)), []);
  const notices: Notices = useMemo(() => {
    const toast = (tone: ToastMessage['tone'], text: string) => {
      const id = ++toastId;
      setToasts((ts) => [...ts.slice(-3), { id, tone, text }]);
      setTimeout(() => dismissToast(id), tone === 'error' ? 9000 : 4000);
    };
    return {
      error: (text) => toast('error', text),
      info: (text) => toast('info', text),
      problems: (title, intro, problems) => setProblemDialog({ title, intro, problems }),
    };
  }, [dismissToast]);

  const editor = useEditor(host, notices);
  const { choice: themeChoice, theme, cycle: cycleTheme } = useTheme();
  // The desktop's menus, dialogs and window background follow the in-app choice (nothing in a browser).
  useEffect(() => host.setTheme?.(themeChoice), [host, themeChoice]);
  const { design, selection, dirty, file } = editor;
  // The finding picked in the Findings panel and its related targets (issue 14): see selectFinding.
  const [pickedFinding, setPickedFinding] = useState<PickedFinding | null>(null);
  // Copy / paste / duplicate, select all, nudges, align and distribute, snap (useEditing.ts).
  const editing = useEditing({ editor, notices, canvas });
  // The estimates on screen, made in the analysis worker with each analysis (issue 15): the canvas
  // badges' (active profile, the design's Region) while they are on, the Cost panel's while it shows.
  const [panelCost, setPanelCost] = useState<CostViewOptions | undefined>(undefined);
  const costPanelShown = dock.open && dock.tab === 'cost';
  const modelRegion = defaultCostRegion(editor.model);
  const costViews = useMemo((): CostView[] => [
    ...(costBadgesOn ? [{ name: 'badges', options: { region: modelRegion, freeTier: false } }] : []),
    ...(costPanelShown && panelCost ? [{ name: 'panel', options: panelCost }] : []),
  ], [costBadgesOn, modelRegion, costPanelShown, panelCost]);
  const analysis = useAnalysis(editor.model, costViews);
  const costPanelWorker = useMemo(() => ({ estimate: analysis.costs.get('panel'), onOptions: setPanelCost }), [analysis.costs]);
  // Auto-layout (toolbar, View menu, Ctrl/Cmd+Shift+K): the selection when two or more nodes are selected.
  const autoLayout = useAutoLayout({
    design: () => editor.design,
    selectedNodes: selection.nodes,
    dispatch: editor.dispatch,
    info: notices.info,
    error: notices.error,
    fitView: () => canvas.current?.fitView(),
  });

  // Autosave and crash recovery (renderer/drafts): the open design's draft follows every edit.
  const drafts = useDrafts({ backend: host.drafts, design, dirty, fileName: file?.name, documentKey: editor.documentKey, onProblem: notices.error });

  /** Before the open design is replaced: true to go on. With unsaved changes, asks Save / Don't
   *  save / Cancel; Save goes on only once the file is saved. */
  const askUnsaved = useCallback(async (action: string): Promise<boolean> => {
    if (!dirty) return true;
    const choice = await new Promise<UnsavedChoice>((resolve) => {
      setUnsavedRequest({ name: file?.name ?? design.name, action, resolve: (c) => { setUnsavedRequest(null); resolve(c); } });
    });
    if (choice === 'cancel') return false;
    if (choice === 'discard') return true;
    return editor.save(false, canvas.current?.viewport());
  }, [design.name, dirty, editor, file]);

  const openDesign = useCallback(async () => {
    if (!(await askUnsaved('Opening another design'))) return;
    try {
      const opened = await host.openDesign();
      if (opened) editor.openText(opened.name, opened.text, opened.handle);
    } catch (err) {
      notices.error(`Could not open the file: ${err instanceof Error ? err.message : String(err)}`);
    }
  }, [askUnsaved, editor, host, notices]);

  useEffect(() => () => layout.current?.dispose(), []);

  // Another document (opened, new, template) has nothing to do with the import report.
  useEffect(() => {
    if (keepReport.current) keepReport.current = false;
    else {
      setImportReport(null);
      setDock((d) => (d.tab === 'import' ? { ...d, tab: 'findings' } : d));
    }
  }, [editor.documentKey]);

  /** Template text → design (core importTemplate) → automatic layout in the worker → a new,
   *  unsaved document. A syntax error changes nothing and says where (line, column). */
  const importText = useCallback(async (fileName: string, text: string) => {
    setImporting(true);
    try {
      const read = (await loadIac()).readTemplate(fileName, text);
      if (!read.ok) {
        setImportError({ fileName, message: read.message });
        return;
      }
      layout.current ??= new LayoutClient();
      // ELK takes seconds on a large template (about 6 s for 1,000 resources); say why nothing has changed yet.
      if (read.design.nodes.length > 150) notices.info(`Laying out ${read.design.nodes.length} resources from ${fileName}…`);
      const laidOut = await layout.current.layout(read.design);
      if (!laidOut) return; // a newer import superseded this one
      keepReport.current = true;
      editor.load(laidOut, null, [], true);
      setImportReport(read.report);
      setDock({ tab: 'import', open: true });
      const { resources, understood } = read.report.totals;
      notices.info(`Imported ${fileName}: ${understood} of ${resources} resource${resources === 1 ? '' : 's'} in the design${resources > understood ? `, ${resources - understood} skipped (see the import report)` : ''}.`);
    } catch (err) {
      notices.error(`Could not import ${fileName}: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setImporting(false);
    }
  }, [editor, notices]);

  const confirmDiscard = useCallback(() => askUnsaved('Importing a template'), [askUnsaved]);

  const importFromHost = useCallback(async () => {
    if (!(await confirmDiscard())) return;
    try {
      const picked = await host.openTemplate();
      if (picked) await importText(picked.name, picked.text);
    } catch (err) {
      notices.error(`Could not open the template: ${err instanceof Error ? err.message : String(err)}`);
    }
  }, [confirmDiscard, host, importText, notices]);

  const importDropped = useCallback(async (dropped: File) => {
    const isDesign = dropped.name.toLowerCase().endsWith('.design.json');
    if (!isDesign && !isTemplateFileName(dropped.name)) {
      notices.error(`${dropped.name} is not a template: drop a .yaml, .yml, .json or .template file.`);
      return;
    }
    // The dropped file is read first, so the prompt comes after the user's gesture, not before.
    let text: string;
    try {
      text = await dropped.text();
    } catch (err) {
      notices.error(`Could not read ${dropped.name}: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    if (isDesign) {
      // A design file dropped on the canvas opens like File → Open (it is not a template).
      if (!(await askUnsaved('Opening another design'))) return;
      editor.openText(dropped.name, text);
      return;
    }
    if (!(await confirmDiscard())) return;
    await importText(dropped.name, text);
  }, [askUnsaved, confirmDiscard, editor, importText, notices]);

  const exportFiles = useCallback(async (request: ExportRequest): Promise<boolean> => {
    try {
      const written = await host.exportFiles(request);
      if (!written) return false;
      const kept = written.kept.length ? `; kept ${written.kept.length} existing file${written.kept.length === 1 ? '' : 's'} (${written.kept.slice(0, 3).join(', ')}${written.kept.length > 3 ? ', …' : ''})` : '';
      notices.info(`Exported ${written.written} file${written.written === 1 ? '' : 's'} to ${written.name}${kept}`);
      return true;
    } catch (err) {
      notices.error(`Could not export: ${err instanceof Error ? err.message : String(err)}`);
      return false;
    }
  }, [host, notices]);

  /** Export image / report: the host's save dialog (desktop) or a download (browser). */
  const saveExport = useCallback(async (request: SaveExportRequest): Promise<boolean> => {
    try {
      const saved = await host.saveExportFile(request);
      if (!saved) return false;
      notices.info(`${host.platform === 'browser' ? 'Downloaded' : 'Saved'} ${saved.name}`);
      return true;
    } catch (err) {
      notices.error(`Could not save ${request.suggestedName}: ${err instanceof Error ? err.message : String(err)}`);
      return false;
    }
  }, [host, notices]);
  const copyImageBlob = useCallback(async (png: Blob): Promise<boolean> => {
    try {
      await copyPng(png, host);
      notices.info('Copied the image to the clipboard (PNG).');
      return true;
    } catch (err) {
      notices.error(`Could not copy the image: ${err instanceof Error ? err.message : String(err)}`);
      return false;
    }
  }, [host, notices]);
  /** Copy image (menu, Ctrl/Cmd+Alt+C): the selection when there is one, else the whole design,
   *  in the app's colours on the canvas background, as a 2× PNG. */
  const copyImage = useCallback(async () => {
    const only = selectionNodes(editor.design, editor.selection);
    try {
      const diagram = await drawDiagram(editor.design, { scope: only.length ? 'selection' : 'design', background: 'theme', theme }, only);
      await copyImageBlob(await svgToPng(diagram));
    } catch (err) {
      notices.error(`Could not copy the image: ${err instanceof Error ? err.message : String(err)}`);
    }
  }, [copyImageBlob, editor, notices, theme]);
  /** Print (Ctrl/Cmd+P, File → Print…): the HTML report, light, printed from a hidden frame. */
  const printing = useRef(false);
  const printReport = useCallback(async (compare: CompareChoice = { kind: 'none' }) => {
    if (printing.current) return; // one print at a time (a second Ctrl+P while preparing does nothing)
    printing.current = true;
    notices.info('Preparing the report to print…');
    try {
      await printHtml(await reportText(editor.design, 'html', compare, 'light'));
    } catch (err) {
      notices.error(`Could not print the report: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      printing.current = false;
    }
  }, [editor, notices]);

  const save = useCallback((as: boolean) => {
    // A field being typed in commits on blur; let it, so the save includes it.
    (document.activeElement as HTMLElement | null)?.blur?.();
    setTimeout(() => void editor.save(as, canvas.current?.viewport()), 0);
  }, [editor]);

  const pickTemplate = useCallback(async (t: Template) => {
    if (!t.design || !(await askUnsaved(`Starting from the ${t.name} template`))) return;
    setWelcome(null);
    editor.load(t.design, null);
  }, [askUnsaved, editor]);
  const startBlank = useCallback(async () => {
    if (!(await askUnsaved('Starting a blank design'))) return;
    setWelcome(null);
    editor.load(createDesign(BLANK_NAME), null);
  }, [askUnsaved, editor]);

  /** Restore from the recovery offer: the draft opens as an unsaved design under its file's name
   *  (its first Save asks where), and becomes this session's draft. */
  const restoreDraft = useCallback(async (draft: Draft) => {
    const parsed = parseDesign(draft.text);
    if (!parsed.ok) {
      notices.problems(`Cannot restore ${draft.name}`, 'The autosaved draft could not be read, so it was not restored. It stays in the list until you discard it.', parsed.problems);
      return;
    }
    if (!(await askUnsaved(`Restoring ${draft.name}`))) return;
    try {
      await drafts.adopt(draft);
    } catch (err) {
      notices.error(`Could not take over the draft of ${draft.name}: ${err instanceof Error ? err.message : String(err)}`);
    }
    setWelcome(null);
    editor.load(parsed.design, draft.fileName ? { name: draft.fileName } : null, parsed.problems, true);
    notices.info(`Restored ${draft.name}: it is unsaved until you save it.`);
  }, [askUnsaved, drafts, editor, notices]);
  const discardDraft = useCallback(async (draft: Draft) => {
    try {
      await drafts.discard(draft);
    } catch (err) {
      notices.error(`Could not discard the draft of ${draft.name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }, [drafts, notices]);

  const closeWelcome = useCallback(() => setWelcome(null), []);
  // Any document opened, imported or created replaces what the welcome screen offered.
  useEffect(() => {
    if (editor.documentKey > 0) setWelcome(null);
  }, [editor.documentKey]);
  const listRecent = useCallback(() => host.recentFiles(), [host]);
  const recentFiles: RecentFilesSource = useMemo(() => ({
    list: listRecent,
    reopens: host.reopensRecent,
    open: async (entry) => {
      if (!(await askUnsaved('Opening another design'))) return;
      try {
        const opened = await host.openRecent(entry.handle);
        if (opened) editor.openText(opened.name, opened.text, opened.handle);
      } catch (err) {
        notices.error(`Could not open ${entry.name}: ${err instanceof Error ? err.message : String(err)}`);
      }
    },
  }), [askUnsaved, editor, host, listRecent, notices]);

  const toggleCostBadges = useCallback(() => setCostBadgesOn((on) => {
    try {
      sessionStorage.setItem(COST_BADGES_KEY, on ? 'off' : 'on');
    } catch { /* storage unavailable: the toggle still works for this page */ }
    return !on;
  }), []);

  // Undo/redo while a placement question is open cancel it first (else its answer would become a
  // step of its own, or be applied to a node the undo took away). Cancelling a drag's or a drop's
  // question already takes that drag or drop back: that is the undo.
  const undo = useCallback(() => {
    if (canvas.current?.cancelQuestion() !== 'reverted') editor.undo();
  }, [editor]);
  const redo = useCallback(() => {
    canvas.current?.cancelQuestion();
    editor.redo();
  }, [editor]);

  /** Alt+Arrow: the selected VPC/subnet one grid step bigger or smaller (`far`: five), one undo step. */
  const resizeSelected = useCallback((dx: number, dy: number, far: boolean) => {
    const step = GRID * (far ? 5 : 1);
    const plan = keyboardResize(editor.design, editor.selection.nodes, dx * step, dy * step);
    if ('reason' in plan) notices.info(plan.reason);
    else editor.dispatch(plan.command, 'record');
  }, [editor, notices]);

  // Defined further down (it needs the notices); the menu and the keyboard reach it through this ref.
  const duplicateAlternativeRef = useRef<() => void>(() => undefined);
  const runAction = useCallback((action: ShortcutAction | MenuCommand) => {
    switch (action) {
      case 'undo': return undo();
      case 'redo': return redo();
      case 'delete': return editor.deleteSelection();
      case 'save': return save(false);
      case 'saveAs': return save(true);
      case 'open': return void openDesign();
      case 'new': return setWelcome('new');
      case 'importTemplate': return void importFromHost();
      case 'exportSam': return setExportFormat('sam');
      case 'exportCdk': return setExportFormat('cdk');
      case 'exportImage': return setShareDialog('image');
      case 'exportReport': return setShareDialog('report');
      case 'copyImage': return void copyImage();
      case 'printReport': return void printReport();
      case 'toggleCostBadges': return toggleCostBadges();
      case 'duplicateAlternative': return duplicateAlternativeRef.current();
      case 'toggleTheme': return cycleTheme();
      case 'autoLayout': return void autoLayout.start();
      case 'copy': return void editing.copy();
      case 'cut': return void editing.cut();
      case 'paste': return void editing.paste();
      case 'duplicate': return editing.duplicate();
      case 'selectAll': return editing.selectAll();
      case 'clearSelection': return editor.setSelection({ nodes: [], edges: [] });
      case 'nudgeLeft': return editing.nudge(-1, 0, false);
      case 'nudgeRight': return editing.nudge(1, 0, false);
      case 'nudgeUp': return editing.nudge(0, -1, false);
      case 'nudgeDown': return editing.nudge(0, 1, false);
      case 'toggleSnap': return editing.toggleSnap();
      case 'zoomToFit': return canvas.current?.fitView();
      case 'zoomToSelection': return selection.nodes.length ? canvas.current?.fitNodes(selection.nodes) : notices.info('Select resources to zoom to.');
      case 'focusPaletteSearch': return setPaletteFocus((n) => n + 1);
      case 'showShortcuts': return setShortcutsOpen(true);
      case 'addNote': return editing.addNote();
      case 'alignLeft': return editing.arrange('left');
      case 'alignCentre': return editing.arrange('centre');
      case 'alignRight': return editing.arrange('right');
      case 'alignTop': return editing.arrange('top');
      case 'alignMiddle': return editing.arrange('middle');
      case 'alignBottom': return editing.arrange('bottom');
      case 'distributeHorizontal': return editing.arrange('horizontal');
      case 'distributeVertical': return editing.arrange('vertical');
      case 'growWidth': return resizeSelected(1, 0, false);
      case 'shrinkWidth': return resizeSelected(-1, 0, false);
      case 'growHeight': return resizeSelected(0, 1, false);
      case 'shrinkHeight': return resizeSelected(0, -1, false);
      case 'searchFindings':
        requestFindingsSearchFocus();
        return setDock({ tab: 'findings', open: true });
      case 'selectRelated': {
        const next = selectionWithRelated(pickedFinding, editor.design);
        if (next) return editor.setSelection(next);
        return notices.info('Pick a finding that names related resources (“Also: …”) in the Findings panel first; R then selects them with its target.');
      }
      case 'placeInSubnets': {
        const why = editor.selection.nodes.length === 1 ? canvas.current?.askPlacement(editor.selection.nodes[0]) : 'Select one function, database, proxy, cache, Kafka cluster, load balancer or interface endpoint to place it in subnets.';
        if (why) notices.info(why);
        return;
      }
    }
  }, [editor, undo, redo, resizeSelected, importFromHost, openDesign, cycleTheme, save, toggleCostBadges, autoLayout.start, notices, editing, selection.nodes, copyImage, printReport, pickedFinding]);

  // Keyboard shortcuts. Handled keys are prevented, so in Electron the menu accelerator does not fire twice.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || document.querySelector('.sd-modal')) return;
      const match = shortcutMatch(e, host.platform, isTextField(e.target));
      if (!match) return;
      // Arrows and Escape belong to menus, lists and charts unless the canvas (or nothing) has focus.
      if (match.canvasOnly && !(e.target === document.body || (e.target instanceof Element && e.target.closest('.sd-canvas')))) return;
      // Copy and cut leave text selected on the page to the browser.
      if ((match.action === 'copy' || match.action === 'cut') && (window.getSelection()?.toString().trim() ?? '') !== '') return;
      const resize = RESIZE_KEYS[match.action];
      if (resize && e.shiftKey) {
        e.preventDefault();
        resizeSelected(resize[0], resize[1], true);
        return;
      }
      const action = e.shiftKey && match.action.startsWith('nudge') ? undefined : match.action;
      if (!action) {
        e.preventDefault();
        const far = { nudgeLeft: [-1, 0], nudgeRight: [1, 0], nudgeUp: [0, -1], nudgeDown: [0, 1] }[match.action as 'nudgeLeft'];
        editing.nudge(far[0], far[1], true);
        return;
      }
      // Over the welcome screen only what makes sense without a canvas (it handles arrows and Escape itself).
      if (document.querySelector('.sd-welcome') && !WELCOME_ACTIONS.has(action)) return;
      e.preventDefault();
      runAction(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [host.platform, runAction, editing, resizeSelected]);

  useEffect(() => host.onMenuCommand((command) => {
    // Undo from the Edit menu while typing belongs to the text field.
    if ((command === 'undo' || command === 'redo' || command === 'delete' || command === 'selectAll') && isTextField(document.activeElement)) {
      document.execCommand(command === 'delete' ? 'delete' : command);
      return;
    }
    runAction(command);
  }), [host, runAction]);

  const title = file?.name ?? design.name;
  useEffect(() => {
    host.setTitle(`${dirty ? '● ' : ''}${title} — Serverless Designer`, dirty);
  }, [dirty, host, title]);

  useEffect(() => {
    if (!dirty || host.platform !== 'browser') return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty, host.platform]);

  useEffect(() => {
    host.takeStartupFile().then((f) => f && editor.openText(f.name, f.text, f.handle), (err: unknown) => notices.error(String(err)));
    // Once, at start: a later change of `editor` must not reopen the startup file.
  }, []);
  // Desktop: another launch (or Finder) handed over a design; main has asked about unsaved work.
  useEffect(() => host.onOpenRequested?.(() => {
    host.takeStartupFile().then((f) => f && editor.openText(f.name, f.text, f.handle), (err: unknown) => notices.error(String(err)));
  }), [editor, host, notices]);

  const paletteDrops = useRef(0);
  const addNode = useCallback((kind: DesignNode['kind'], point: { x: number; y: number }) => {
    const placement = canvas.current?.placementAt(kind, point) ?? { position: point };
    // A function or database dropped on a subnet goes in it (one step: add, then place).
    const id = nextId(editor.design, kind);
    if (placement.ask) {
      // On a VPC (or, for a load balancer or database, a subnet): the same question a drag there
      // asks. The card waits at the drop point; the answer joins this add's undo step.
      const join = `palette-${id}-${++paletteDrops.current}`;
      const result = editor.dispatch({ type: 'addNode', kind, id, position: placement.ask.position }, { join });
      if (result.refused) return;
      editor.setSelection({ nodes: [id], edges: [] });
      const name = result.design.nodes.find((n) => n.id === id)?.name ?? id;
      canvas.current?.askNewPlacement({ id, name }, placement.ask, join, `Add ${kindLabel(kind)}`, () => editor.discard(join));
      return;
    }
    const add = { type: 'addNode', kind, id, position: placement.position, ...(placement.parent ? { parent: placement.parent } : {}) } as const;
    const result = editor.dispatch(placement.subnets
      ? { type: 'batch', label: `Add ${kindLabel(kind)}`, commands: [add, { type: 'attachToSubnets', nodeId: id, subnets: placement.subnets }] }
      : add);
    if (result.refused) return;
    editor.setSelection({ nodes: [id], edges: [] });
    if (placement.notice) notices.info(placement.notice);
  }, [editor, notices]);

  const addFromPalette = useCallback((kind: DesignNode['kind']) => {
    const center = canvas.current?.visibleCenter() ?? { x: 0, y: 0 };
    const jitter = (design.nodes.length % 5) * 24;
    addNode(kind, { x: center.x + jitter, y: center.y + jitter });
  }, [addNode, design.nodes.length]);

  const connectAs = useCallback((from: string, to: string, kind: EdgeKind) => {
    const result = editor.dispatch({ type: 'connect', from, to, kind });
    if (!result.refused) editor.setSelection({ nodes: [], edges: result.created });
  }, [editor]);

  const onConnectRequest = useCallback((from: string, to: string, at: { x: number; y: number }) => {
    const plan = planConnection(editor.design, from, to);
    if (plan.action === 'refuse') notices.error(plan.reason);
    else if (plan.action === 'connect') connectAs(from, to, plan.kind);
    else setPendingConnect({ from, to, kinds: plan.kinds, at });
  }, [connectAs, editor.design, notices]);

  // A refusal a rule reports (INV-05 …) is that one finding; its connection problem is not shown twice.
  const problems = useMemo(() => problemsBesideFindings(editor.problems, analysis.analysis.setAside), [editor.problems, analysis.analysis.setAside]);
  const marks = useMemo(() => issueMarks(problems, analysis.byTarget), [problems, analysis.byTarget]);
  const paths = useMemo(() => (pathsOn ? pathsOverlay(analysis) : undefined), [pathsOn, analysis]);

  /** Selects what a finding or problem is about and brings it into view; a design-wide finding
   *  clears the selection, so the inspector shows the design. */
  const selectTarget = useCallback((target: Pick<FindingTarget, 'id' | 'type'>) => {
    const { design: current } = editor;
    if (target.type === 'node' && current.nodes.some((n) => n.id === target.id)) {
      editor.setSelection({ nodes: [target.id], edges: [] });
      canvas.current?.focus({ type: 'node', id: target.id });
    } else if (target.type === 'edge' && current.edges.some((e) => e.id === target.id)) {
      editor.setSelection({ nodes: [], edges: [target.id] });
      canvas.current?.focus({ type: 'edge', id: target.id });
    } else editor.setSelection({ nodes: [], edges: [] });
  }, [editor]);
  // A finding picked in the Findings panel (pickedFinding, declared above): its primary target is
  // selected, its related ones (the blocking security group …) highlighted while it stays so.
  const selectFinding = useCallback((target: FindingTarget, related?: readonly FindingTarget[]) => {
    selectTarget(target);
    setPickedFinding(related?.length ? { primary: target.id, related: new Set(related.map((r) => r.id)) } : null);
  }, [selectTarget]);
  const relatedShown = useMemo(() => relatedHighlight(pickedFinding, selection), [pickedFinding, selection]);
  const selectEdge = useCallback((id: string) => selectTarget({ type: 'edge', id }), [selectTarget]);
  const selectNode = useCallback((id: string) => selectTarget({ type: 'node', id }), [selectTarget]);
  const showFindings = useCallback(() => setDock({ tab: 'findings', open: true }), []);
  // Alternatives: variants of the design in the same file (core/commands/alternatives.ts).
  const alternatives = useMemo(() => alternativeNames(design), [design.alternativeName, design.alternatives]);
  const duplicateAlternative = useCallback(() => {
    const from = currentAlternativeName(editor.design);
    const result = editor.dispatch({ type: 'duplicateAlternative' });
    if (!result.refused) notices.info(`Now editing alternative ${currentAlternativeName(result.design)}, a copy of ${from}. Compare them in the Compare tab.`);
  }, [editor, notices]);
  duplicateAlternativeRef.current = duplicateAlternative;
  const switchAlternative = useCallback((name: string) => editor.dispatch({ type: 'switchAlternative', name }), [editor]);
  /** "Enter … at …" in the Cost panel: select the node and put the cursor in its usage field. */
  const enterUsage = useCallback((node: string, field: string) => {
    selectNode(node);
    setUsageFocus({ node, field, seq: ++usageFocusSeq });
  }, [selectNode]);
  const openUsagePanel = useCallback(() => setDock({ tab: 'usage', open: true }), []);
  const setActiveProfile = useCallback((name: string) => editor.dispatch({ type: 'setActiveUsageProfile', name }), [editor]);
  // Badges: the same estimate as the Cost panel's default view (active profile, design region).
  const badgeEstimate = analysis.costs.get('badges');
  const costs = useMemo(() => {
    if (!costBadgesOn || !badgeEstimate?.estimate.ok) return undefined;
    return costBadges(badgeEstimate.estimate.report);
  }, [costBadgesOn, badgeEstimate]);

  const present = useMemo(() => new Set([...design.nodes.map((n) => `node:${n.id}`), ...design.edges.map((e) => `edge:${e.id}`)]), [design.nodes, design.edges]);

  const mod = host.platform === 'darwin' ? '⌘' : 'Ctrl';
  const nameOf = (id: string) => design.nodes.find((n) => n.id === id)?.name ?? id;

  return (
    <OpenExternalContext.Provider value={host.openExternal}>
      <div className="sd-app">
        <Toolbar
          title={title}
          dirty={dirty}
          canUndo={editor.canUndo}
          canRedo={editor.canRedo}
          undoLabel={editor.undoLabel}
          redoLabel={editor.redoLabel}
          canDelete={selection.nodes.length + selection.edges.length > 0}
          mod={mod}
          onNew={() => setWelcome('new')}
          onOpen={() => void openDesign()}
          onSave={() => save(false)}
          onSaveAs={() => save(true)}
          onImport={() => void importFromHost()}
          onExportSam={() => setExportFormat('sam')}
          onExportCdk={() => setExportFormat('cdk')}
          onExportImage={() => setShareDialog('image')}
          onExportReport={() => setShareDialog('report')}
          importing={importing}
          onUndo={undo}
          onRedo={redo}
          onDelete={editor.deleteSelection}
          findingCounts={analysis.counts}
          analysing={analysis.pending ?? false}
          onShowFindings={showFindings}
          pathsOn={pathsOn}
          onTogglePaths={() => setPathsOn((on) => !on)}
          alternatives={alternatives}
          currentAlternative={currentAlternativeName(design)}
          onDuplicateAlternative={duplicateAlternative}
          onSwitchAlternative={switchAlternative}
          costBadgesOn={costBadgesOn}
          onToggleCostBadges={toggleCostBadges}
          themeChoice={themeChoice}
          onCycleTheme={cycleTheme}
          onAutoLayout={() => void autoLayout.start()}
          autoLayoutLabel={autoLayoutLabel(selectedDesignNodes(design, selection.nodes).length)}
          autoLayoutBusy={autoLayout.busy}
          editTools={<EditTools arrange={editing.arrangeOptions} onArrange={editing.arrange} snapOn={editing.snapOn} onToggleSnap={editing.toggleSnap} onShowShortcuts={() => setShortcutsOpen(true)} />}
        />
        <div className="sd-main">
          <Palette onAdd={addFromPalette} onAddNote={editing.addNote} focusSearch={paletteFocus} />
          <div className="sd-center">
            <ReactFlowProvider key={editor.documentKey}>
              <NoteActionsContext.Provider value={editing.noteActions}>
              <Canvas
                ref={canvas}
                design={design}
                selection={selection}
                marks={marks}
                related={relatedShown}
                paths={paths}
                costs={costs}
                onSelectionChange={editor.setSelection}
                dispatch={editor.dispatch}
                onNotice={notices.info}
                onConnectRequest={onConnectRequest}
                onAddNode={addNode}
                onDropFile={(f) => void importDropped(f)}
                layoutOverride={autoLayout.override}
                snapToGrid={editing.snapOn}
                onNudge={editing.nudge}
                onResizeKey={resizeSelected}
              />
              </NoteActionsContext.Provider>
            </ReactFlowProvider>
            <AnalysisDock
              tab={dock.tab}
              open={dock.open}
              counts={analysis.counts}
              tabs={importReport ? [...DEFAULT_TABS, 'import'] : undefined}
              importSkipped={importReport ? importReport.totals.resources - importReport.totals.understood : 0}
              onTab={(tab) => setDock({ tab, open: true })}
              onToggleOpen={() => setDock((d) => ({ ...d, open: !d.open }))}
            >
              {dock.tab === 'import' && importReport
                ? <ImportReportPanel report={importReport} present={present} onSelect={selectTarget} />
                : dock.tab === 'compare'
                  ? <ComparePanel key={editor.documentKey} design={analysis.design} dispatch={editor.dispatch} />
                  : dock.tab === 'cost'
                  ? <CostPanel key={editor.documentKey} design={analysis.design} reachability={analysis.analysis.reachability} onSelectNode={selectNode} onEnterUsage={enterUsage} onSetActiveProfile={setActiveProfile} worker={costPanelWorker} />
                  : dock.tab === 'usage'
                    ? <UsagePanel design={editor.model} dispatch={editor.dispatch} onSelectNode={selectNode} />
                  : dock.tab === 'retryPaths'
                    ? <RetryPathsPanel paths={analysis.analysis.retryPaths} omitted={analysis.analysis.retryPathsOmitted} truncated={analysis.analysis.retryPathsTruncated} onSelectEdge={selectEdge} selectedEdge={selection.edges[0]} />
                  : dock.tab === 'reachability'
                    ? <ReachabilityPanel reachability={analysis.analysis.reachability} onSelectEdge={selectEdge} selectedEdge={selection.edges[0]} />
                  : <FindingsPanel findings={analysis.analysis.findings} suppressed={analysis.analysis.suppressed} counts={analysis.counts} onSelect={selectFinding} dispatch={editor.dispatch} design={analysis.design} setAside={analysis.analysis.setAside} />}
            </AnalysisDock>
          </div>
          <div className="sd-side">
            <Inspector
              design={design}
              nodeId={selection.nodes[0]}
              edgeId={selection.edges[0]}
              selectionSize={selection.nodes.length + selection.edges.length}
              problems={problems}
              dispatch={editor.dispatch}
              onDelete={editor.deleteSelection}
              analysis={analysis}
              onSelectEdge={selectEdge}
              usageFocus={usageFocus}
              onOpenUsagePanel={openUsagePanel}
            />
            <ProblemsPanel problems={problems} onSelect={selectTarget} />
          </div>
        </div>
        {welcome && (
          <WelcomeScreen
            mode={welcome}
            templates={TEMPLATES}
            dirty={dirty}
            mod={mod}
            recent={recentFiles}
            onPick={(t) => void pickTemplate(t)}
            onBlank={() => void startBlank()}
            onOpen={() => void openDesign()}
            onImport={() => void importFromHost()}
            onClose={closeWelcome}
          />
        )}
        {pendingConnect && (
          <ConnectMenu
            at={pendingConnect.at}
            fromName={nameOf(pendingConnect.from)}
            toName={nameOf(pendingConnect.to)}
            kinds={pendingConnect.kinds}
            onPick={(kind) => { setPendingConnect(null); connectAs(pendingConnect.from, pendingConnect.to, kind); }}
            onClose={() => setPendingConnect(null)}
          />
        )}
        {exportFormat && <ExportDialog format={exportFormat} design={editor.model} platform={host.platform} onExport={exportFiles} onClose={() => setExportFormat(null)} />}
        {shareDialog === 'image' && <ExportImageDialog design={design} selection={selection} theme={theme} platform={host.platform} onSave={saveExport} onCopy={copyImageBlob} onClose={() => setShareDialog(null)} />}
        {shareDialog === 'report' && <ExportReportDialog design={design} platform={host.platform} onSave={saveExport} onPrint={(compare) => void printReport(compare)} onClose={() => setShareDialog(null)} />}
        {importError && <ImportErrorDialog {...importError} onClose={() => setImportError(null)} />}
        {problemDialog && <ProblemDialog {...problemDialog} onClose={() => setProblemDialog(null)} />}
        <DiskChangedWatcher host={host} editor={editor} />
        {drafts.orphans.length > 0 && !unsavedRequest && (
          <RecoveryDialog drafts={drafts.orphans} onRestore={(d) => void restoreDraft(d)} onDiscard={(d) => void discardDraft(d)} onLater={drafts.postpone} />
        )}
        {unsavedRequest && <UnsavedDialog request={unsavedRequest} />}
        {shortcutsOpen && <ShortcutSheet platform={host.platform} onClose={() => setShortcutsOpen(false)} />}
        <Toasts toasts={toasts} onDismiss={dismissToast} />
      </div>
    </OpenExternalContext.Provider>
  );
}
