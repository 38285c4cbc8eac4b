import type * as ResvgModule from '@resvg/resvg-js';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { renderDiagram, type DiagramOptions } from '../../core/diagram';
import { CliInputError, type Command } from '../command';
import { EXIT } from '../io';
import { errorMessage } from '../text';
import { loadDesignOrAlternative, oneOf } from '../load';
import { writeAtomic } from './export';

const THEMES = ['light', 'dark'] as const;
const BACKGROUNDS = ['white', 'transparent', 'theme'] as const;
/** PNG pixels per SVG px. */
const PNG_SCALE = 2;

/** The SVG as PNG at 2× (resvg, loaded only when a PNG is asked for). */
async function toPng(svg: string): Promise<Uint8Array> {
  let resvg: typeof ResvgModule;
  try {
    resvg = await import('@resvg/resvg-js');
  } catch (err) {
    // The installed command ships without this native module (it is optional): say how to add it.
    if ((err as { code?: unknown }).code !== 'ERR_MODULE_NOT_FOUND') throw err;
    throw new CliInputError('a PNG needs the optional package @resvg/resvg-js, which is not installed: run `npm install @resvg/resvg-js` beside serverless-designer, or write an SVG (-o OUT.svg)');
  }
  const { Resvg } = resvg;
  return new Resvg(svg, { fitTo: { mode: 'zoom', value: PNG_SCALE }, font: { loadSystemFonts: true } }).render().asPng();
}

export const diagramCommand: Command = {
  name: 'diagram',
  summary: 'draw the design from the model as SVG or PNG (the whole design or some nodes)',
  help: `Usage: serverless-designer diagram FILE[#ALT] -o OUT.svg|OUT.png [--only ID,ID…]
                                 [--theme light|dark] [--background white|transparent|theme]

Draws the design as the canvas shows it — cards with their kind badges, VPCs and subnets as
containers, connections in their styles with labels, attachment lines, security-group chips and
sticky notes — from the model and its saved layout (laid out automatically when it has none).
The SVG is self-contained (no external reference, no script); the PNG is the SVG at 2×.

Options:
  -o, --out OUT               .svg or .png; written whole or not at all (replaced if it exists;
                              never touched when drawing fails)
  --only ID,ID…               only these nodes (ids), the containers they are drawn in and the
                              connections among them
  --theme light|dark          default light
  --background B              white, transparent or theme (the canvas colour);
                              default: theme for SVG, white for PNG
  -h, --help                  show this help

Exit codes: 0 written; 2 a file cannot be read or parsed, an --only id is not in the design, the
options are wrong, or OUT cannot be written.`,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: {
      out: { type: 'string', short: 'o' }, only: { type: 'string' }, theme: { type: 'string', default: 'light' },
      background: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    } });
    if (values.help) { io.out(this.help); return EXIT.ok; }
    if (positionals.length !== 1) { io.err('diagram: give exactly one design file (see --help)'); return EXIT.unreadable; }
    const out = values.out;
    if (!out) { io.err('diagram: give the output file with -o OUT (.svg or .png)'); return EXIT.unreadable; }
    const ext = extname(out).toLowerCase();
    if (ext !== '.svg' && ext !== '.png') {
      io.err(`diagram: cannot tell the format from "${basename(out)}": name it .svg or .png`);
      return EXIT.unreadable;
    }
    const theme = oneOf('theme', values.theme, THEMES, io);
    if (!theme) return EXIT.unreadable;
    const background = values.background === undefined ? (ext === '.png' ? 'white' : 'theme') : oneOf('background', values.background, BACKGROUNDS, io);
    if (!background) return EXIT.unreadable;

    const loaded = await loadDesignOrAlternative(positionals[0], io);
    if (!loaded) return EXIT.unreadable;
    const { file, design } = loaded;
    const options: DiagramOptions = { theme, background };
    if (values.only !== undefined) {
      const only = values.only.split(',').map((s) => s.trim()).filter(Boolean);
      if (!only.length) { io.err('diagram: --only takes node ids separated by commas (like --only fn,queue)'); return EXIT.unreadable; }
      const ids = new Set(design.nodes.map((n) => n.id));
      const unknown = only.filter((id) => !ids.has(id));
      if (unknown.length) {
        io.err(`${file}: --only: no node with id ${unknown.map((id) => `"${id}"`).join(', ')} in "${design.name}" (ids are the nodes' "id" fields; \`serverless-designer validate\` lists problems by id)`);
        return EXIT.unreadable;
      }
      options.only = only;
    }

    // Every bad input is refused above: a design that loaded and cannot be drawn is a bug, which
    // cli/main.ts reports as one (exit 3).
    const diagram = await renderDiagram(design, options);
    const size = ext === '.png' ? { width: diagram.width * PNG_SCALE, height: diagram.height * PNG_SCALE } : diagram;
    const content = ext === '.png' ? await toPng(diagram.svg) : diagram.svg;
    try {
      writeAtomic(out, content);
    } catch (err) {
      io.err(`diagram: cannot write ${out}: ${errorMessage(err)}`);
      return EXIT.unreadable;
    }
    io.out(`wrote ${out} (${size.width} × ${size.height} px${values.only !== undefined ? `, ${options.only?.length} selected node${options.only?.length === 1 ? '' : 's'}` : ''})`);
    return EXIT.ok;
  },
};
