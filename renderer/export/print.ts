/** Prints an HTML document (the review report) without leaving the app: it is written into a
 *  hidden iframe and that frame's print() is called, so only the report is printed, never the
 *  editor around it. Electron's webContents prints a frame the same way.
 *
 *  The frame is about:srcdoc, so it inherits the app's Content-Security-Policy (style-src 'self',
 *  script-src 'self'): the report's inline <style> elements and style attributes would be
 *  refused, and its scripts, if it had any, never run. So the styles are taken out before the
 *  frame is written and put back through the CSSOM (a constructed stylesheet and element.style),
 *  which the policy allows. */
export async function printHtml(html: string, doc: Document = document): Promise<void> {
  const { markup, css } = withoutInlineStyles(html);
  const frame = doc.createElement('iframe');
  frame.title = 'Report to print';
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.dataset.testid = 'print-frame';
  // Off screen but laid out at a page's width, so the report paginates as it would on paper.
  Object.assign(frame.style, { position: 'fixed', left: '-10000px', top: '0', width: '800px', height: '600px', border: '0', visibility: 'hidden' });
  const loaded = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
  frame.srcdoc = markup;
  doc.body.append(frame);
  try {
    await loaded;
    const win = frame.contentWindow as (Window & typeof globalThis) | null;
    const inner = frame.contentDocument;
    if (!win || !inner) throw new Error('the report could not be prepared for printing');
    restoreStyles(inner, win, css);
    await inner.fonts?.ready;
    const done = new Promise<void>((resolve) => {
      win.addEventListener('afterprint', () => resolve(), { once: true });
      // Some hosts never send afterprint; print() itself blocks until the dialog closes in Chromium.
      setTimeout(resolve, 1000);
    });
    win.focus();
    win.print();
    await done;
  } finally {
    frame.remove();
  }
}

const STYLE_ATTR = 'data-sd-style';

/** The HTML with its <style> elements taken out (their text returned as `css`) and every style=""
 *  attribute renamed data-sd-style, so the CSP has nothing inline to refuse (each refusal is a
 *  console error). Done on the text: parsing it in this document (DOMParser, a template) already
 *  applies the policy to the attributes. Safe on generated HTML, where text and attribute values
 *  escape "<": a tag is "<" + a letter up to the next ">", and <style> holds no "</style>". */
export function withoutInlineStyles(html: string): { markup: string; css: string } {
  const css: string[] = [];
  const markup = html
    .replace(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi, (_all, text: string) => {
      css.push(text);
      return '';
    })
    .replace(/<[a-zA-Z][^<>]*>/g, (tag) => tag.replace(/(\s)style\s*=\s*("[^"]*"|'[^']*')/gi, `$1${STYLE_ATTR}=$2`));
  return { markup, css: css.join('\n') };
}

/** Puts the styles back through the CSSOM, which the CSP allows: the CSS as one constructed
 *  stylesheet, each element's style through element.style. */
export function restoreStyles(inner: Document, win: Window & typeof globalThis, css: string): void {
  if (css.trim()) {
    try {
      const sheet = new win.CSSStyleSheet();
      sheet.replaceSync(css);
      inner.adoptedStyleSheets = [...inner.adoptedStyleSheets, sheet];
    } catch {
      // No constructable stylesheets: the report prints unstyled rather than not at all.
    }
  }
  for (const el of inner.querySelectorAll<HTMLElement | SVGElement>(`[${STYLE_ATTR}]`)) el.style.cssText = el.getAttribute(STYLE_ATTR) ?? '';
}
