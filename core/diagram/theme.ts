/** The canvas's colours (renderer/styles.css and renderer/styles/edges.css variables), light and
 *  dark, as literal values: a standalone SVG cannot read CSS variables, and resvg does not resolve
 *  `var()`. Keep in step with those files. */
export interface DiagramPalette {
  canvas: string; node: string; nodeBorder: string; text: string; text2: string; muted: string;
  border: string; panel: string; subtle: string; warning: string;
  edge: string; edgeStrong: string; edgeFail: string; edgeDlq: string;
  vpcBorder: string; vpcBg: string; subnetBorder: string; subnetBg: string;
  /** Text on a kind badge. */ onFill: string;
}

export const PALETTES: Readonly<Record<'light' | 'dark', DiagramPalette>> = {
  light: {
    canvas: '#f8f9fb', node: '#ffffff', nodeBorder: '#c9d1dc', text: '#16191f', text2: '#414d5c', muted: '#5f6b7a',
    border: '#dde2ea', panel: '#ffffff', subtle: '#fafbfc', warning: '#8d6605',
    edge: '#7d8998', edgeStrong: '#545b64', edgeFail: '#c0362c', edgeDlq: '#7d3cb5',
    vpcBorder: '#8c4fff', vpcBg: '#f8f6ff', subnetBorder: '#2b7d2f', subnetBg: '#f3faf3', onFill: '#ffffff',
  },
  dark: {
    canvas: '#11161d', node: '#1d252f', nodeBorder: '#3d4856', text: '#e6e9ee', text2: '#c3cad4', muted: '#9aa5b3',
    border: '#323c49', panel: '#171d25', subtle: '#1a2029', warning: '#f0c44c',
    edge: '#8692a2', edgeStrong: '#b3bcc8', edgeFail: '#ff806b', edgeDlq: '#c39bef',
    vpcBorder: '#a47bff', vpcBg: '#1b1729', subnetBorder: '#5cb860', subnetBg: '#14221a', onFill: '#ffffff',
  },
};

/** How each edge kind is drawn (the canvas's `.sd-edge-<kind>` styles). */
export function edgeStyle(kind: string, p: DiagramPalette): { stroke: string; width: number; dash?: string; cap?: 'round' } {
  switch (kind) {
    case 'trigger': return { stroke: p.edgeStrong, width: 1.6 };
    case 'access': return { stroke: p.edge, width: 1.6, dash: '6 4' };
    case 'destination': return { stroke: p.edgeFail, width: 1.6, dash: '3 3' };
    case 'deadLetter': return { stroke: p.edgeDlq, width: 2.2, dash: '0.1 5', cap: 'round' };
    default: return { stroke: p.edge, width: 1.6 };
  }
}
