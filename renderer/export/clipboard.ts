import type { Host } from '../host';

/** Puts a PNG on the system clipboard: on the desktop through main (Electron's permission policy
 *  refuses the page's clipboard), in a browser with navigator.clipboard.write and a ClipboardItem.
 *  Throws an Error a person can read when it cannot. */
export async function copyPng(png: Blob, host: Pick<Host, 'copyImage'>, nav: Navigator = navigator): Promise<void> {
  if (host.copyImage) {
    await host.copyImage(new Uint8Array(await png.arrayBuffer()));
    return;
  }
  if (typeof ClipboardItem === 'undefined' || !nav.clipboard?.write) throw new Error('this browser cannot put images on the clipboard; use Export image… instead');
  try {
    await nav.clipboard.write([new ClipboardItem({ 'image/png': png })]);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new Error(`the browser refused the clipboard (${why}); allow clipboard access for this page, or use Export image…`, { cause: err });
  }
}
