import type { Host } from './host';

/** The browser host: Open reads a file picked in a file input, Save downloads the file. */
export function createBrowserHost(doc: Document = document): Host {
  return {
    platform: 'browser',
    openDesign: () => pickFile(doc),
    saveDesign: async (text, suggestedName) => download(doc, text, suggestedName),
    saveDesignAs: async (text, suggestedName) => download(doc, text, suggestedName),
    onMenuCommand: () => () => undefined,
    setTitle: (title) => {
      doc.title = title;
    },
    takeStartupFile: async () => null,
  };
}

function pickFile(doc: Document): Promise<{ name: string; text: string } | null> {
  return new Promise((resolve) => {
    const input = doc.createElement('input');
    input.type = 'file';
    input.accept = '.json,application/json';
    input.hidden = true;
    input.dataset.testid = 'open-file-input';
    const finish = (result: { name: string; text: string } | null) => {
      input.remove();
      resolve(result);
    };
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return finish(null);
      file.text().then((text) => finish({ name: file.name, text }), () => finish(null));
    });
    input.addEventListener('cancel', () => finish(null));
    doc.body.append(input);
    input.click();
  });
}

function download(doc: Document, text: string, name: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { name, handle: name };
}
