// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDesign } from '../../core/model';
import { loadTemplates, templateTags } from '../../renderer/templates';
import { templatePreview } from '../../renderer/panels/templatePreview';
import { WelcomeScreen, type RecentFilesSource } from '../../renderer/panels/WelcomeScreen';
import { nextThemeChoice, readThemeChoice, resolveTheme, saveThemeChoice, THEME_KEY } from '../../renderer/theme';

afterEach(cleanup);

const TEMPLATES = loadTemplates();
const byFile = (slug: string) => {
  const t = TEMPLATES.find((x) => x.slug === slug);
  if (!t?.design) throw new Error(`no template ${slug}`);
  return { ...t, design: t.design };
};

describe('templatePreview', () => {
  it('draws the VPC template as the canvas does: every resource inside the box of the container it is drawn in', () => {
    const { design } = byFile('vpc-rds-external-api');
    const preview = templatePreview(design);
    expect(preview.boxes).toHaveLength(design.nodes.length);
    expect(preview.lines).toHaveLength(design.edges.length);
    const box = new Map(preview.boxes.map((b) => [b.id, b]));
    const inside = (child: string, parent: string) => {
      const c = box.get(child)!;
      const p = box.get(parent)!;
      return c.x >= p.x && c.y >= p.y && c.x + c.width <= p.x + p.width && c.y + c.height <= p.y + p.height;
    };
    const subnets = design.nodes.filter((n) => n.kind === 'subnet');
    expect(subnets.length).toBeGreaterThan(0);
    for (const s of subnets) expect(inside(s.id, 'vpc'), s.id).toBe(true);
    for (const nat of design.nodes.filter((n) => n.kind === 'natGateway')) expect(inside(nat.id, nat.parent!), nat.id).toBe(true);
    // Containers come first, so resources are drawn over them.
    const firstResource = preview.boxes.findIndex((b) => !b.container);
    expect(preview.boxes.slice(firstResource).every((b) => !b.container)).toBe(true);
    // The view box holds every box.
    const [x, y, w, h] = preview.viewBox.split(' ').map(Number);
    for (const b of preview.boxes) expect(b.x >= x && b.y >= y && b.x + b.width <= x + w && b.y + b.height <= y + h).toBe(true);
  });

  it('an edge joins the centres of its two boxes; an empty design has an empty preview', () => {
    const { design } = byFile('rest-api');
    const preview = templatePreview(design);
    const box = new Map(preview.boxes.map((b) => [b.id, b]));
    for (const e of design.edges) {
      const line = preview.lines.find((l) => l.id === e.id)!;
      const from = box.get(e.from)!;
      expect([line.x1, line.y1]).toEqual([from.x + from.width / 2, from.y + from.height / 2]);
    }
    expect(templatePreview(createDesign('Empty'))).toMatchObject({ boxes: [], lines: [] });
  });
});

describe('templates: teaches and tags', () => {
  it('every bundled template says what it teaches, and its tags follow what it holds', () => {
    for (const t of TEMPLATES) {
      expect(t.teaches.length, t.slug).toBeGreaterThan(30);
      expect(t.tags.length, t.slug).toBeGreaterThan(0);
    }
    expect(byFile('vpc-rds-external-api').tags).toEqual(expect.arrayContaining(['VPC', 'database', 'external API']));
    expect(byFile('stream-processing').tags).toContain('streams');
    expect(byFile('rest-api').tags).not.toContain('VPC');
    expect(templateTags(createDesign('Empty'))).toEqual([]);
  });
});

describe('WelcomeScreen', () => {
  const recent = (entries: { name: string; handle: string; detail?: string }[], reopens: boolean): RecentFilesSource => ({ list: async () => entries, reopens, open: vi.fn(async () => undefined) });
  const renderWelcome = (source: RecentFilesSource, extra: Partial<Parameters<typeof WelcomeScreen>[0]> = {}) => {
    const props = { mode: 'start' as const, templates: TEMPLATES, dirty: false, mod: 'Ctrl', recent: source, onPick: vi.fn(), onBlank: vi.fn(), onOpen: vi.fn(), onImport: vi.fn(), onClose: vi.fn(), ...extra };
    render(<WelcomeScreen {...props} />);
    return props;
  };

  it('lists recent desktop files with their folder and opens the one clicked', async () => {
    const source = recent([{ name: 'orders.design.json', handle: 'r-1', detail: '/home/me' }], true);
    renderWelcome(source);
    const item = await screen.findByTestId('recent-file');
    expect(item.textContent).toContain('/home/me');
    expect(screen.queryByText(/cannot reopen a file by its path/)).toBeNull();
    fireEvent.click(item);
    await waitFor(() => expect(source.open).toHaveBeenCalledWith({ name: 'orders.design.json', handle: 'r-1', detail: '/home/me' }));
  });

  it('says why the browser asks for the file again; Escape closes; the buttons do what they say', async () => {
    const props = renderWelcome(recent([], false));
    expect(await screen.findByTestId('recent-empty')).toBeTruthy();
    expect(screen.getByText(/cannot reopen a file by its path/)).toBeTruthy();
    fireEvent.click(screen.getByTestId('welcome-open'));
    fireEvent.click(screen.getByTestId('welcome-import'));
    fireEvent.click(screen.getByTestId('template-blank'));
    fireEvent.click(screen.getByTestId('template-rest-api'));
    for (const f of [props.onOpen, props.onImport, props.onBlank]) expect(f).toHaveBeenCalledTimes(1);
    expect(props.onPick).toHaveBeenCalledWith(expect.objectContaining({ slug: 'rest-api' }));
    fireEvent.keyDown(screen.getByTestId('welcome'), { key: 'Escape' });
    expect(props.onClose).toHaveBeenCalledTimes(1);
  });
});

describe('theme choice', () => {
  it('steps System → Light → Dark → System; System follows the OS', () => {
    expect(['system', 'light', 'dark'].map((c) => nextThemeChoice(c as 'system'))).toEqual(['light', 'dark', 'system']);
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
  });

  it('is kept in storage; an unknown or unreadable value means System', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    expect(readThemeChoice(storage)).toBe('system');
    saveThemeChoice('dark', storage);
    expect(store.get(THEME_KEY)).toBe('dark');
    expect(readThemeChoice(storage)).toBe('dark');
    store.set(THEME_KEY, 'sepia');
    expect(readThemeChoice(storage)).toBe('system');
    expect(readThemeChoice({ getItem: () => { throw new Error('denied'); } })).toBe('system');
  });
});
