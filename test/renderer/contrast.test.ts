import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** WCAG 2.x contrast of the theme's text/background pairs, read from the variables in styles.css
 *  (light in :root, dark in [data-theme='dark'], which inherits what it does not redefine).
 *  https://www.w3.org/TR/WCAG21/#contrast-minimum — 4.5:1 for normal text. */
const RENDERER = join(import.meta.dirname, '..', '..', 'renderer');
const CSS = readFileSync(join(RENDERER, 'styles.css'), 'utf8');

function block(selector: string): Map<string, string> {
  const start = CSS.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`styles.css has no "${selector} {" block`);
  const body = CSS.slice(start, CSS.indexOf('\n}', start));
  return new Map([...body.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));
}

const LIGHT = block(':root');
const DARK = new Map([...LIGHT, ...block("[data-theme='dark']")]);

type Rgba = [number, number, number, number];

function parseColour(text: string): Rgba {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(text);
  if (hex) {
    const h = hex[1].length === 3 ? [...hex[1]].map((c) => c + c).join('') : hex[1];
    return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)).concat(1) as Rgba;
  }
  const rgb = /^rgba?\(\s*(\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\s*\)$/.exec(text);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3]), rgb[4] === undefined ? 1 : Number(rgb[4])];
  throw new Error(`not a colour: ${text}`);
}

function colour(theme: Map<string, string>, name: string, seen: string[] = []): Rgba {
  const value = theme.get(name);
  if (value === undefined) throw new Error(`${name} is not defined`);
  const ref = /^var\((--[\w-]+)\)$/.exec(value);
  if (ref) {
    if (seen.includes(ref[1])) throw new Error(`${name}: circular var()`);
    return colour(theme, ref[1], [...seen, name]);
  }
  return parseColour(value);
}

/** A translucent colour as it shows over an opaque one. */
const over = ([r, g, b, a]: Rgba, [R, G, B]: Rgba): Rgba => [r * a + R * (1 - a), g * a + G * (1 - a), b * a + B * (1 - a), 1];

function luminance([r, g, b]: Rgba): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrast(fg: Rgba, bg: Rgba): number {
  const [a, b] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}

/** Text colour → the backgrounds it is drawn on somewhere in the app. */
const PAIRS: [string, string[]][] = [
  ['--sd-text', ['--sd-bg', '--sd-panel', '--sd-node', '--sd-canvas', '--sd-hover', '--sd-subtle', '--sd-selected-bg', '--sd-active-bg', '--sd-count-bg', '--sd-vpc-bg', '--sd-subnet-bg', '--sd-export-preview']],
  ['--sd-text-2', ['--sd-panel', '--sd-node', '--sd-subtle', '--sd-hover']],
  ['--sd-muted', ['--sd-bg', '--sd-panel', '--sd-node', '--sd-subtle', '--sd-hover', '--sd-vpc-bg', '--sd-subnet-bg', '--sd-divider']],
  ['--sd-accent', ['--sd-panel', '--sd-node', '--sd-subtle']],
  ['--sd-danger', ['--sd-panel', '--sd-subtle']],
  ['--sd-warning', ['--sd-panel', '--sd-warning-bg']],
  ['--sd-ok', ['--sd-panel']],
  ['--sd-error-text', ['--sd-error-bg', '--sd-panel']],
  ['--sd-warning-text', ['--sd-warning-bg']],
  ['--sd-info-text', ['--sd-info-bg', '--sd-panel']],
  ['--sd-ok-text', ['--sd-ok-bg']],
  ['--sd-on-fill', ['--sd-accent-fill', '--sd-accent-fill-hover', '--sd-danger-fill', '--sd-caution-fill', '--sd-ok-fill', '--sd-neutral-fill', '--sd-toast', '--sd-toast-error']],
  ['--sd-toolbar-text', ['--sd-toolbar', '--sd-toolbar-hover', '--sd-toolbar-on', '--sd-toolbar-input']],
  ['--sd-toolbar-muted', ['--sd-toolbar', '--sd-toolbar-hover']],
  ['--sd-toolbar-dirty', ['--sd-toolbar']],
  ['--xy-edge-label-color', ['--xy-edge-label-background-color']],
  ['--xy-controls-button-color', ['--xy-controls-button-background-color']],
];

describe('theme colours', () => {
  for (const [themeName, theme] of [['light', LIGHT], ['dark', DARK]] as const) {
    it(`${themeName}: every text colour reaches 4.5:1 on each background it is used on`, () => {
      const failures: string[] = [];
      for (const [fg, backgrounds] of PAIRS) {
        for (const bg of backgrounds) {
          const back = over(colour(theme, bg), colour(theme, '--sd-panel'));
          const ratio = contrast(over(colour(theme, fg), back), back);
          if (ratio < 4.5) failures.push(`${fg} on ${bg}: ${ratio.toFixed(2)}:1`);
        }
      }
      expect(failures).toEqual([]);
    });
  }

  it('light and dark are different themes: dark text is light, dark surfaces are dark', () => {
    for (const surface of ['--sd-bg', '--sd-panel', '--sd-canvas', '--sd-node']) {
      expect(luminance(colour(LIGHT, surface)), surface).toBeGreaterThan(0.8);
      expect(luminance(colour(DARK, surface)), surface).toBeLessThan(0.05);
    }
    expect(luminance(colour(DARK, '--sd-text'))).toBeGreaterThan(0.7);
  });

  it('the dark theme redefines every colour the light theme sets, or says it keeps it', () => {
    const same = new Set(['--sd-on-fill', '--sd-toolbar-dirty']); // white on fills, amber on the (dark) toolbar
    const rawInLight = [...block(':root')].filter(([, v]) => /^(#|rgba?\()/.test(v)).map(([k]) => k);
    const dark = block("[data-theme='dark']");
    expect(rawInLight.filter((k) => !dark.has(k) && !same.has(k))).toEqual([]);
  });

  it('every var(--sd-*) a stylesheet in renderer/ uses is defined (in styles.css, or in that part\'s own sheet), or has a fallback', () => {
    const sheets = [CSS, ...readdirSync(join(RENDERER, 'styles'), { withFileTypes: true }).filter((f) => f.isFile() && f.name.endsWith('.css')).map((f) => readFileSync(join(RENDERER, 'styles', f.name), 'utf8'))];
    const defined = new Set(sheets.flatMap((s) => [...s.matchAll(/(--sd-[\w-]+)\s*:/g)].map((m) => m[1])));
    const used = new Set(sheets.flatMap((s) => [...s.matchAll(/var\((--sd-[\w-]+)\s*\)/g)].map((m) => m[1])));
    expect([...used].filter((name) => !defined.has(name))).toEqual([]);
  });

  it('the contrast formula gives the WCAG reference values', () => {
    expect(contrast(parseColour('#000000'), parseColour('#ffffff'))).toBeCloseTo(21, 5);
    expect(contrast(parseColour('#777777'), parseColour('#ffffff'))).toBeCloseTo(4.48, 2);
  });
});
